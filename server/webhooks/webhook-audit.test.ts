// The audit trail is open to viewers, and a receiver's URL often carries its credential (a Slack
// hook path, ?token=): webhook audit rows keep only the URL's origin, as their entity
// name too. A viewer reading /api/audit after a webhook is created, updated and deleted never sees
// the path, query or fragment of its URLs.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditListSchema } from "@/lib/contract/audit";
import { webhookWithSecretSchema } from "@/lib/contract/webhooks";
import { okBody } from "@/server/testing/answers";
import { serverApi } from "@/server/testing/api";
import { available, DB_KINDS } from "@/server/testing/databases";
import { createPerson, type TestPerson } from "@/server/testing/people";
import { startTestServer, type TestServer } from "@/server/testing/server";

const SECRETS = ["T0SECRET", "B0SECRET", "hookpath", "s3cr3t-token", "other-token", "frag"];

describe.each(DB_KINDS)("webhook URLs in the audit trail on %s", (kind) => {
  let server: TestServer;
  let viewer: TestPerson;
  const api = serverApi(() => server);

  beforeAll(async () => {
    if (!available(kind)) return;
    server = await startTestServer(kind, { env: { WEBHOOK_ALLOW_PRIVATE: "true" } });
    viewer = await createPerson(server.url, server.token, "Vic Viewer", "viewer");
  });
  afterAll(async () => {
    await server?.close();
  });

  it.skipIf(!available(kind))("a viewer's /api/audit shows only the origin of a created, updated and deleted webhook's URL", async () => {
    const created = webhookWithSecretSchema.parse(
      await okBody(
        await api("/api/webhooks", {
          method: "POST",
          json: { url: "http://127.0.0.1:9/services/T0SECRET/B0SECRET/hookpath?token=s3cr3t-token#frag", events: ["scrape.failed"] },
        }),
        201,
      ),
    );
    await okBody(
      await api(`/api/webhooks/${created.id}`, {
        method: "PATCH",
        json: { url: "https://localhost:8443/hookpath?token=other-token", description: "moved" },
      }),
    );
    expect((await api(`/api/webhooks/${created.id}`, { method: "DELETE" })).status).toBeLessThan(300);

    const res = await viewer.api(`/api/audit?entityType=webhook&entityId=${created.id}`);
    const text = await res.text();
    expect(res.status).toBe(200);
    for (const secret of SECRETS) expect(text).not.toContain(secret);
    const entries = auditListSchema.parse(JSON.parse(text)).items;
    expect(entries.map((e) => e.action).sort()).toEqual(["webhook_created", "webhook_deleted", "webhook_updated"]);
    const urls = entries.flatMap((e) => [e.before, e.after]).map((s) => (s as { url?: string } | null)?.url ?? null);
    expect(new Set(urls)).toEqual(new Set([null, "http://127.0.0.1:9", "https://localhost:8443"]));
    const names = Object.fromEntries(entries.map((e) => [e.action, e.entityName]));
    expect(names).toEqual({
      webhook_created: "http://127.0.0.1:9",
      webhook_updated: "https://localhost:8443",
      webhook_deleted: "https://localhost:8443",
    });
  });
});
