// A deterministic stand-in for the two bookmakers: it hands out the same native payloads the real
// S3/B3 endpoints return (BOOKMAKER-API.md 1.7, 2.6), so the real parsers and lookup run on it.
// Everything derives from (seed, match, cycle) through a seeded PRNG: same seed, same cycle number
// and same clock give byte-identical payloads.
import { LoopYielder } from "@/server/util/yield";
import type { DiscoveredEvent, NativeEventPayload, Source } from "../../types";
import { bet9jaNotFound, sportybetNotFound } from "../../native/payloads";
import { bet9jaBody, sportybetBody } from "./payloads";
import { buildWorld, currentMatch, matchFromOrdinal } from "./world";

export interface DemoSourceOptions {
  seed: number;
  /** Matches per cycle; each is offered by both platforms. */
  events: number;
  /** Brand-new unmapped markets per platform from cycle 2 on. */
  newPerCycle?: number;
  now?: () => Date;
  /** Adds markets whose names carry HTML/script payloads, to exercise escaping downstream. */
  hostileNames?: boolean;
}

export function createDemoSource(opts: DemoSourceOptions): Source {
  const now = opts.now ?? (() => new Date());
  const world = buildWorld(opts, now().getTime());
  let cycle = 0;

  return {
    name: "demo",

    async discover(signal: AbortSignal): Promise<DiscoveredEvent[]> {
      signal.throwIfAborted();
      cycle += 1;
      const at = now().getTime();
      const found: DiscoveredEvent[] = [];
      // Thousands of matches take tens of milliseconds to place: let the server serve requests
      // meanwhile, as a real source does while it waits for its lists.
      const turns = new LoopYielder();
      for (let slot = 0; slot < world.events; slot++) {
        await turns.yieldIfDue();
        signal.throwIfAborted();
        const match = currentMatch(world, slot, at);
        const startsAt = () => new Date(match.kickoff);
        found.push({ source: "sportybet", ref: `sr:match:${match.srId}`, startsAt: startsAt() });
        found.push({ source: "bet9ja", ref: String(match.bet9jaId), startsAt: startsAt() });
      }
      return found;
    },

    async fetchEvent(event: DiscoveredEvent, signal: AbortSignal): Promise<NativeEventPayload> {
      signal.throwIfAborted();
      // A fetch before any discover() sees cycle 1's markets.
      const current = Math.max(1, cycle);
      if (event.source === "sportybet") {
        const n = /^sr:match:(\d{1,15})$/.exec(event.ref);
        const match = n === null ? null : matchFromOrdinal(world, Number(n[1]) - world.srBase);
        const body = match === null ? sportybetNotFound() : sportybetBody(world, match, current);
        return { platform: "sportybet", body };
      }
      const id = /^\d{1,15}$/.test(event.ref) ? Number(event.ref) : Number.NaN;
      const match = Number.isNaN(id) ? null : matchFromOrdinal(world, id - world.bet9jaBase);
      const body = match === null ? bet9jaNotFound() : bet9jaBody(world, match, current);
      return { platform: "bet9ja", body };
    },
  };
}
