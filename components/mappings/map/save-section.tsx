"use client";
// "3. Reason and save". A suspicious price check blocks Map until "Map anyway: the prices are wrong
// here" is ticked with why (the request then says confirmSuspicious, the why joins the reason);
// the server's own refusal (the check turned suspicious meanwhile) shows here too.
import Link from "next/link";
import { useFormContext, useWatch } from "react-hook-form";
import { ReasonField, TextField } from "@/components/forms/form-fields";
import { SubmitButton } from "@/components/forms/submit-button";
import type { MapFormValues } from "./map-draft";
import { CHECK_FIELD } from "./map-rules";

interface Props {
  marketId: number;
  pending: boolean;
  suspicious: boolean;
}

export function SaveSection({ marketId, pending, suspicious }: Props) {
  const { register, formState } = useFormContext<MapFormValues>();
  const confirm = useWatch<MapFormValues, "override.confirm">({ name: "override.confirm" });
  const checkError = (formState.errors as Record<string, { message?: string } | undefined>)[CHECK_FIELD]?.message;
  const blocked = suspicious && !confirm;
  return (
    <section className="card" aria-labelledby="save-title">
      <header className="card-header">
        <h2 id="save-title">3. Reason and save</h2>
      </header>
      <div className="card-body stack">
        <ReasonField<MapFormValues>
          name="reason"
          label="Reason"
          kept="Kept in the history of the market and of the mapping."
          placeholder="e.g. Same market as betpawa's Shots Outside Box; outcomes checked against the odds"
        />
        {suspicious && (
          <div className="stack-tight">
            <label className="field-check">
              <input type="checkbox" {...register("override.confirm")} />
              Map anyway: the prices are wrong here
            </label>
            {confirm && (
              <TextField<MapFormValues>
                name="override.why"
                label="Why are the prices wrong here?"
                required
                hint="Kept in the history with the reason and the check's figures."
              />
            )}
          </div>
        )}
        {(blocked || checkError) && (
          <p className="field-error" id="map-blocked" role={checkError ? "alert" : undefined}>
            {checkError ??
              "Not mapped while the price check says suspicious: use the pairing the prices support, or tick “Map anyway” and say why."}
          </p>
        )}
        <div className="form-actions">
          <Link href={`/unmapped/${marketId}`} className="button">
            Cancel
          </Link>
          <SubmitButton pending={pending} pendingLabel="Mapping…" disabled={blocked}>
            Map market
          </SubmitButton>
        </div>
      </div>
    </section>
  );
}
