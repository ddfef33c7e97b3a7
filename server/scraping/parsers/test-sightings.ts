// What the parser tests share: the sighting a test expects, in one line (platform, event, market
// id, name, line, and outcomes as [name, odds] pairs), and the kind of SourceError a parse throws.
import type { Platform } from "@/lib/contract/enums";
import { SourceError } from "../errors";
import type { Sighting } from "../types";

export function sighting(
  source: Platform,
  eventId: string,
  externalMarketId: string,
  name: string,
  specifier: string | null,
  outcomes: [string, number][],
): Sighting {
  return { source, eventId, externalMarketId, name, specifier, outcomes: outcomes.map(([n, odds]) => ({ name: n, odds })) };
}

/** The kind of SourceError `fn` throws ("not_found", "api", …), or "no error"; anything else is rethrown. */
export function kindOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (error instanceof SourceError) return error.kind;
    throw error;
  }
  return "no error";
}
