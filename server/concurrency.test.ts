// Requests that race: two scrapes asked for at once (one run, the rest 409 naming it, whether the
// guard in the process or the claim in the database decides) and 50 parallel edits of one market
// (the last write wins, every change audited; a stale If-Match is 412). PGlite and PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { available, DB_KINDS } from "@/server/testing/databases";
import { createDemoSource } from "@/server/scraping/sources/demo";
import { gated } from "@/server/testing/gated-source";
import { startTestServer, type TestServer } from "@/server/testing/server";
import { isRunInProgress } from "@/server/scraping/errors";
import { RunStore } from "@/server/scraping/run-store";
import { waitFor } from "@/server/testing/wait";

describe.each(DB_KINDS)("concurrent requests on %s", (kind) => {
  describe.skipIf(!available(kind))("", () => {
    let server: TestServer;
    const source = gated(createDemoSource({ seed: 5, events: 4, newPerCycle: 0 }));
    const api = (path: string, init?: RequestInit) => server.fetch(path, init);

    beforeAll(async () => {
      server = await startTestServer(kind, { sources: [source] });
      expect((await api("/api/scrape?wait=true", { method: "POST" })).status).toBe(200);
    });
    afterAll(async () => server?.close());

    it("10 concurrent POST /api/scrape start one run; the other 9 get 409 naming it", async () => {
      source.hold();
      const responses = await Promise.all(Array.from({ length: 10 }, () => api("/api/scrape", { method: "POST" })));
      const bodies = (await Promise.all(responses.map((r) => r.json()))) as { runId: number }[];
      const statuses = responses.map((r) => r.status);
      console.log(
        `[${kind}] 10 concurrent scrape requests: ${statuses.filter((s) => s === 202).length} x 202, ${statuses.filter((s) => s === 409).length} x 409`,
      );
      expect(statuses.filter((s) => s === 202)).toHaveLength(1);
      expect(statuses.filter((s) => s === 409)).toHaveLength(9);
      const runId = bodies[statuses.indexOf(202)].runId;
      for (const [i, b] of bodies.entries()) expect(b.runId, `response ${i}`).toBe(runId);
      const running = await server.runtime.db.prisma.scrapeRun.count({ where: { status: "running" } });
      expect(running).toBe(1);
      source.release();
      await waitFor("the run to finish", async () => {
        const run = (await (await api(`/api/scrape/runs/${runId}`)).json()) as { status: string };
        return run.status === "running" ? undefined : run.status;
      });
    });

    it("the database claim alone admits one of 10 concurrent claims (as from 10 processes)", async () => {
      const runs = new RunStore(server.runtime.db.prisma);
      const results = await Promise.allSettled(Array.from({ length: 10 }, (_, i) => runs.claim("manual", `test-owner-${i}`)));
      const won = results.filter((r) => r.status === "fulfilled");
      const lost = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
      console.log(`[${kind}] 10 concurrent claims: ${won.length} won, ${lost.length} refused`);
      expect(won).toHaveLength(1);
      const winner = (won[0] as PromiseFulfilledResult<number>).value;
      for (const r of lost) {
        expect(isRunInProgress(r.reason), String(r.reason)).toBe(true);
        expect(r.reason.runId).toBe(winner);
      }
      // Over HTTP the claim held elsewhere is a 409 naming it, too.
      const busy = await api("/api/scrape", { method: "POST" });
      expect(busy.status).toBe(409);
      expect(((await busy.json()) as { runId: number }).runId).toBe(winner);
      await runs.finish(winner, { status: "completed", sources: {}, error: null });
      const next = await api("/api/scrape?wait=true", { method: "POST" });
      expect(next.status).toBe(200);
    });

    it("50 parallel PATCHes without If-Match all apply (last write wins), each change audited; a stale If-Match is 412", async () => {
      const { items } = (await (await api("/api/unmapped?pageSize=1")).json()) as { items: { id: number }[] };
      const id = items[0].id;
      const before = (await (await api(`/api/unmapped/${id}`)).json()) as { version: number; notes: string | null };
      const notes = Array.from({ length: 50 }, (_, i) => (i % 2 ? `note b ${kind}` : `note a ${kind}`));
      const responses = await Promise.all(
        notes.map((n) =>
          api(`/api/unmapped/${id}`, {
            method: "PATCH",
            headers: { "content-type": "application/json" },
            body: JSON.stringify({ notes: n }),
          }),
        ),
      );
      const statuses = responses.map((r) => r.status);
      const counts = Object.entries(statuses.reduce<Record<number, number>>((m, s) => ({ ...m, [s]: (m[s] ?? 0) + 1 }), {}));
      console.log(`[${kind}] 50 parallel PATCHes: ${counts.map(([s, n]) => `${n} x ${s}`).join(", ")}`);
      expect(statuses.every((s) => s === 200)).toBe(true);

      const after = (await (await api(`/api/unmapped/${id}`)).json()) as { version: number; notes: string };
      expect(notes).toContain(after.notes);
      const audit = await server.runtime.db.prisma.auditEntry.findMany({
        where: { entityType: "unmapped_market", entityId: String(id), action: "notes_changed" },
        orderBy: { id: "asc" },
      });
      const changed = after.version - before.version;
      console.log(`[${kind}] ${changed} of 50 writes changed the notes; ${audit.length} audit rows`);
      expect(audit).toHaveLength(changed);
      expect(changed).toBeGreaterThan(0);
      // Each change is recorded against the value it replaced: the trail is an unbroken chain.
      let previous = before.notes;
      for (const row of audit) {
        expect((row.before as { notes: string | null }).notes).toBe(previous);
        previous = (row.after as { notes: string }).notes;
      }
      expect(previous).toBe(after.notes);

      const stale = await api(`/api/unmapped/${id}`, {
        method: "PATCH",
        headers: { "content-type": "application/json", "if-match": `"${before.version}"` },
        body: JSON.stringify({ notes: "stale edit" }),
      });
      expect(stale.status).toBe(412);
      expect(((await (await api(`/api/unmapped/${id}`)).json()) as { notes: string }).notes).toBe(after.notes);
    });
  });
});
