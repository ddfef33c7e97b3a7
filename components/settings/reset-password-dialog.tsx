"use client";
// An admin sets a new password for someone (there is no email to reset it by); their sessions end.
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { FormProvider, useForm } from "react-hook-form";
import { toast } from "sonner";
import { z } from "zod";
import { errorMessage } from "@/lib/api/errors";
import { keys } from "@/lib/api/keys";
import { usersApi } from "@/lib/api/people";
import { userCreateSchema, type User } from "@/lib/contract/auth";
import { FormProblem } from "@/components/forms/form-problem";
import { NewPasswordField } from "@/components/forms/form-fields";
import { showServerErrors } from "@/components/forms/server-errors";
import { SubmitButton } from "@/components/forms/submit-button";

const resetSchema = z.object({ password: userCreateSchema.shape.password });
type Values = z.output<typeof resetSchema>;

export function ResetPasswordDialog({ user, onClose }: { user: User | null; onClose: () => void }) {
  const client = useQueryClient();
  const dialog = useRef<HTMLDialogElement>(null);
  const form = useForm<Values>({ defaultValues: { password: "" }, resolver: zodResolver(resetSchema) });
  const reset = useMutation({
    mutationFn: ({ password }: Values) => usersApi.update(user?.id ?? "", { password }),
    onSuccess: (saved) => {
      void client.invalidateQueries({ queryKey: keys.users.all });
      toast.success(`New password set for ${saved.name}`);
      onClose();
    },
    onError: (e) => showServerErrors(e, form.setError),
  });
  const { reset: resetForm } = form;
  const { reset: resetMutation } = reset;
  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (user && !d.open) {
      resetForm({ password: "" });
      resetMutation();
      d.showModal();
    }
    if (!user && d.open) d.close();
  }, [user, resetForm, resetMutation]);
  const placed = form.formState.errors.password?.type === "server";
  return (
    <dialog ref={dialog} className="dialog" aria-labelledby="reset-title" onClose={onClose}>
      <FormProvider {...form}>
        <form className="dialog-body" onSubmit={form.handleSubmit((v) => reset.mutate(v))} noValidate>
          <header className="dialog-header">
            <h2 id="reset-title">Reset the password of {user?.name}</h2>
          </header>
          <p>They sign in with the new password from now on; tell it to them yourself.</p>
          {reset.error && !placed && <FormProblem outcome="Not changed.">{errorMessage(reset.error)}</FormProblem>}
          <NewPasswordField<Values> name="password" label="New password" />
          <div className="form-actions">
            <button type="button" className="button" onClick={onClose} disabled={reset.isPending}>
              Cancel
            </button>
            <SubmitButton pending={reset.isPending} pendingLabel="Saving…">
              Set password
            </SubmitButton>
          </div>
        </form>
      </FormProvider>
    </dialog>
  );
}
