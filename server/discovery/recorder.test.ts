import { describe, expect, it } from "vitest";
import type { Sighting } from "@/server/scraping/types";
import { MAX_SPECIFIERS, Recorder } from "./recorder";

const sighting = (id: string, specifier: string | null = null, name = `Market ${id}`): Sighting => ({
  source: "sportybet",
  eventId: "sr:match:1",
  externalMarketId: id,
  name,
  specifier,
  outcomes: [{ name: "Yes", odds: 1.5 }],
});

describe("Recorder", () => {
  it("counts every sighting per (source, external id) and keeps distinct lines in first-seen order", () => {
    const r = new Recorder();
    r.record(sighting("1", "total=1.5"), "UNKNOWN_MARKET", 1000);
    r.record(sighting("1", "total=2.5"), "UNKNOWN_MARKET", 2000);
    r.record(sighting("1", "total=1.5"), "UNKNOWN_MARKET", 3000);
    r.record({ ...sighting("1"), source: "bet9ja" }, "UNKNOWN_MARKET", 3000);
    const batch = r.take();
    expect(batch).toHaveLength(2);
    const sb = batch.find((b) => b.source === "sportybet")!;
    expect(sb.count).toBe(3);
    expect(sb.specifiers).toEqual(["total=1.5", "total=2.5"]);
    expect(sb.firstSeenAt).toBe(1000);
    expect(sb.lastSeenAt).toBe(3000);
    expect(r.stats().pendingMarkets).toBe(0);
  });

  it("keeps the latest name and outcomes, even when sightings arrive out of order", () => {
    const r = new Recorder();
    r.record(sighting("7", null, "New name"), "UNKNOWN_MARKET", 5000);
    r.record(sighting("7", null, "Old name"), "UNKNOWN_MARKET", 1000);
    const [b] = r.take();
    expect(b.name).toBe("New name");
    expect(b.firstSeenAt).toBe(1000);
    expect(b.count).toBe(2);
  });

  it("caps the lines it keeps", () => {
    const r = new Recorder();
    for (let i = 0; i < MAX_SPECIFIERS + 20; i++) r.record(sighting("9", `total=${i}.5`), "UNKNOWN_MARKET");
    const [b] = r.take();
    expect(b.count).toBe(MAX_SPECIFIERS + 20);
    expect(b.specifiers).toHaveLength(MAX_SPECIFIERS);
  });

  it("merges a restored batch with what was recorded since, losing no count", () => {
    const r = new Recorder();
    r.record(sighting("1", "total=1.5"), "UNKNOWN_MARKET", 1000);
    r.record(sighting("2"), "UNKNOWN_MARKET", 1000);
    const failed = r.take();
    r.record(sighting("1", "total=3.5"), "UNKNOWN_MARKET", 4000);
    r.restore(failed);
    const batch = r.take();
    expect(batch.find((b) => b.externalMarketId === "1")).toMatchObject({ count: 2, firstSeenAt: 1000, lastSeenAt: 4000 });
    expect(batch.find((b) => b.externalMarketId === "1")!.specifiers.sort()).toEqual(["total=1.5", "total=3.5"]);
    expect(batch.find((b) => b.externalMarketId === "2")!.count).toBe(1);
  });

  it("bounds memory: beyond maxPending new markets are dropped and counted, known ones still count", () => {
    const logs: string[] = [];
    const r = new Recorder(2, (m) => logs.push(m));
    r.record(sighting("1"), "UNKNOWN_MARKET");
    r.record(sighting("2"), "UNKNOWN_MARKET");
    r.record(sighting("3"), "UNKNOWN_MARKET");
    r.record(sighting("1"), "UNKNOWN_MARKET");
    expect(r.stats()).toEqual({ pendingMarkets: 2, pendingSightings: 3, droppedSightings: 1 });
    expect(logs).toHaveLength(1);
  });

  it("keeps the soonest kickoff still ahead of its sighting, per run; restore narrows within the same run only", () => {
    const r = new Recorder();
    r.record(sighting("1"), "UNKNOWN_MARKET", 1000, 1, 900);
    expect(r.take()[0].nextKickoffAt).toBeNull();
    r.record(sighting("1"), "UNKNOWN_MARKET", 1000, 1, 50_000);
    r.record(sighting("1"), "UNKNOWN_MARKET", 1000, 1, null);
    r.record(sighting("1"), "UNKNOWN_MARKET", 1000, 1, 20_000);
    r.record(sighting("1"), "UNKNOWN_MARKET", 30_000, 1, 25_000);
    const [failed] = r.take();
    expect(failed.nextKickoffAt).toBe(20_000);
    // A new run starts over: its own events only.
    r.record(sighting("1"), "UNKNOWN_MARKET", 40_000, 2, 90_000);
    r.restore([failed]);
    expect(r.take()[0].nextKickoffAt).toBe(90_000);
    r.record(sighting("1"), "UNKNOWN_MARKET", 1000, 1, 60_000);
    r.restore([failed]);
    expect(r.take()[0].nextKickoffAt).toBe(20_000);
  });
});
