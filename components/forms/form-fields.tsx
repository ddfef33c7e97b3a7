"use client";
// Labelled text fields bound to a react-hook-form field by name, with hint and error beside them.
import type { ReactNode } from "react";
import { get, useFormContext, useWatch, type FieldValues, type Path } from "react-hook-form";
import { PASSWORD_MIN } from "@/lib/contract/auth";
import { changeReasonSchema } from "@/lib/contract/mappings";
import { Options, type Choice } from "@/components/ui/choice-select";
import { formatCount } from "@/components/ui/format";
import { Field } from "./field";

interface TextFieldProps<F extends FieldValues> {
  name: Path<F>;
  label: string;
  hint?: ReactNode;
  required?: boolean;
  mono?: boolean;
  maxLength?: number | null;
  className?: string;
  /** After the error message, e.g. a link to the mapping holding an id, or a way out. */
  extra?: ReactNode;
  type?: "text" | "email" | "password" | "date";
  /** The browser's autofill hint, e.g. "current-password". */
  autoComplete?: string;
}

const idOf = (name: string) => `field-${name.replace(/\./g, "-")}`;

export function TextField<F extends FieldValues>({
  name,
  label,
  hint,
  required,
  mono,
  maxLength,
  className,
  extra,
  type = "text",
  autoComplete,
}: TextFieldProps<F>) {
  const { register, formState } = useFormContext<F>();
  const error = (get(formState.errors, name) as { message?: string } | undefined)?.message;
  return (
    <Field
      id={idOf(name)}
      label={label}
      required={required}
      hint={hint}
      className={className}
      error={
        error && (
          <>
            {error}
            {extra}
          </>
        )
      }
    >
      {(a) => (
        <input
          {...a}
          {...register(name)}
          type={type}
          autoComplete={autoComplete}
          className={mono ? "input mono" : "input"}
          maxLength={maxLength ?? undefined}
          spellCheck={mono ? false : undefined}
        />
      )}
    </Field>
  );
}

const REASON_LIMIT = changeReasonSchema.maxLength;

/** The reason a change is made, required by the app's forms and kept in the history; with a counter. */
export function ReasonField<F extends FieldValues>({
  name,
  label,
  kept,
  placeholder,
}: {
  name: Path<F>;
  label: string;
  kept: string;
  placeholder: string;
}) {
  const { register, formState } = useFormContext<F>();
  const reason = String(useWatch<F>({ name }) ?? "");
  const error = (get(formState.errors, name) as { message?: string } | undefined)?.message;
  return (
    <Field id={idOf(name)} label={label} required error={error} hint={`${kept} ${formatCount(reason.length)} / ${REASON_LIMIT ?? "–"}`}>
      {(a) => <textarea {...a} {...register(name)} className="input textarea textarea-short" rows={2} placeholder={placeholder} />}
    </Field>
  );
}

/** A labelled select bound to a react-hook-form field by name. */
export function SelectField<F extends FieldValues>({
  name,
  label,
  hint,
  required,
  options,
}: {
  name: Path<F>;
  label: string;
  hint?: ReactNode;
  required?: boolean;
  options: readonly Choice[];
}) {
  const { register, formState } = useFormContext<F>();
  const error = (get(formState.errors, name) as { message?: string } | undefined)?.message;
  return (
    <Field id={idOf(name)} label={label} required={required} hint={hint} error={error}>
      {(a) => (
        <select {...a} {...register(name)} className="select">
          <Options choices={options} />
        </select>
      )}
    </Field>
  );
}

/** A password being chosen (first admin, invitation, reset): hidden, never autofilled with an old one, the contract's minimum said. */
export function NewPasswordField<F extends FieldValues>({ name, label, hint }: { name: Path<F>; label: string; hint?: string }) {
  return (
    <TextField<F>
      name={name}
      label={label}
      type="password"
      autoComplete="new-password"
      hint={`At least ${PASSWORD_MIN} characters${hint ? `; ${hint}` : "."}`}
      required
    />
  );
}
