"use client";
// First run: nobody exists yet, so the first account is created here and is the admin. The server
// signs them in with the answer; a full load then opens the app with that session.
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { FormProvider, useForm } from "react-hook-form";
import { z } from "zod";
import { authApi } from "@/lib/api/auth";
import { errorMessage, isApiError } from "@/lib/api/errors";
import { setupBodySchema } from "@/lib/contract/auth";
import { FormProblem } from "@/components/forms/form-problem";
import { NewPasswordField, TextField } from "@/components/forms/form-fields";
import { showServerErrors } from "@/components/forms/server-errors";
import { AuthForm } from "./auth-form";
import { AuthCard } from "./auth-card";
import styles from "./auth.module.css";
import { SubmitButton } from "@/components/forms/submit-button";

const setupFormSchema = setupBodySchema
  .extend({ confirm: z.string() })
  .refine((v) => v.password === v.confirm, { path: ["confirm"], message: "The two passwords differ" });
type Draft = z.input<typeof setupFormSchema>;
type Values = z.output<typeof setupFormSchema>;

export function SetupForm() {
  const form = useForm<Draft, unknown, Values>({
    defaultValues: { name: "", email: "", password: "", confirm: "" },
    resolver: zodResolver(setupFormSchema),
  });
  const create = useMutation({
    mutationFn: ({ confirm: _confirm, ...body }: Values) => authApi.setup(body),
    // eslint-disable-next-line @next/next/no-location-assign-relative-destination -- a full load: the root layout renders the app shell only for a session
    onSuccess: () => window.location.assign("/unmapped"),
    onError: (e) => showServerErrors(e, form.setError),
  });
  // 409: someone created the admin meanwhile; signing in is what is left.
  const taken = isApiError(create.error) && create.error.status === 409;
  const placed = Object.values(form.formState.errors).some((e) => e?.type === "server");
  return (
    <AuthCard
      title="Create the admin account"
      intro={<p className="muted">Nobody has an account yet. The first one manages people, tokens and scrapes.</p>}
    >
      <FormProvider {...form}>
        <AuthForm label="Create the admin account" onSubmit={form.handleSubmit((values) => create.mutate(values))}>
          {taken && (
            <FormProblem outcome="Already set up.">
              The admin account exists now. <Link href="/sign-in">Sign in</Link>.
            </FormProblem>
          )}
          {create.error && !taken && !placed && <FormProblem outcome="Not created.">{errorMessage(create.error)}</FormProblem>}
          <TextField<Draft> name="name" label="Name" autoComplete="name" required />
          <TextField<Draft> name="email" label="Email" type="email" autoComplete="username" required />
          <NewPasswordField<Draft> name="password" label="Password" />
          <TextField<Draft> name="confirm" label="Confirm password" type="password" autoComplete="new-password" required />
          <SubmitButton
            pending={create.isPending || create.isSuccess}
            pendingLabel="Creating…"
            className={`button button-primary ${styles.submit}`}
          >
            Create the admin account
          </SubmitButton>
        </AuthForm>
      </FormProvider>
    </AuthCard>
  );
}
