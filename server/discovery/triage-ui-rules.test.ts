// What the browser relies on from triage, on both databases: MAPPED is never a status edit (422,
// nothing changes), every real status or notes change is announced (unmapped_updated, after its
// commit, with the new version), and history entries name the market they are about.
import { beforeAll, expect, it } from "vitest";
import type { ServerMessageData } from "@/lib/contract/realtime";
import { AuditService } from "@/server/audit/audit-service";
import type { Publisher } from "@/server/realtime/publisher";
import { describeOnDatabases } from "@/server/testing/test-database";
import { seedMarkets } from "@/server/testing/seed";
import { TriageService } from "./triage-service";
import { TEST_ACTOR } from "@/server/testing/auth";

describeOnDatabases("triage rules the UI relies on, on %s", (t) => {
  let triage: TriageService;
  const published: ServerMessageData<"unmapped_updated">[] = [];
  const publisher: Publisher = {
    publish: (type, data) => {
      if (type === "unmapped_updated") published.push(data as ServerMessageData<"unmapped_updated">);
    },
  };

  beforeAll(async () => {
    await seedMarkets(t.db, 20);
    triage = new TriageService(t.db, publisher);
  });

  it("refuses status MAPPED with 422 naming the map endpoint, and changes nothing", async () => {
    const [item] = (await triage.list({ sort: "lastSeenAt", order: "desc", page: 1, pageSize: 1 })).items;
    const before = await triage.get(item.id);
    published.length = 0;
    const error = await triage.update(item.id, { status: "MAPPED", notes: "should not stick" }, TEST_ACTOR).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 422, errors: [{ field: "body.status" }] });
    expect((error as Error).message).toContain(`/api/unmapped/${item.id}/map`);
    expect(await triage.get(item.id)).toEqual(before);
    expect(published).toEqual([]);
    // An unknown market is still 404, not 422.
    await expect(triage.update(99_999_999, { status: "MAPPED" }, TEST_ACTOR)).rejects.toMatchObject({ status: 404 });
  });

  it("announces each change after its commit with the new version and what changed; a no-op is silent", async () => {
    const [item] = (await triage.list({ sort: "lastSeenAt", order: "asc", page: 1, pageSize: 1 })).items;
    published.length = 0;
    const acked = await triage.update(item.id, { status: "ACKNOWLEDGED" }, TEST_ACTOR);
    const noted = await triage.update(item.id, { status: "IGNORED", notes: "not offered" }, TEST_ACTOR);
    await triage.update(item.id, { status: "IGNORED", notes: "not offered" }, TEST_ACTOR);
    expect(published).toEqual([
      { id: item.id, version: acked.version, changed: ["status"] },
      { id: item.id, version: noted.version, changed: ["status", "notes"] },
    ]);
  });

  it("history entries carry the market's name", async () => {
    const [item] = (await triage.list({ sort: "name", order: "asc", page: 1, pageSize: 1 })).items;
    await triage.update(item.id, { notes: "named" }, { type: "user", id: "u1", name: "tester" });
    const audit = new AuditService(t.db.prisma);
    const entries = await audit.list({ entityType: "unmapped_market", entityId: String(item.id), page: 1, pageSize: 5 });
    expect(entries.items[0]).toMatchObject({
      entityId: String(item.id),
      entityName: item.marketName,
      actorType: "user",
      actorId: "u1",
      actor: "tester",
    });
  });
});
