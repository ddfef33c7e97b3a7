// The same world without HTTP: a Source that answers discovery and event fetches in-process with
// the payloads the fake server would send (serialised and parsed again, as a response would be).
// The bench's baseline: the difference to the fake bookmaker is the cost of the HTTP path.
import type { DiscoveredEvent, NativeEventPayload, Source } from "@/server/scraping/types";
import type { FakeWorld } from "./model";
import { b3, bet9jaNotFound, s3, sportybetNotFound } from "./payloads";

export function createWorldSource(world: FakeWorld, now: () => number = Date.now): Source {
  return {
    name: "in-process",
    async discover() {
      const at = now();
      const events: DiscoveredEvent[] = [];
      for (const m of world.matches) {
        if (m.kickoff <= at) continue;
        const startsAt = new Date(m.kickoff);
        if (m.sportybet) events.push({ source: "sportybet", ref: `sr:match:${m.srId}`, startsAt });
        if (m.bet9ja) events.push({ source: "bet9ja", ref: m.bet9jaId, startsAt });
      }
      return events;
    },
    async fetchEvent(event): Promise<NativeEventPayload> {
      const roundTrip = (v: unknown) => JSON.parse(JSON.stringify(v)) as unknown;
      return event.source === "sportybet"
        ? { platform: "sportybet", body: roundTrip(s3(world, event.ref) ?? sportybetNotFound) }
        : { platform: "bet9ja", body: roundTrip(b3(world, event.ref) ?? bet9jaNotFound) };
    },
  };
}
