import { describe, expect, it } from "vitest";
import { MappingCache } from "@/server/mapping/cache";
import { builtinCatalog } from "@/server/mapping/catalog";
import sample from "@/server/mapping/data/sample-unmapped-markets.json";
import { SourceError } from "../../errors";
import type { DiscoveredEvent, NativeEventPayload, Sighting, Source } from "../../types";
import { parseEvent } from "..";
import { createDemoSource, type DemoSourceOptions } from ".";

const NOW = new Date("2030-03-14T09:41:00Z");
const signal = new AbortController().signal;
const cache = new MappingCache(builtinCatalog());

function source(overrides: Partial<DemoSourceOptions> = {}): Source {
  return createDemoSource({ seed: 7, events: 12, now: () => NOW, ...overrides });
}

/** Runs one cycle the way the scraper does: discover, fetch every event, parse. */
async function cycle(src: Source) {
  const events = await src.discover(signal);
  const payloads: NativeEventPayload[] = [];
  const sightings: Sighting[] = [];
  let dataErrors = 0;
  for (const event of events) {
    const payload = await src.fetchEvent(event, signal);
    payloads.push(payload);
    const result = parseEvent(payload, event.ref);
    sightings.push(...result.sightings);
    dataErrors += result.dataErrors;
  }
  return { events, payloads, sightings, dataErrors };
}

function ids(sightings: Sighting[], platform: string): Set<string> {
  return new Set(sightings.filter((s) => s.source === platform).map((s) => s.externalMarketId));
}

const catalogIds = {
  sportybet: new Set(builtinCatalog().flatMap((e) => (e.sportybetId === null ? [] : [e.sportybetId]))),
  bet9ja: new Set(builtinCatalog().flatMap((e) => (e.bet9jaKey === null ? [] : [e.bet9jaKey]))),
};
const sampleIds = {
  sportybet: new Set(sample.filter((m) => m.platform === "sportybet").map((m) => m.externalMarketId)),
  bet9ja: new Set(sample.filter((m) => m.platform === "bet9ja").map((m) => `S_${m.externalMarketId}`)),
};

describe("demo source", () => {
  it("is called demo and discovers each match on both platforms with the same kick-off", async () => {
    const src = source();
    expect(src.name).toBe("demo");
    const events = await src.discover(signal);
    expect(events).toHaveLength(24);
    for (let i = 0; i < events.length; i += 2) {
      const [sb, b9] = [events[i], events[i + 1]];
      expect(sb.source).toBe("sportybet");
      expect(sb.ref).toMatch(/^sr:match:\d+$/);
      expect(b9.source).toBe("bet9ja");
      expect(b9.ref).toMatch(/^\d+$/);
      expect(b9.startsAt.getTime()).toBe(sb.startsAt.getTime());
    }
  });

  it("is deterministic by seed", async () => {
    const [a, b] = [await cycle(source()), await cycle(source())];
    expect(a.events).toEqual(b.events);
    expect(JSON.stringify(a.payloads)).toBe(JSON.stringify(b.payloads));
    const other = await cycle(source({ seed: 8 }));
    expect(JSON.stringify(other.payloads)).not.toBe(JSON.stringify(a.payloads));
  });

  it("serves native payloads the parsers accept without data errors", async () => {
    const { payloads, dataErrors, events } = await cycle(source());
    expect(dataErrors).toBe(0);
    for (const [i, payload] of payloads.entries()) {
      if (payload.platform === "sportybet") {
        const body = payload.body as {
          bizCode: number;
          data: { eventId: string; estimateStartTime: number; markets: Array<Record<string, unknown>> };
        };
        expect(body.bizCode).toBe(10000);
        expect(body.data.eventId).toBe(events[i].ref);
        expect(body.data.estimateStartTime).toBe(events[i].startsAt.getTime());
        for (const m of body.data.markets) {
          expect(typeof m.id).toBe("string");
          expect(m).toMatchObject({ product: 3, status: 0, favourite: 0, banned: false });
          for (const o of m.outcomes as Array<Record<string, unknown>>) {
            expect(typeof o.id).toBe("string");
            expect(o.odds).toMatch(/^\d+\.\d\d$/);
            expect(typeof o.probability).toBe("string");
            expect(o.isActive).toBe(1);
          }
        }
      } else {
        const body = payload.body as { R: string; D: { ID: string; EXTID: string; STARTDATE: string; DS: string } };
        expect(body.R).toBe("OK");
        expect(body.D.ID).toBe(events[i].ref);
        // EXTID is the SportRadar id of the same match on SportyBet.
        expect(`sr:match:${body.D.EXTID}`).toBe(events[i - 1].ref);
        expect(body.D.STARTDATE).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
        expect(new Date(`${body.D.STARTDATE.replace(" ", "T")}Z`).getTime()).toBe(events[i].startsAt.getTime());
        expect(body.D.DS).toContain(" - ");
      }
    }
  });

  it("schedules kick-offs in the future, also after the clock has moved on", async () => {
    let now = NOW.getTime();
    const src = createDemoSource({ seed: 3, events: 30, now: () => new Date(now) });
    for (let round = 0; round < 4; round++) {
      const events = await src.discover(signal);
      for (const e of events) expect(e.startsAt.getTime()).toBeGreaterThan(now);
      now += 40 * 3_600_000;
    }
  });

  it("emits 25-40 catalog markets per platform per event, all of which look up as mapped", async () => {
    const { payloads, events } = await cycle(source());
    for (const [i, payload] of payloads.entries()) {
      const { sightings } = parseEvent(payload, events[i].ref);
      const known = catalogIds[payload.platform];
      const catalogSightings = sightings.filter((s) => known.has(s.externalMarketId));
      const distinct = new Set(catalogSightings.map((s) => s.externalMarketId));
      expect(distinct.size).toBeGreaterThanOrEqual(25);
      expect(distinct.size).toBeLessThanOrEqual(40);
      for (const s of catalogSightings)
        expect([s.externalMarketId, s.specifier, cache.lookup(s)]).toEqual([s.externalMarketId, s.specifier, { mapped: true }]);
      // Lines: some markets come with more than one.
      expect(catalogSightings.length).toBeGreaterThan(distinct.size);
    }
  });

  it("covers the line kinds and the HAOU split", async () => {
    const { sightings } = await cycle(source());
    const specifiers = sightings.map((s) => s.specifier ?? "");
    expect(specifiers.some((s) => /^total=\d/.test(s))).toBe(true);
    expect(specifiers.some((s) => /^hcp=\d+:\d+$/.test(s))).toBe(true);
    expect(specifiers.some((s) => /^hcp=-?\d/.test(s) && !s.includes(":"))).toBe(true);
    expect(specifiers.some((s) => s.startsWith("variant="))).toBe(true);
    expect(sightings.some((s) => s.externalMarketId === "S_HAOU" && cache.lookup(s).mapped)).toBe(true);
  });

  it("sights every sample unmapped market in cycle 1, each looking up as UNKNOWN_MARKET", async () => {
    const { sightings } = await cycle(source());
    for (const platform of ["sportybet", "bet9ja"] as const) {
      const seen = ids(sightings, platform);
      for (const id of sampleIds[platform]) expect(seen.has(id), id).toBe(true);
    }
    const unmapped = sightings.filter((s) => sampleIds[s.source].has(s.externalMarketId));
    for (const s of unmapped) expect(cache.lookup(s)).toEqual({ mapped: false, reason: "UNKNOWN_MARKET" });
    // Present in most events, not all; some with several lines; 2-4 outcomes.
    const perMarket = new Map<string, Set<string>>();
    for (const s of unmapped) perMarket.set(s.externalMarketId, (perMarket.get(s.externalMarketId) ?? new Set()).add(s.eventId));
    const coverage = [...perMarket.values()].map((events) => events.size / 12);
    expect(coverage.reduce((a, b) => a + b, 0) / coverage.length).toBeGreaterThan(0.5);
    for (const s of unmapped) {
      expect(s.outcomes.length).toBeGreaterThanOrEqual(2);
      expect(s.outcomes.length).toBeLessThanOrEqual(4);
    }
    expect(unmapped.some((s) => s.specifier !== null)).toBe(true);
  });

  it("names about half of the Bet9ja unmapped markets through D.MK", async () => {
    const { sightings } = await cycle(source());
    const names = new Map<string, string>();
    for (const s of sightings) if (sampleIds.bet9ja.has(s.externalMarketId)) names.set(s.externalMarketId, s.name);
    const named = [...names].filter(([id, name]) => name !== id.slice(2)).length;
    expect(named).toBeGreaterThanOrEqual(10);
    expect(named).toBeLessThanOrEqual(20);
  });

  it.each([2, 3])("introduces exactly newPerCycle=%i new unmapped markets per platform per cycle", async (newPerCycle) => {
    const src = source({ newPerCycle });
    const one = await cycle(src);
    const two = await cycle(src);
    const three = await cycle(src);
    for (const platform of ["sportybet", "bet9ja"] as const) {
      const [c1, c2, c3] = [ids(one.sightings, platform), ids(two.sightings, platform), ids(three.sightings, platform)];
      const fresh2 = [...c2].filter((id) => !c1.has(id));
      const fresh3 = [...c3].filter((id) => !c2.has(id));
      expect(fresh2).toHaveLength(newPerCycle);
      expect(fresh3).toHaveLength(newPerCycle);
      // New markets keep recurring.
      for (const id of fresh2) expect(c3.has(id)).toBe(true);
      for (const s of [...two.sightings, ...three.sightings]) {
        if (s.source === platform && [...fresh2, ...fresh3].includes(s.externalMarketId)) {
          expect(cache.lookup(s)).toEqual({ mapped: false, reason: "UNKNOWN_MARKET" });
        }
      }
    }
  });

  it("replays the same payloads for the same cycle number", async () => {
    const a = source();
    const b = source();
    await cycle(a);
    const a2 = await cycle(a);
    await cycle(b);
    const b2 = await cycle(b);
    expect(JSON.stringify(a2.payloads)).toBe(JSON.stringify(b2.payloads));
  });

  it("adds hostile names only when asked", async () => {
    const hostile = /<img src=x onerror=alert\(1\)>|<script>alert\(1\)<\/script>/;
    const plain = await cycle(source());
    expect(plain.sightings.some((s) => hostile.test(s.name))).toBe(false);
    const withFlag = await cycle(source({ hostileNames: true }));
    const names = withFlag.sightings.filter((s) => hostile.test(s.name));
    expect(new Set(names.map((s) => s.source))).toEqual(new Set(["sportybet", "bet9ja"]));
    expect(names.some((s) => s.name.includes("<img src=x onerror=alert(1)>"))).toBe(true);
    expect(names.some((s) => s.name.includes("<script>alert(1)</script>"))).toBe(true);
  });

  it("answers an unknown event like the real endpoints do", async () => {
    const src = source();
    await src.discover(signal);
    const bogus: DiscoveredEvent[] = [
      { source: "sportybet", ref: "sr:match:1", startsAt: NOW },
      { source: "sportybet", ref: "garbage", startsAt: NOW },
      { source: "bet9ja", ref: "12", startsAt: NOW },
    ];
    for (const event of bogus) {
      const payload = await src.fetchEvent(event, signal);
      expect(() => parseEvent(payload, event.ref)).toThrow(SourceError);
      try {
        parseEvent(payload, event.ref);
      } catch (error) {
        expect((error as SourceError).kind).toBe("not_found");
      }
    }
  });

  it("honours an aborted signal", async () => {
    const aborted = AbortSignal.abort();
    const src = source();
    await expect(src.discover(aborted)).rejects.toThrow();
    await expect(src.fetchEvent({ source: "sportybet", ref: "sr:match:1", startsAt: NOW }, aborted)).rejects.toThrow();
  });

  it("gives the event loop turns while it places thousands of matches, and stops there when aborted", async () => {
    const src = source({ events: 5_000 });
    // Counts the loop's turns during discovery: without yielding there would be none before it ends.
    let turns = 0;
    let discovering = true;
    const count = () => {
      turns++;
      if (discovering) setImmediate(count);
    };
    setImmediate(count);
    const events = await src.discover(signal);
    discovering = false;
    console.log(`[demo] ${events.length} events discovered over ${turns} event-loop turns`);
    expect(events).toHaveLength(10_000);
    expect(turns).toBeGreaterThan(0);

    // A shutdown that aborts during one of those turns ends the discovery there.
    const stop = new AbortController();
    setImmediate(() => stop.abort());
    await expect(src.discover(stop.signal)).rejects.toThrow();
  });
});
