"use client";
// Creating an API token: a name, a role up to one's own, an optional expiry day. The secret comes
// back once (the server keeps only its hash), so it is shown here with a copy button and a warning
// until dismissed.
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { keys } from "@/lib/api/keys";
import { tokensApi } from "@/lib/api/people";
import { ROLES, roleAtLeast, tokenCreateSchema, type ApiTokenCreated, type Role } from "@/lib/contract/auth";
import { ROLE_LABEL } from "@/components/auth/role-label";
import { SelectField, TextField } from "@/components/forms/form-fields";
import { showServerErrors } from "@/components/forms/server-errors";
import { FormCard } from "./form-card";
import { SecretOnce } from "./secret-once";
import styles from "./settings.module.css";

// The end of the chosen day, in the browser's time zone.
const endOfDay = (day: string) => new Date(`${day}T23:59:59`);

const tokenFormSchema = tokenCreateSchema.pick({ name: true, role: true }).extend({
  expires: z
    .string()
    .refine((day) => day === "" || endOfDay(day).getTime() > Date.now(), "Pick a day from today on, or leave it empty for no expiry"),
});
type Values = z.output<typeof tokenFormSchema>;

function TokenShownOnce({ created, onDone }: { created: ApiTokenCreated; onDone: () => void }) {
  return (
    <SecretOnce
      title={<>Copy the token “{created.name}” now: it is not shown again.</>}
      secret={created.token}
      testId="token-secret"
      what="the token"
      onDone={onDone}
    >
      <p>Tools send it as the header Authorization: Bearer &lt;token&gt;. Anyone holding it acts with its role until it is revoked.</p>
    </SecretOnce>
  );
}

export function TokenCreateForm({ ownRole }: { ownRole: Role }) {
  const client = useQueryClient();
  const roles = ROLES.filter((r) => roleAtLeast(ownRole, r)).map((r) => ({ value: r, label: ROLE_LABEL[r] }));
  const empty: Values = { name: "", role: "viewer", expires: "" };
  const form = useForm<Values>({ defaultValues: empty, resolver: zodResolver(tokenFormSchema) });
  const [created, setCreated] = useState<ApiTokenCreated | null>(null);
  const create = useMutation({
    mutationFn: ({ name, role, expires }: Values) =>
      tokensApi.create({ name, role, expiresAt: expires ? endOfDay(expires).toISOString() : null }),
    onSuccess: (token) => {
      void client.invalidateQueries({ queryKey: keys.tokens.all });
      form.reset(empty);
      setCreated(token);
    },
    onError: (e) =>
      showServerErrors(e, form.setError, (f) => (f === "body.expiresAt" ? "expires" : (f.replace(/^body\./, "") as keyof Values))),
  });
  return (
    <FormCard
      titleId="token-create-title"
      above={created && <TokenShownOnce created={created} onDone={() => setCreated(null)} />}
      title="Create a token"
      label="Create a token"
      form={form}
      save={create}
      outcome="Not created."
      submitLabel="Create token"
      pendingLabel="Creating…"
    >
      <div className={styles.formRow}>
        <TextField<Values> name="name" label="Name" hint="What uses it, e.g. the reporting job." autoComplete="off" required />
        <SelectField<Values> name="role" label="Role" options={roles} hint="At most your own role." required />
        <TextField<Values> name="expires" label="Expires" type="date" hint="Optional: it stops working after this day." />
      </div>
    </FormCard>
  );
}
