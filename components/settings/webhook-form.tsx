"use client";
// Creating or editing a webhook endpoint: its URL, the events it receives, a description and
// whether it is on. A new endpoint's signing secret comes back once and is shown here, like a
// rotated one (SecretShownOnce), until dismissed.
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { keys } from "@/lib/api/keys";
import { webhooksApi } from "@/lib/api/webhooks";
import { WEBHOOK_EVENT_TYPES, webhookCreateSchema, type Webhook, type WebhookWithSecret } from "@/lib/contract/webhooks";
import { TextField } from "@/components/forms/form-fields";
import { showServerErrors } from "@/components/forms/server-errors";
import { addOrEdit, FormCard } from "./form-card";
import { SecretOnce } from "./secret-once";
import styles from "./settings.module.css";

type Input = z.input<typeof webhookCreateSchema>;
type Output = z.output<typeof webhookCreateSchema>;

const EMPTY: Input = { url: "", events: ["unmapped.discovered"], description: "", active: true };

/** A signing secret, shown once after creating or rotating, with a copy button. */
export function SecretShownOnce({ hook, onDone }: { hook: WebhookWithSecret; onDone: () => void }) {
  return (
    <SecretOnce
      title={<>Copy the signing secret of {hook.url} now: it is not shown again.</>}
      secret={hook.secret}
      testId="webhook-secret"
      what="the secret"
      onDone={onDone}
    >
      <p>
        The receiver verifies the webhook-signature header with it (any Standard Webhooks library).
        {hook.previousSecretExpiresAt ? " The previous secret also signs for 24 hours, so the receiver can switch over." : ""}
      </p>
    </SecretOnce>
  );
}

/** @param editing the endpoint being edited, or null to create one. */
export function WebhookForm({ editing, onDone }: { editing: Webhook | null; onDone: () => void }) {
  const client = useQueryClient();
  const form = useForm<Input, unknown, Output>({ defaultValues: EMPTY, resolver: zodResolver(webhookCreateSchema) });
  const [created, setCreated] = useState<WebhookWithSecret | null>(null);
  useEffect(() => {
    form.reset(editing ? { url: editing.url, events: editing.events, description: editing.description, active: editing.active } : EMPTY);
  }, [editing, form]);
  const save = useMutation({
    mutationFn: (v: Output) => (editing ? webhooksApi.update(editing.id, v) : webhooksApi.create(v)),
    onSuccess: (hook) => {
      void client.invalidateQueries({ queryKey: keys.webhooks.all });
      form.reset(EMPTY);
      if ("secret" in hook && typeof hook.secret === "string") setCreated(hook as WebhookWithSecret);
      onDone();
    },
    onError: (e) => showServerErrors(e, form.setError, (f) => f.replace(/^body\./, "").replace(/\.\d+$/, "") as keyof Input),
  });
  const eventsError = form.formState.errors.events?.message;
  return (
    <FormCard
      titleId="webhook-form-title"
      above={created && <SecretShownOnce hook={created} onDone={() => setCreated(null)} />}
      form={form}
      save={save}
      {...addOrEdit("endpoint", "an", editing?.url, onDone)}
    >
      <div className={styles.formRow}>
        <TextField<Input> name="url" label="URL" hint="http(s); private and loopback addresses are refused." autoComplete="off" required />
        <TextField<Input> name="description" label="Description" hint="Optional: what receives it." autoComplete="off" />
      </div>
      <fieldset className={styles.events} aria-describedby={eventsError ? "webhook-events-error" : undefined}>
        <legend>Events</legend>
        {WEBHOOK_EVENT_TYPES.map((type) => (
          <label key={type} className={styles.switch}>
            <input type="checkbox" value={type} {...form.register("events")} />
            <span className="mono">{type}</span>
          </label>
        ))}
        {eventsError && (
          <p id="webhook-events-error" className="field-error">
            {eventsError}
          </p>
        )}
      </fieldset>
      <label className={styles.switch}>
        <input type="checkbox" {...form.register("active")} />
        Active (deliveries are sent)
      </label>
    </FormCard>
  );
}
