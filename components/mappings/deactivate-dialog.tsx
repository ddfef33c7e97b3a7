"use client";
// Deactivating a user mapping: a confirmation that says what happens next (the built-in entry
// applies again, or nothing does and covered markets reopen as New), with a required reason.
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRef } from "react";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import { z } from "zod";
import { errorMessage } from "@/lib/api/errors";
import { keys } from "@/lib/api/keys";
import { mappingsApi } from "@/lib/api/mappings";
import { requiredReasonSchema, type MappingDetail } from "@/lib/contract/mappings";
import { Field } from "@/components/forms/field";
import { showServerErrors } from "@/components/forms/server-errors";
import { FormProblem } from "@/components/forms/form-problem";
import { ModalDialog } from "@/components/ui/modal-dialog";
import { SubmitButton } from "@/components/forms/submit-button";

const deactivateSchema = z.object({ reason: requiredReasonSchema });
type Values = z.output<typeof deactivateSchema>;

export function DeactivateButton({ mapping }: { mapping: MappingDetail }) {
  const client = useQueryClient();
  const dialog = useRef<HTMLDialogElement>(null);
  const restores = mapping.builtin !== null;
  const form = useForm<Values>({ defaultValues: { reason: "" }, resolver: zodResolver(deactivateSchema) });

  const deactivate = useMutation({
    mutationFn: ({ reason }: Values) => mappingsApi.deactivate(mapping.canonicalId, reason),
    onSuccess: (now) => {
      client.setQueryData(keys.mappings.detail(now.canonicalId), now);
      void client.invalidateQueries({ queryKey: keys.mappings.all });
      void client.invalidateQueries({ queryKey: keys.audit.all });
      dialog.current?.close();
      form.reset();
      toast.success(restores ? `Override deactivated: the built-in ${now.name} applies again` : `Deactivated ${mapping.name}`, {
        id: `mapping-${mapping.canonicalId}`,
      });
    },
    onError: (e) => showServerErrors(e, form.setError),
  });

  const open = () => {
    deactivate.reset();
    if (!dialog.current?.open) dialog.current?.showModal();
  };
  const error = form.formState.errors.reason?.message;
  const general = deactivate.error && !error ? errorMessage(deactivate.error) : null;

  return (
    <>
      <button type="button" className="button button-danger" onClick={open}>
        {restores ? "Deactivate override…" : "Deactivate…"}
      </button>
      <ModalDialog ref={dialog} labelledBy="deactivate-title" busy={deactivate.isPending}>
        <form className="dialog-body" onSubmit={form.handleSubmit((values) => deactivate.mutate(values))} noValidate>
          <header className="dialog-header">
            <h2 id="deactivate-title">{restores ? "Deactivate the override?" : "Deactivate this mapping?"}</h2>
          </header>
          <p>
            {restores ? (
              <>
                The scraper stops using your version of <strong>{mapping.name}</strong> and goes back to the <strong>built-in entry</strong>
                .
              </>
            ) : (
              <>
                The scraper stops using <strong>{mapping.name}</strong>: no mapping with the id{" "}
                <span className="mono">{mapping.canonicalId}</span> applies any more.
              </>
            )}{" "}
            Markets it covers that the remaining mappings cannot map reopen as New (regressed) when next sighted. The change is kept in the
            history, and editing the mapping later re-activates it.
          </p>
          <Field id="deactivate-reason" label="Reason" required error={error}>
            {(a) => (
              <textarea
                {...a}
                {...form.register("reason")}
                className="input textarea textarea-short"
                rows={3}
                autoFocus
                placeholder="e.g. Wrong betpawa market; back to the catalog entry"
              />
            )}
          </Field>
          {general && <FormProblem outcome="Not deactivated.">{general}</FormProblem>}
          <div className="form-actions">
            <button type="button" className="button" onClick={() => dialog.current?.close()} disabled={deactivate.isPending}>
              Cancel
            </button>
            <SubmitButton pending={deactivate.isPending} pendingLabel="Deactivating…" className="button button-danger-solid">
              {restores ? "Deactivate override" : "Deactivate mapping"}
            </SubmitButton>
          </div>
        </form>
      </ModalDialog>
    </>
  );
}
