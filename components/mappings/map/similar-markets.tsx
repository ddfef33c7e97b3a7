"use client";
// "Map it too": other platforms' unmapped markets that look like this one, with their score
// breakdown (name, outcomes, lines, prices) and price verdict, whichever target is chosen.
import Link from "next/link";
import { useFormContext, useWatch } from "react-hook-form";
import type { Candidates } from "@/lib/contract/mappings";
import { PlatformBadge } from "@/components/unmapped/badges";
import { PLATFORM_LABEL } from "@/components/unmapped/labels";
import { cx } from "@/components/ui/cx";
import type { MapFormValues } from "./map-draft";
import { FeatureBreakdown, SafeBadge } from "./price-badges";
import { Score } from "./target-picker";
import styles from "./target-picker.module.css";

/**
 * Other platforms' unmapped markets that look like this one, whichever target is chosen. "Map it
 * too" makes the save map both into the one mapping (one request, one transaction); choosing
 * another one replaces it.
 */
export function SimilarMarkets({ similar }: { similar: Candidates["markets"] }) {
  const { setValue, control } = useFormContext<MapFormValues>();
  const counterpartId = useWatch({ control, name: "counterpartId" });
  const chosen = similar.find((m) => m.id === counterpartId);
  return (
    <details className="disclosure" open={chosen !== undefined || undefined}>
      <summary>Similar unmapped markets on other platforms ({similar.length})</summary>
      <ul className={cx(styles.similarMarkets, "disclosure-body")}>
        {similar.map((m) => {
          const on = m.id === counterpartId;
          return (
            <li key={m.id}>
              <PlatformBadge source={m.source} />{" "}
              <Link href={`/unmapped/${m.id}`} target="_blank">
                {m.marketName}
              </Link>{" "}
              <span className="mono muted">{m.externalMarketId}</span> <Score value={m.score} label="similarity" />{" "}
              <SafeBadge safe={m.safeToAccept} />{" "}
              <button
                type="button"
                className={cx("button", "button-small", on && "button-primary")}
                aria-pressed={on}
                aria-label={`Map ${PLATFORM_LABEL[m.source]} ${m.externalMarketId} too`}
                onClick={() => setValue("counterpartId", on ? null : m.id, { shouldDirty: true })}
              >
                {on ? "Mapped too ✓" : "Map it too"}
              </button>
              <FeatureBreakdown features={m.features} price={m.price} />
            </li>
          );
        })}
      </ul>
      <p className="muted table-note" aria-live="polite">
        {chosen
          ? `Saving maps ${PLATFORM_LABEL[chosen.source]} ${chosen.externalMarketId} into the same mapping too: both become Mapped, in one change.`
          : "Map it too: one save maps both into the same mapping, so every platform compares against one betpawa market."}
      </p>
    </details>
  );
}
