"use client";
// Inviting a person: an admin creates their account with a temporary password and tells them
// (there is no email). They sign in with it; an admin can set a new one any time.
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { FormProvider, useForm } from "react-hook-form";
import { toast } from "sonner";
import { errorMessage } from "@/lib/api/errors";
import { keys } from "@/lib/api/keys";
import { usersApi } from "@/lib/api/people";
import { ROLES, userCreateSchema, type UserCreate } from "@/lib/contract/auth";
import { FormProblem } from "@/components/forms/form-problem";
import { SelectField, NewPasswordField, TextField } from "@/components/forms/form-fields";
import { showServerErrors } from "@/components/forms/server-errors";
import { ROLE_LABEL } from "@/components/auth/role-label";
import styles from "./settings.module.css";
import { SubmitButton } from "@/components/forms/submit-button";

export const ROLE_OPTIONS = ROLES.map((r) => ({ value: r, label: ROLE_LABEL[r] }));
const EMPTY: UserCreate = { name: "", email: "", role: "viewer", password: "" };

export function InviteForm() {
  const client = useQueryClient();
  const form = useForm<UserCreate>({ defaultValues: EMPTY, resolver: zodResolver(userCreateSchema) });
  const invite = useMutation({
    mutationFn: usersApi.create,
    onSuccess: (user) => {
      void client.invalidateQueries({ queryKey: keys.users.all });
      form.reset(EMPTY);
      toast.success(`Invited ${user.name}: give them their email and the temporary password`);
    },
    onError: (e) => showServerErrors(e, form.setError),
  });
  const placed = Object.values(form.formState.errors).some((e) => e?.type === "server");
  return (
    <section className="card" aria-labelledby="invite-title">
      <header className="card-header">
        <h2 id="invite-title">Invite</h2>
      </header>
      <FormProvider {...form}>
        <form className="card-body stack" onSubmit={form.handleSubmit((v) => invite.mutate(v))} noValidate aria-label="Invite a person">
          {invite.error && !placed && <FormProblem outcome="Not invited.">{errorMessage(invite.error)}</FormProblem>}
          <div className={styles.formRow}>
            <TextField<UserCreate> name="name" label="Name" autoComplete="off" required />
            <TextField<UserCreate> name="email" label="Email" type="email" autoComplete="off" required />
            <SelectField<UserCreate> name="role" label="Role" options={ROLE_OPTIONS} required />
            <NewPasswordField<UserCreate> name="password" label="Temporary password" hint="tell them yourself." />
          </div>
          <div className="form-actions">
            <SubmitButton pending={invite.isPending} pendingLabel="Inviting…">
              Invite
            </SubmitButton>
          </div>
        </form>
      </FormProvider>
    </section>
  );
}
