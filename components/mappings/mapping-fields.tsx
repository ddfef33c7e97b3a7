"use client";
// The mapping form's own fields: its id (creating only), name, platform ids and the reason, each
// with its hint and error beside it. A platform id another mapping holds links to that mapping.
import Link from "next/link";
import type { ReactNode } from "react";
import { get, useFormContext, useWatch, type Path } from "react-hook-form";
import { mappingHref } from "@/lib/api/mappings";
import { changeReasonSchema, mappingNameSchema, platformIdSchema, slugSchema } from "@/lib/contract/mappings";
import { Field } from "@/components/forms/field";
import { formatCount } from "@/components/ui/format";
import type { MappingDraft } from "./mapping-draft";

const REASON_LIMIT = changeReasonSchema.maxLength ?? undefined;

function TextField({
  name,
  label,
  hint,
  required,
  mono,
  maxLength,
  className,
  extra,
}: {
  name: Path<MappingDraft>;
  label: string;
  hint?: string;
  required?: boolean;
  mono?: boolean;
  maxLength?: number | null;
  className?: string;
  /** After the error message: e.g. a link to the mapping holding the id. */
  extra?: ReactNode;
}) {
  const { register, formState } = useFormContext<MappingDraft>();
  const error = (get(formState.errors, name) as { message?: string; type?: string } | undefined)?.message;
  return (
    <Field
      id={`mapping-${name}`}
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
          className={mono ? "input mono" : "input"}
          maxLength={maxLength ?? undefined}
          spellCheck={mono ? false : undefined}
        />
      )}
    </Field>
  );
}

export function MappingFields({ creating, holder }: { creating: boolean; holder: string | null }) {
  const { formState } = useFormContext<MappingDraft>();
  const holderLink = (field: "sportybetId" | "bet9jaKey") =>
    holder && formState.errors[field]?.type === "server" ? (
      <>
        {" "}
        <Link href={mappingHref(holder)}>Open {holder}</Link>
      </>
    ) : null;
  return (
    <div className="form-grid">
      {creating && (
        <TextField
          name="canonicalId"
          label="Canonical id"
          required
          mono
          maxLength={slugSchema.maxLength}
          hint="Lower-case letters, digits and _, e.g. match_shots_outside_box"
          className="form-wide"
        />
      )}
      <TextField name="name" label="Name" required maxLength={mappingNameSchema.maxLength} className="form-wide" />
      <TextField
        name="betpawaId"
        label="betpawa market id"
        mono
        maxLength={platformIdSchema.maxLength}
        hint="Empty: no betpawa counterpart, so the scraper cannot compare it."
      />
      <TextField
        name="sportybetId"
        label="SportyBet market id"
        mono
        maxLength={platformIdSchema.maxLength}
        extra={holderLink("sportybetId")}
      />
      <TextField
        name="bet9jaKey"
        label="Bet9ja market key"
        mono
        maxLength={platformIdSchema.maxLength}
        hint="The full key, e.g. S_OU"
        extra={holderLink("bet9jaKey")}
      />
    </div>
  );
}

export function ReasonField() {
  const { register, formState } = useFormContext<MappingDraft>();
  const reason = useWatch<MappingDraft, "reason">({ name: "reason" });
  return (
    <Field
      id="mapping-reason"
      label="Reason for the change"
      required
      error={formState.errors.reason?.message}
      hint={`Kept in the mapping's history. ${formatCount(reason.length)} / ${REASON_LIMIT ?? "–"}`}
    >
      {(a) => (
        <textarea
          {...a}
          {...register("reason")}
          className="input textarea textarea-short"
          rows={2}
          placeholder="e.g. SportyBet renamed the outcomes"
        />
      )}
    </Field>
  );
}
