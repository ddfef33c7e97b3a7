"use client";
// The mapping form's own fields: its id (creating only), name and platform ids, each with its
// hint and error beside it. A platform id another mapping holds links to that mapping.
import Link from "next/link";
import { useFormContext } from "react-hook-form";
import { mappingHref } from "@/lib/api/mappings";
import { mappingNameSchema, platformIdSchema, slugSchema } from "@/lib/contract/mappings";
import { TextField } from "@/components/forms/form-fields";
import type { MappingDraft } from "./mapping-draft";

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
        <TextField<MappingDraft>
          name="canonicalId"
          label="Canonical id"
          required
          mono
          maxLength={slugSchema.maxLength}
          hint="Lower-case letters, digits and _, e.g. match_shots_outside_box"
          className="form-wide"
        />
      )}
      <TextField<MappingDraft> name="name" label="Name" required maxLength={mappingNameSchema.maxLength} className="form-wide" />
      <TextField<MappingDraft>
        name="betpawaId"
        label="betpawa market id"
        mono
        maxLength={platformIdSchema.maxLength}
        hint="Empty: no betpawa counterpart, so the scraper cannot compare it."
      />
      <TextField<MappingDraft>
        name="sportybetId"
        label="SportyBet market id"
        mono
        maxLength={platformIdSchema.maxLength}
        extra={holderLink("sportybetId")}
      />
      <TextField<MappingDraft>
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
