// The built-in ("code") mapping set and how user mappings override it. The JSON is data copied
// from shared/data; it is normalised here once so nothing downstream has to cope with missing keys.
import type { MappingDefinition, MappingOutcomeDto } from "@/lib/contract/mappings";
import catalogJson from "./data/market-catalog.json";

export interface MappingEntry extends MappingDefinition {
  origin: "builtin" | "user";
}

function str(value: unknown): string | null {
  if (typeof value === "string") return value === "" ? null : value;
  // Ids are strings in the data file; a number would only come from a hand edit, and keeping it
  // (as text) is safer than silently unmapping the market.
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  return null;
}

function field(raw: unknown, key: string): unknown {
  return typeof raw === "object" && raw !== null ? (raw as Record<string, unknown>)[key] : undefined;
}

function normaliseOutcome(raw: unknown, index: number): MappingOutcomeDto {
  const position = field(raw, "position");
  return {
    canonicalId: str(field(raw, "canonicalId")) ?? `pos_${index}`,
    betpawaName: str(field(raw, "betpawaName")),
    sportybetDesc: str(field(raw, "sportybetDesc")),
    bet9jaSuffix: str(field(raw, "bet9jaSuffix")),
    position: typeof position === "number" && Number.isInteger(position) ? position : index,
  };
}

function normaliseEntry(raw: unknown): MappingEntry {
  const canonicalId = str(field(raw, "canonicalId"));
  if (canonicalId === null) throw new Error("market-catalog.json: an entry has no canonicalId");
  const outcomes = field(raw, "outcomes");
  return {
    canonicalId,
    name: str(field(raw, "name")) ?? canonicalId,
    betpawaId: str(field(raw, "betpawaId")),
    sportybetId: str(field(raw, "sportybetId")),
    bet9jaKey: str(field(raw, "bet9jaKey")),
    outcomes: Array.isArray(outcomes) ? outcomes.map(normaliseOutcome) : [],
    origin: "builtin",
  };
}

const BUILTIN: readonly MappingEntry[] = (catalogJson as unknown[]).map(normaliseEntry);

/** The built-in catalog; a fresh deep copy on every call so callers may mutate their copy. */
export function builtinCatalog(): MappingEntry[] {
  return structuredClone(BUILTIN) as MappingEntry[];
}

/**
 * The active mapping set: a user entry replaces the builtin entry with the same canonicalId (in
 * the builtin's place, so order stays stable); user entries with new canonical ids are appended.
 * If the user list repeats a canonicalId, the later entry wins.
 */
export function mergeMappings(builtin: MappingEntry[], user: MappingEntry[]): MappingEntry[] {
  const byId = new Map<string, MappingEntry>();
  for (const entry of user) byId.set(entry.canonicalId, entry);
  const builtinIds = new Set(builtin.map((e) => e.canonicalId));
  const merged = builtin.map((entry) => byId.get(entry.canonicalId) ?? entry);
  for (const [id, entry] of byId) if (!builtinIds.has(id)) merged.push(entry);
  return merged;
}
