// The stats are one statement that dashboards asking at the same moment share (shared-reads.ts).
// Sharing must never cost freshness: a request that arrives after a change has committed gets stats
// that include it (a cache kept for any time would fail here), and concurrent answers are whole and
// equal. Over real HTTP against the real server, on both databases. That a read already running
// when a request arrives is never its answer is shared-reads.test.ts's, where the timing is held.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { statsSchema, type Stats } from "@/lib/contract/stats";
import { unmappedListSchema } from "@/lib/contract/unmapped";
import { okBody } from "@/server/testing/answers";
import { serverApi } from "@/server/testing/api";
import { available, DB_KINDS } from "@/server/testing/databases";
import { startTestServer, type TestServer } from "@/server/testing/server";

describe.each(DB_KINDS)("shared stats on %s", (kind) => {
  let server: TestServer;
  const api = serverApi(() => server);
  const stats = async (): Promise<Stats> => statsSchema.parse(await okBody(await api("/api/stats")));

  beforeAll(async () => {
    if (!available(kind)) return;
    server = await startTestServer(kind, { demo: { events: 4, newPerCycle: 0 } });
    expect((await api("/api/scrape?wait=true", { method: "POST" })).status).toBe(200);
  });
  afterAll(async () => server?.close());

  describe.skipIf(!available(kind))("", () => {
    it("concurrent requests get equal, whole answers, and each sees every change committed before it asked", async () => {
      const before = await stats();
      expect(before.byStatus.NEW).toBeGreaterThan(5);
      const { items } = unmappedListSchema.parse(await okBody(await api("/api/unmapped?status=NEW&pageSize=5")));
      expect(items).toHaveLength(5);

      for (const [round, market] of items.entries()) {
        // Stats requests in flight while the change commits: they may see it or not.
        const inFlight = Array.from({ length: 8 }, () => stats());
        await okBody(await api(`/api/unmapped/${market.id}`, { method: "PATCH", json: { status: "IGNORED" } }));
        // Asked after the commit: every one must include it, though older statements may still run.
        const after = await Promise.all(Array.from({ length: 16 }, () => stats()));
        const during = await Promise.all(inFlight);
        for (const s of after) {
          expect(s.byStatus.NEW, `round ${round}`).toBe(before.byStatus.NEW - round - 1);
          expect(s.byStatus.IGNORED, `round ${round}`).toBe(before.byStatus.IGNORED + round + 1);
          expect(s).toEqual(after[0]);
        }
        for (const s of during) expect(s.total).toBe(before.total);
      }
    });
  });
});
