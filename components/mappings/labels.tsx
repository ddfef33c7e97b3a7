// Words and badges for mappings: where an entry comes from and whether the scraper uses it.
import type { MappingItem } from "@/lib/contract/mappings";
import type { MappingOrigin, MappingPlatform } from "@/lib/url-state/mappings-view";

export const ORIGIN_LABEL: Record<MappingOrigin, string> = { builtin: "Built-in", user: "User" };
const ORIGIN_HINT: Record<MappingOrigin, string> = {
  builtin: "From the shipped market catalog",
  user: "Created or edited in this app; overrides a built-in entry with the same id",
};

export const MAPPING_PLATFORM_LABEL: Record<MappingPlatform, string> = { betpawa: "betpawa", sportybet: "SportyBet", bet9ja: "Bet9ja" };

export type MappingState = "active" | "overridden" | "inactive";

export function mappingState(m: Pick<MappingItem, "origin" | "active">): MappingState {
  if (m.active) return "active";
  return m.origin === "builtin" ? "overridden" : "inactive";
}

const STATE_LABEL: Record<MappingState, string> = { active: "Active", overridden: "Overridden", inactive: "Deactivated" };
export const STATE_HINT: Record<MappingState, string> = {
  active: "The scraper uses this entry now",
  overridden: "A user mapping with the same id applies instead",
  inactive: "The scraper does not use it",
};

export function OriginBadge({ origin }: { origin: MappingOrigin }) {
  return (
    <span className={`badge badge-origin badge-origin-${origin}`} title={ORIGIN_HINT[origin]}>
      {ORIGIN_LABEL[origin]}
    </span>
  );
}

export function MappingStateBadge({ mapping }: { mapping: Pick<MappingItem, "origin" | "active"> }) {
  const state = mappingState(mapping);
  return (
    <span className={`badge badge-mapping-${state}`} title={STATE_HINT[state]}>
      {STATE_LABEL[state]}
    </span>
  );
}

/** A platform id, or a dash that says there is none. */
export function PlatformId({ value, platform }: { value: string | null; platform: MappingPlatform }) {
  if (value === null) {
    return (
      <span className="muted" title={`No ${MAPPING_PLATFORM_LABEL[platform]} market`}>
        –<span className="visually-hidden">none</span>
      </span>
    );
  }
  return <span className="mono">{value}</span>;
}
