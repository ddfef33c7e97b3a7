// Alert rules over real HTTP on PGlite and PostgreSQL: the default rule, a CRUD round trip, bad
// bodies refused naming the field (a private chat URL, an unknown webhook endpoint, no action),
// PATCH changing only what it sends (a chat URL left out is kept, null removes it and its
// endpoint), admins only except the dashboard's firings, and chat endpoints kept out of /api/webhooks.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { alertRuleFiringListSchema, alertRuleListSchema, alertRuleSchema, type AlertRule } from "@/lib/contract/alert-rules";
import { auditListSchema } from "@/lib/contract/audit";
import { webhookListSchema, webhookWithSecretSchema } from "@/lib/contract/webhooks";
import { serverApi } from "@/server/testing/api";
import { okBody, problemBody, problemFields } from "@/server/testing/answers";
import { available, DB_KINDS } from "@/server/testing/databases";
import { createPerson, type TestPerson } from "@/server/testing/people";
import { startTestServer, type TestServer } from "@/server/testing/server";

const CHAT_URL = "https://chat.example.com/hooks/T0001/B0002/s3cr3t";
const CHAT_ORIGIN = "https://chat.example.com";

describe.each(DB_KINDS)("alert rules on %s", (kind) => {
  let server: TestServer;
  let viewer: TestPerson;
  const api = serverApi(() => server);
  const rules = async () => alertRuleListSchema.parse(await okBody(await api("/api/alert-rules"))).items;
  const webhookIds = async () => webhookListSchema.parse(await okBody(await api("/api/webhooks"))).items.map((w) => w.id);
  const patch = async (id: string, json: unknown) =>
    alertRuleSchema.parse(await okBody(await api(`/api/alert-rules/${id}`, { method: "PATCH", json })));

  beforeAll(async () => {
    if (!available(kind)) return;
    server = await startTestServer(kind, { env: { WEBHOOK_ALLOW_PRIVATE: "false" } });
    viewer = await createPerson(server.url, server.token, "Vic Viewer", "viewer");
  });
  afterAll(async () => server?.close());

  describe.skipIf(!available(kind))("", () => {
    let rule: AlertRule;
    let hookId: string;

    it("lists the default rule: every announced market as a toast", async () => {
      expect(await rules()).toEqual([
        expect.objectContaining({
          name: "Every new or reopened market",
          enabled: true,
          conditions: { platforms: [], reasons: [], causes: [], minPriority: null, minSightings: null, pattern: null },
          actions: { toast: true, webhookEndpointId: null, chatTarget: null },
          throttleMinutes: 0,
          lastFiring: null,
          firedTotal: 0,
          pending: null,
        }),
      ]);
    });

    it("creates (201 + Location), reads and lists a rule; its chat URL shows only as its origin, in the answer and the audit", async () => {
      const hook = webhookWithSecretSchema.parse(
        await okBody(
          await api("/api/webhooks", { method: "POST", json: { url: "https://hooks.example.com/x", events: ["scrape.failed"] } }),
          201,
        ),
      );
      hookId = hook.id;
      const res = await api("/api/alert-rules", {
        method: "POST",
        json: {
          name: " Corners ",
          conditions: { platforms: ["sportybet", "sportybet"], causes: ["new"], minSightings: 3, pattern: "*corner*" },
          actions: { toast: true, webhookEndpointId: hookId, chatUrl: CHAT_URL },
          throttleMinutes: 15,
        },
      });
      rule = alertRuleSchema.parse(await okBody(res, 201));
      expect(res.headers.get("location")).toBe(`/api/alert-rules/${rule.id}`);
      expect(rule).toMatchObject({
        name: "Corners",
        enabled: true,
        conditions: { platforms: ["sportybet"], reasons: [], causes: ["new"], minPriority: null, minSightings: 3, pattern: "*corner*" },
        actions: { toast: true, webhookEndpointId: hookId, chatTarget: CHAT_ORIGIN },
        throttleMinutes: 15,
        lastFiring: null,
        pending: null,
      });
      expect(alertRuleSchema.parse(await okBody(await api(`/api/alert-rules/${rule.id}`)))).toEqual(rule);
      expect((await rules()).map((r) => r.id)).toEqual([expect.any(String), rule.id]);

      const trail = auditListSchema.parse(await okBody(await api(`/api/audit?entityType=alert_rule&entityId=${rule.id}`)));
      expect(trail.items.map((e) => e.action)).toEqual(["alert_rule_created"]);
      expect(trail.items[0].entityName).toBe("Corners");
      expect(JSON.stringify(trail.items[0].after)).not.toContain("s3cr3t");
    });

    it("keeps the rule's chat endpoint out of /api/webhooks: not listed, and its id is 404 there", async () => {
      const chatId = (await server.runtime.db.query<{ id: string }>(`SELECT id::text FROM webhook_endpoints WHERE kind = 'chat'`))[0].id;
      expect(await webhookIds()).toEqual([hookId]);
      for (const [method, path] of [
        ["GET", ""],
        ["PATCH", ""],
        ["DELETE", ""],
        ["POST", "/rotate"],
        ["POST", "/test"],
        ["GET", "/deliveries"],
        ["POST", "/deliveries/1/redeliver"],
      ] as const) {
        const res = await api(`/api/webhooks/${chatId}${path}`, { method, ...(method === "PATCH" && { json: { active: false } }) });
        await problemBody(res, 404);
      }
      // The PATCH changed nothing: the chat endpoint still sends.
      const active = await server.runtime.db.query<{ active: boolean }>(`SELECT active FROM webhook_endpoints WHERE id = $1::uuid`, [
        chatId,
      ]);
      expect(active[0].active).toBe(true);
    });

    it("refuses bad bodies naming the field: 400, or 422 for an unknown endpoint", async () => {
      const valid = { name: "x", actions: { toast: true } };
      for (const [body, field] of [
        [{ ...valid, name: " " }, "body.name"],
        [{ ...valid, throttleMinutes: 1441 }, "body.throttleMinutes"],
        [{ ...valid, conditions: { platforms: ["betway"] } }, "body.conditions.platforms.0"],
        [{ ...valid, actions: { toast: false } }, "body.actions.toast"],
        [{ ...valid, actions: { chatUrl: "http://127.0.0.1:9/hook" } }, "body.actions.chatUrl"],
        [{ ...valid, actions: { chatUrl: "http://localhost/hook" } }, "body.actions.chatUrl"],
      ] as const) {
        expect(await problemFields(await api("/api/alert-rules", { method: "POST", json: body })), JSON.stringify(body)).toEqual([field]);
      }
      const unknown = { ...valid, actions: { webhookEndpointId: "00000000-0000-4000-8000-000000000000" } };
      expect(await problemFields(await api("/api/alert-rules", { method: "POST", json: unknown }), 422)).toEqual([
        "body.actions.webhookEndpointId",
      ]);
      const chatId = (await server.runtime.db.query<{ id: string }>(`SELECT id::text FROM webhook_endpoints WHERE kind = 'chat'`))[0].id;
      const chatAsHook = await api(`/api/alert-rules/${rule.id}`, { method: "PATCH", json: { actions: { webhookEndpointId: chatId } } });
      expect(await problemFields(chatAsHook, 422)).toEqual(["body.actions.webhookEndpointId"]);
      expect(await rules()).toHaveLength(2);
    });

    it("PATCH changes only what it sends: a chat URL left out is kept, null removes it and its endpoint; one action must remain", async () => {
      const renamed = await patch(rule.id, { name: "Corner markets", actions: { toast: false }, throttleMinutes: 30 });
      expect(renamed).toMatchObject({
        name: "Corner markets",
        conditions: rule.conditions,
        actions: { toast: false, webhookEndpointId: hookId, chatTarget: CHAT_ORIGIN },
        throttleMinutes: 30,
      });
      const refused = await api(`/api/alert-rules/${rule.id}`, { method: "PATCH", json: { actions: { chatUrl: "http://10.0.0.1/x" } } });
      expect(await problemFields(refused)).toEqual(["body.actions.chatUrl"]);

      const moved = await patch(rule.id, {
        actions: { chatUrl: "https://other.example.org/hooks/abc" },
        conditions: { reasons: ["UNKNOWN_MARKET"] },
      });
      expect(moved.actions.chatTarget).toBe("https://other.example.org");
      expect(moved.conditions).toEqual({
        platforms: [],
        reasons: ["UNKNOWN_MARKET"],
        causes: [],
        minPriority: null,
        minSightings: null,
        pattern: null,
      });

      const noChat = await patch(rule.id, { actions: { chatUrl: null } });
      expect(noChat.actions).toEqual({ toast: false, webhookEndpointId: hookId, chatTarget: null });
      expect(await server.runtime.db.query(`SELECT id FROM webhook_endpoints WHERE kind = 'chat'`)).toEqual([]);

      const last = await api(`/api/alert-rules/${rule.id}`, { method: "PATCH", json: { actions: { webhookEndpointId: null } } });
      expect(await problemFields(last, 422)).toEqual(["body.actions"]);
      expect(await problemFields(await api(`/api/alert-rules/${rule.id}`, { method: "PATCH", json: { enabled: "yes" } }))).toEqual([
        "body.enabled",
      ]);
      const back = await patch(rule.id, { enabled: false, actions: { chatUrl: CHAT_URL } });
      expect(back).toMatchObject({ enabled: false, actions: { toast: false, webhookEndpointId: hookId, chatTarget: CHAT_ORIGIN } });
    });

    it("answers 403 to a viewer except for the firings, which every role reads", async () => {
      expect((await viewer.api("/api/alert-rules")).status).toBe(403);
      expect((await viewer.api(`/api/alert-rules/${rule.id}`)).status).toBe(403);
      const firings = alertRuleFiringListSchema.parse(await okBody(await viewer.api("/api/alert-rules/firings")));
      expect(firings.items.map((f) => [f.name, f.enabled, f.lastFiring, f.pending])).toEqual([
        ["Every new or reopened market", true, null, null],
        ["Corner markets", false, null, null],
      ]);
      expect(firings.items[1]).toEqual({ id: rule.id, name: "Corner markets", enabled: false, lastFiring: null, pending: null });
    });

    it("DELETE is 204 with the rule's chat endpoint gone; the rule is 404 after, an unknown or malformed id too", async () => {
      expect((await api(`/api/alert-rules/${rule.id}`, { method: "DELETE" })).status).toBe(204);
      await problemBody(await api(`/api/alert-rules/${rule.id}`), 404);
      await problemBody(await api(`/api/alert-rules/${rule.id}`, { method: "DELETE" }), 404);
      await problemBody(await api("/api/alert-rules/not-a-uuid"), 404);
      expect(await server.runtime.db.query(`SELECT id FROM webhook_endpoints WHERE kind = 'chat'`)).toEqual([]);
      expect(await webhookIds()).toEqual([hookId]);
      expect(await rules()).toHaveLength(1);
      const trail = auditListSchema.parse(await okBody(await api(`/api/audit?entityType=alert_rule&entityId=${rule.id}`)));
      expect(trail.items.map((e) => e.action)).toEqual([
        "alert_rule_deleted",
        "alert_rule_updated",
        "alert_rule_updated",
        "alert_rule_updated",
        "alert_rule_updated",
        "alert_rule_created",
      ]);
    });
  });
});
