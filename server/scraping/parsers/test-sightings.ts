// The sighting a parser test expects, in one line: platform, event, market id, name, line, and
// outcomes as [name, odds] pairs.
import type { Platform } from "@/lib/contract/enums";
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
