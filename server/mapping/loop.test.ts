// The loop closed for real, on both databases: map a market and the next scrape counts it as
// mapped; deactivate the mapping and the next scrape reopens and announces it; a failure inside
// the map transaction changes nothing; a platform id has one holder.
import { PriceCheckService } from "@/server/pricing/map-check";
import { SnapshotPrices } from "@/server/pricing/snapshot-prices";
import { beforeEach, expect, it } from "vitest";
import type { ServerMessageData, UnmappedAlertData } from "@/lib/contract/realtime";
import { TriageService } from "@/server/discovery/triage-service";
import { isHttpError } from "@/server/http/errors";
import type { Publisher } from "@/server/realtime/publisher";
import { AuditService } from "@/server/audit/audit-service";
import { describeOnDatabases } from "@/server/testing/test-database";
import { fixtureSource } from "@/server/testing/fixture-source";
import { MapMarketService } from "./map-market";
import type { MappingService } from "./mapping-service";
import { TEST_ACTOR } from "@/server/testing/auth";
import { cycleDeps, reloadedMappings, runManualCycle } from "@/server/testing/cycle";

describeOnDatabases("mapping loop on %s", { fresh: "each" }, (t) => {
  let mappings: MappingService;
  let triage: TriageService;
  let mapMarket: (id: number, body: Parameters<MapMarketService["apply"]>[1]) => ReturnType<MapMarketService["apply"]>;
  let alerts: UnmappedAlertData[];
  let updates: ServerMessageData<"unmapped_updated">[];
  let scrape: () => Promise<void>;

  beforeEach(async () => {
    mappings = await reloadedMappings(t.db);
    alerts = [];
    updates = [];
    const publisher: Publisher = {
      publish(type, data) {
        if (type === "unmapped_alert") alerts.push(data as UnmappedAlertData);
        if (type === "unmapped_updated") updates.push(data as ServerMessageData<"unmapped_updated">);
      },
    };
    triage = new TriageService(t.db, publisher);
    const service = new MapMarketService(mappings, triage, new PriceCheckService(new SnapshotPrices(t.db)));
    mapMarket = (id, body) => service.apply(id, body, TEST_ACTOR);
    const deps = cycleDeps(t.db, {
      sources: [fixtureSource(3)],
      mappings: mappings.cache,
      publisher,
      concurrency: 2,
      flushEveryEvents: 100,
    });
    scrape = async () => {
      await runManualCycle(deps);
    };
    await scrape();
  });

  const market = async (externalMarketId: string) => {
    const { items } = await triage.list({ q: externalMarketId, sort: "lastSeenAt", order: "desc", page: 1, pageSize: 50 });
    return triage.get(items.find((i) => i.externalMarketId === externalMarketId)!.id);
  };

  it("map -> scrape: sightings stop growing and it stays MAPPED; deactivate -> scrape: reopens NEW, regressed, announced", async () => {
    const before = await market("800117");
    expect(before.occurrenceCount).toBe(3);
    const { mapping, market: mapped } = await mapMarket(before.id, {
      canonicalId: "player_booked",
      name: "Player To Be Booked",
      betpawaId: "990001",
      reason: "betpawa offers it since November",
    });
    expect(mapped).toMatchObject({ status: "MAPPED", mappingCanonicalId: "player_booked", version: before.version + 1 });
    // Open pages learn it at once, after the commit, like any status change.
    expect(updates).toEqual([{ id: before.id, version: mapped.version, changed: ["status"] }]);
    expect(mapping).toMatchObject({ canonicalId: "player_booked", origin: "user", sportybetId: "800117", active: true });
    expect(mapping.outcomes.map((o) => o.sportybetDesc)).toEqual(["Yes", "No"]);

    await scrape();
    expect(await market("800117")).toMatchObject({ status: "MAPPED", occurrenceCount: 3 });
    expect((await market("S_OUA")).occurrenceCount).toBe(12); // the others keep counting

    alerts.length = 0;
    await mappings.deactivate("player_booked", "betpawa withdrew it", TEST_ACTOR);
    await scrape();
    const reopened = await market("800117");
    expect(reopened).toMatchObject({ status: "NEW", occurrenceCount: 6 });
    expect(reopened.regressedAt).not.toBeNull();
    expect(alerts).toHaveLength(1);
    expect(alerts[0].markets).toEqual([expect.objectContaining({ id: before.id, externalMarketId: "800117", regressed: true })]);

    // Seen again while NEW: counted, never announced again.
    alerts.length = 0;
    await scrape();
    expect(alerts).toEqual([]);

    const history = await new AuditService(t.db.prisma).list({
      entityType: "unmapped_market",
      entityId: String(before.id),
      page: 1,
      pageSize: 50,
    });
    expect(history.items.map((h) => h.action)).toEqual(["regressed", "mapped"]);
    expect(history.items[1].reason).toBe("betpawa offers it since November");
  });

  it("extends an existing mapping with the market's platform key (UNSUPPORTED_PLATFORM gains its betpawa id)", async () => {
    const m = await market("900069");
    expect(m.reason).toBe("UNSUPPORTED_PLATFORM");
    const { mapping } = await mapMarket(m.id, { canonicalId: "1x2_5min", betpawaId: "28000999" });
    expect(mapping).toMatchObject({ origin: "user", sportybetId: "900069", betpawaId: "28000999" });
    expect(mapping.builtin?.betpawaId).toBeNull();
    await scrape();
    expect(await market("900069")).toMatchObject({ status: "MAPPED", occurrenceCount: 6 });
  });

  it("a failure inside the map transaction leaves neither the mapping nor the status changed", async () => {
    const m = await market("800117");
    await t.db.exec(`
    CREATE FUNCTION fail_audit() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'audit store unavailable'; END $$ LANGUAGE plpgsql;
    CREATE TRIGGER fail_audit BEFORE INSERT ON audit_log FOR EACH ROW WHEN (NEW.action = 'mapped') EXECUTE FUNCTION fail_audit();`);
    await expect(mapMarket(m.id, { canonicalId: "player_booked", name: "Player To Be Booked", betpawaId: "990001" })).rejects.toThrow(
      /audit store unavailable/,
    );
    expect(await t.db.prisma.userMapping.count()).toBe(0);
    expect(await t.db.prisma.auditEntry.count()).toBe(0);
    expect(await triage.get(m.id)).toEqual(m);
    expect(updates).toEqual([]);
    expect(mappings.cache.entries.some((e) => e.canonicalId === "player_booked")).toBe(false);
    await scrape();
    expect((await market("800117")).occurrenceCount).toBe(6);
  });

  it("refuses a platform id another active mapping holds, naming the holder", async () => {
    const err = await mappings
      .create(
        {
          canonicalId: "my_ou",
          name: "Mine",
          betpawaId: "1",
          bet9jaKey: "S_OU",
          outcomes: [{ canonicalId: "over", betpawaName: "Over", sportybetDesc: null, bet9jaSuffix: "O", position: 0 }],
        },
        TEST_ACTOR,
      )
      .catch((e) => e);
    expect(isHttpError(err) && err.status).toBe(409);
    expect(err.message).toContain("over_under_ft");
    const m = await market("S_OUA");
    const taken = await mapMarket(m.id, { canonicalId: "over_under_ft" }).catch((e) => e);
    expect(isHttpError(taken) && taken.status).toBe(409);
    expect(taken.message).toContain("already maps bet9ja S_OU");
    expect((await triage.get(m.id)).status).toBe("NEW");
    expect(updates).toEqual([]);
  });

  it("refuses a mapping that would still leave the market unmapped", async () => {
    const m = await market("800117");
    const err = await mapMarket(m.id, {
      canonicalId: "player_booked",
      name: "Player To Be Booked",
      betpawaId: "990001",
      outcomes: [{ canonicalId: "yes", betpawaName: "Yes", sportybetDesc: "Definitely", bet9jaSuffix: null, position: 5 }],
    }).catch((e) => e);
    expect(isHttpError(err) && err.status).toBe(422);
    expect(err.message).toContain("NO_MATCHING_OUTCOMES");
    expect(await t.db.prisma.userMapping.count()).toBe(0);
  });
});
