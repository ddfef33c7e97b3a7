// Coverage alerts over real HTTP on PGlite and PostgreSQL: open ones by default, newest first,
// resolved and all on request, paged by cursor; a bad status refused naming the field; dismissal
// for triagers only (a viewer gets 403), recorded in the mapping's history, 409 once resolved, 404
// for no such alert.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditListSchema } from "@/lib/contract/audit";
import { coverageAlertListSchema, coverageAlertSchema } from "@/lib/contract/coverage";
import { serverApi } from "@/server/testing/api";
import { okBody, problemBody, problemFields } from "@/server/testing/answers";
import { available, DB_KINDS } from "@/server/testing/databases";
import { createPerson, type TestPerson } from "@/server/testing/people";
import { startTestServer, type TestServer } from "@/server/testing/server";

describe.each(DB_KINDS)("coverage alerts on %s", (kind) => {
  let server: TestServer;
  let viewer: TestPerson;
  const api = serverApi(() => server);
  const list = async (query = "") => coverageAlertListSchema.parse(await okBody(await api(`/api/coverage-alerts${query}`)));

  beforeAll(async () => {
    if (!available(kind)) return;
    server = await startTestServer(kind);
    viewer = await createPerson(server.url, server.token, "Vic Viewer", "viewer");
    // Three alerts as the watch writes them: two open (the newer one first in the list), one resolved by a run.
    await server.runtime.db.query(
      `INSERT INTO coverage_alerts (canonical_id, mapping_name, platform, market_key, kind, run_id, details, created_at, resolved_at, resolved_run_id)
       VALUES
        ('over_under_ft', 'Over/Under - Full Time', 'bet9ja', 'S_OU', 'dropped', 7, $1::jsonb, now() - interval '3 minutes', NULL, NULL),
        ('1x2_ft', '1X2 - Full Time', 'sportybet', '1', 'outcomes_changed', 8, $2::jsonb, now() - interval '2 minutes', NULL, NULL),
        ('btts_ft', 'Both Teams To Score - Full Time', 'bet9ja', 'S_GGNG', 'dropped', 6, $1::jsonb, now() - interval '9 minutes', now(), 7)`,
      [
        JSON.stringify({ previousRunId: 6, previousEvents: 40, previousOffered: 38, events: 41, offered: 0, newNames: [] }),
        JSON.stringify({ previousRunId: 7, previousEvents: 40, previousOffered: 40, events: 41, offered: 41, newNames: ["<b>1</b>"] }),
      ],
    );
  });
  afterAll(async () => server?.close());

  describe.skipIf(!available(kind))("", () => {
    it("lists the open alerts newest first; resolved and all on request; pages by cursor", async () => {
      expect((await list()).items.map((a) => [a.canonicalId, a.kind])).toEqual([
        ["1x2_ft", "outcomes_changed"],
        ["over_under_ft", "dropped"],
      ]);
      expect((await list()).items[0].details.newNames).toEqual(["<b>1</b>"]);
      expect((await list("?status=resolved")).items).toMatchObject([{ canonicalId: "btts_ft", resolvedRunId: 7, dismissedBy: null }]);
      expect((await list("?status=all")).items).toHaveLength(3);
      const res = await api("/api/coverage-alerts?limit=1");
      const first = coverageAlertListSchema.parse(await okBody(res));
      expect(first.items.map((a) => a.canonicalId)).toEqual(["1x2_ft"]);
      expect(res.headers.get("link")).toContain('rel="next"');
      const second = await list(`?limit=1&cursor=${first.nextCursor}`);
      expect(second.items.map((a) => a.canonicalId)).toEqual(["over_under_ft"]);
      // A cursor is bound to its status filter.
      expect((await api(`/api/coverage-alerts?status=all&limit=1&cursor=${first.nextCursor}`)).status).toBe(400);
    });

    it("refuses an unknown status naming the field", async () => {
      const res = await api("/api/coverage-alerts?status=closed");
      expect(await problemFields(res)).toContain("query.status");
    });

    it("lets a triager (not a viewer) dismiss an open alert once; 404 for no such alert", async () => {
      const [open] = (await list()).items;
      expect((await viewer.api(`/api/coverage-alerts/${open.id}/dismiss`, { method: "POST" })).status).toBe(403);
      const dismissed = coverageAlertSchema.parse(await okBody(await api(`/api/coverage-alerts/${open.id}/dismiss`, { method: "POST" })));
      expect(dismissed).toMatchObject({ id: open.id, dismissedBy: expect.any(String), resolvedRunId: null });
      expect(dismissed.resolvedAt).not.toBeNull();
      await problemBody(await api(`/api/coverage-alerts/${open.id}/dismiss`, { method: "POST" }), 409);
      await problemBody(await api(`/api/coverage-alerts/999999/dismiss`, { method: "POST" }), 404);
      await problemBody(await api(`/api/coverage-alerts/abc/dismiss`, { method: "POST" }), 404);
      expect((await list()).items.map((a) => a.canonicalId)).toEqual(["over_under_ft"]);
      // The mapping's history says who dismissed which alert, once (the refusals wrote nothing).
      const trail = auditListSchema.parse(await okBody(await api(`/api/audit?entityType=mapping&entityId=${open.canonicalId}`)));
      expect(trail.items).toHaveLength(1);
      expect(trail.items[0]).toMatchObject({
        action: "coverage_alert_dismissed",
        actor: dismissed.dismissedBy,
        after: { alertId: open.id, platform: open.platform, marketKey: open.marketKey, kind: open.kind },
      });
    });
  });
});
