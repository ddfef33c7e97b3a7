"use client";
// Email and password, checked by better-auth (POST /api/auth/sign-in/email); then a full load of
// the page the person came from, so the app shell renders again with their session.
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useSearchParams } from "next/navigation";
import { FormProvider, useForm } from "react-hook-form";
import { z } from "zod";
import { authApi, safeNext } from "@/lib/api/auth";
import { errorMessage, isApiError } from "@/lib/api/errors";
import { setupBodySchema } from "@/lib/contract/auth";
import { FormProblem } from "@/components/forms/form-problem";
import { TextField } from "@/components/forms/form-fields";
import { AuthForm } from "./auth-form";
import { AuthCard } from "./auth-card";
import styles from "./auth.module.css";
import { SubmitButton } from "@/components/forms/submit-button";

// Only the email's form is checked here: a password of any length is the server's to judge.
const signInSchema = z.object({ email: setupBodySchema.shape.email, password: z.string().min(1, "Enter your password") });
type Values = z.output<typeof signInSchema>;

function refusal(error: unknown): string {
  if (!isApiError(error)) return errorMessage(error);
  if (error.status === 401) return "Wrong email or password.";
  if (error.status === 429) {
    const wait = error.retryAfter;
    return wait !== null ? `Too many attempts, try again in ${wait} s.` : "Too many attempts, try again in a moment.";
  }
  return errorMessage(error);
}

export function SignInForm() {
  const next = safeNext(useSearchParams().get("next"));
  const form = useForm<Values>({ defaultValues: { email: "", password: "" }, resolver: zodResolver(signInSchema) });
  const signIn = useMutation({
    mutationFn: ({ email, password }: Values) => authApi.signIn(email, password),
    onSuccess: () => window.location.assign(next),
    onError: () => form.setValue("password", ""),
  });
  return (
    <AuthCard title="Sign in">
      <FormProvider {...form}>
        <AuthForm label="Sign in" onSubmit={form.handleSubmit((values) => signIn.mutate(values))}>
          {signIn.error && <FormProblem outcome="Not signed in.">{refusal(signIn.error)}</FormProblem>}
          <TextField<Values> name="email" label="Email" type="email" autoComplete="username" required />
          <TextField<Values> name="password" label="Password" type="password" autoComplete="current-password" required />
          <SubmitButton
            pending={signIn.isPending || signIn.isSuccess}
            pendingLabel="Signing in…"
            className={`button button-primary ${styles.submit}`}
          >
            Sign in
          </SubmitButton>
          <p className="muted">Forgot your password? An admin can set a new one for you.</p>
        </AuthForm>
      </FormProvider>
    </AuthCard>
  );
}
