"use client";
// Creating or editing an alert rule: its name, conditions (checkboxes, numbers and a pattern, each
// empty for "any"), actions (toast, a webhook endpoint, a chat URL) and throttle. The chat URL is
// never shown back: editing shows its origin, a blank field keeps it, "Remove" drops it.
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useMemo, type ReactNode } from "react";
import { get, useForm, useFormContext, type Path } from "react-hook-form";
import { z } from "zod";
import { alertRulesApi } from "@/lib/api/alert-rules";
import { keys } from "@/lib/api/keys";
import { webhookQueries } from "@/lib/api/webhooks";
import { alertRuleActionsSchema, alertRuleCreateSchema, ONE_ACTION, oneAction, type AlertRule } from "@/lib/contract/alert-rules";
import { PLATFORMS, REASONS } from "@/lib/contract/enums";
import { alertCauseSchema } from "@/lib/contract/realtime";
import { Field } from "@/components/forms/field";
import { TextField } from "@/components/forms/form-fields";
import { showServerErrors } from "@/components/forms/server-errors";
import { PLATFORM_LABEL, REASON_LABEL } from "@/components/unmapped/labels";
import { CAUSE_LABEL } from "./alert-rule-labels";
import { addOrEdit, FormCard } from "./form-card";
import styles from "./settings.module.css";

/** The contract's create body, plus "remove the chat URL" when editing; a kept chat URL counts as an action. */
const formSchemaFor = (keepsChat: boolean) =>
  alertRuleCreateSchema.omit({ actions: true }).extend({
    actions: z
      .object({ ...alertRuleActionsSchema.shape, removeChat: z.boolean() })
      .refine((a) => oneAction(a) || (keepsChat && !a.removeChat), ONE_ACTION),
  });
type Schema = ReturnType<typeof formSchemaFor>;
type Input = z.input<Schema>;
type Output = z.output<Schema>;

const EMPTY: Input = {
  name: "",
  enabled: true,
  conditions: { platforms: [], reasons: [], causes: [], minPriority: null, minSightings: null, pattern: null },
  actions: { toast: true, webhookEndpointId: null, chatUrl: null, removeChat: false },
  throttleMinutes: 0,
};

const valuesOf = (r: AlertRule): Input => ({
  name: r.name,
  enabled: r.enabled,
  conditions: r.conditions,
  actions: { toast: r.actions.toast, webhookEndpointId: r.actions.webhookEndpointId, chatUrl: null, removeChat: false },
  throttleMinutes: r.throttleMinutes,
});

// An empty box is null ("any", "none"): the contract's word for a condition or action left out.
const text = (raw: unknown) => (typeof raw === "string" && raw.trim() === "" ? null : raw);
const number = (raw: unknown) => (raw === "" || raw === null || raw === undefined ? null : Number(raw));

/** The server's field ("body.conditions.platforms.0", "body.actions") as the form's. */
const formField = (f: string) => {
  const field = f.replace(/^body\./, "").replace(/\.\d+$/, "");
  return (field === "actions" ? "actions.toast" : field) as Path<Input>;
};

function InputField({
  name,
  label,
  hint,
  type = "text",
  parse = text,
}: {
  name: Path<Input>;
  label: string;
  hint?: ReactNode;
  type?: "text" | "number";
  parse?: (raw: unknown) => unknown;
}) {
  const { register, formState } = useFormContext<Input>();
  const error = (get(formState.errors, name) as { message?: string } | undefined)?.message;
  return (
    <Field id={`rule-${name.replace(/\./g, "-")}`} label={label} hint={hint} error={error}>
      {(a) => <input {...a} {...register(name, { setValueAs: parse })} type={type} className="input" autoComplete="off" />}
    </Field>
  );
}

function Checks({ name, legend, options }: { name: Path<Input>; legend: string; options: readonly { value: string; label: string }[] }) {
  const { register, formState } = useFormContext<Input>();
  const error = (get(formState.errors, name) as { message?: string } | undefined)?.message;
  return (
    <fieldset className={styles.events}>
      <legend>{legend}</legend>
      {options.map((o) => (
        <label key={o.value} className={styles.switch}>
          <input type="checkbox" value={o.value} {...register(name)} />
          {o.label}
        </label>
      ))}
      {error && <p className="field-error">{error}</p>}
    </fieldset>
  );
}

/** @param editing the rule being edited, or null to create one. */
export function AlertRuleForm({ editing, onDone }: { editing: AlertRule | null; onDone: () => void }) {
  const client = useQueryClient();
  const endpoints = useQuery(webhookQueries.list());
  const chatTarget = editing?.actions.chatTarget ?? null;
  const resolver = useMemo(() => zodResolver(formSchemaFor(chatTarget !== null)), [chatTarget]);
  const form = useForm<Input, unknown, Output>({ defaultValues: EMPTY, resolver });
  // Again once the endpoints are there: a select shows its value only among its options.
  const hooksLoaded = endpoints.isSuccess;
  useEffect(() => form.reset(editing ? valuesOf(editing) : EMPTY), [editing, form, hooksLoaded]);
  const save = useMutation({
    mutationFn: ({ actions: { removeChat, chatUrl, ...actions }, ...v }: Output) =>
      editing
        ? // A blank chat URL keeps the one saved (left out of the PATCH); "Remove" sends null.
          alertRulesApi.update(editing.id, { ...v, actions: { ...actions, ...(chatUrl ? { chatUrl } : removeChat && { chatUrl: null }) } })
        : alertRulesApi.create({ ...v, actions: { ...actions, chatUrl } }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: keys.alertRules.all });
      form.reset(EMPTY);
      onDone();
    },
    onError: (e) => showServerErrors(e, form.setError, formField),
  });
  const actionsError = form.formState.errors.actions?.toast?.message;
  const hooks = endpoints.data?.items ?? [];
  return (
    <FormCard titleId="alert-rule-form-title" form={form} save={save} {...addOrEdit("rule", "a", editing?.name, onDone)}>
      <div className={styles.formRow}>
        <TextField<Input> name="name" label="Name" autoComplete="off" required />
        <InputField
          name="throttleMinutes"
          label="Throttle (minutes)"
          type="number"
          hint="At most one notification per this many minutes; 0: every time."
          parse={(raw) => (raw === "" ? 0 : Number(raw))}
        />
      </div>
      <label className={styles.switch}>
        <input type="checkbox" {...form.register("enabled")} />
        Enabled
      </label>
      <Checks
        name="conditions.platforms"
        legend="Platforms (none: any)"
        options={PLATFORMS.map((p) => ({ value: p, label: PLATFORM_LABEL[p] }))}
      />
      <Checks name="conditions.reasons" legend="Reasons (none: any)" options={REASONS.map((r) => ({ value: r, label: REASON_LABEL[r] }))} />
      <Checks
        name="conditions.causes"
        legend="Causes (none: any)"
        options={alertCauseSchema.options.map((c) => ({ value: c, label: CAUSE_LABEL[c] }))}
      />
      <div className={styles.formRow}>
        <InputField name="conditions.minPriority" label="Minimum priority" type="number" hint="Empty: any." parse={number} />
        <InputField
          name="conditions.minSightings"
          label="Minimum sightings"
          type="number"
          hint="In the run that announced it; empty: any."
          parse={number}
        />
        <InputField name="conditions.pattern" label="Name or id pattern" hint="Case-insensitive, * for any text; empty: any." />
      </div>
      <fieldset className={styles.group} aria-describedby={actionsError ? "rule-actions-error" : undefined}>
        <legend>Actions</legend>
        <label className={styles.switch}>
          <input type="checkbox" {...form.register("actions.toast")} />
          Toast in the app
        </label>
        <div className={styles.formRow}>
          <Field id="rule-webhook" label="Webhook endpoint" hint="Gets an alert.fired event, whatever it subscribes to.">
            {(a) => (
              <select {...a} {...form.register("actions.webhookEndpointId", { setValueAs: text })} className="select">
                <option value="">None</option>
                {hooks.map((h) => (
                  <option key={h.id} value={h.id}>
                    {h.description || h.url}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <InputField
            name="actions.chatUrl"
            label="Chat URL"
            hint={
              chatTarget
                ? `Now ${chatTarget}; leave blank to keep it.`
                : "A Slack-compatible incoming webhook; private addresses are refused."
            }
          />
        </div>
        {chatTarget && (
          <label className={styles.switch}>
            <input type="checkbox" {...form.register("actions.removeChat")} />
            Remove the chat target
          </label>
        )}
        {actionsError && (
          <p id="rule-actions-error" className="field-error">
            {actionsError}
          </p>
        )}
      </fieldset>
    </FormCard>
  );
}
