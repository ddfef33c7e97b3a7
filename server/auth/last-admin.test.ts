// The product can always be administered: when the last two active admins step down at the same
// moment (each demoting or disabling themselves, so neither request can lose its own right to
// ask), exactly one goes through and the other gets the same 409 problem+json as a lone last
// admin does. Repeated over rounds, the survivor promoting the other back in between.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { UserPatch } from "@/lib/contract/auth";
import { okBody, problemBody } from "@/server/testing/answers";
import { available, DB_KINDS } from "@/server/testing/databases";
import { createPerson, type TestPerson } from "@/server/testing/people";
import { startTestServer, type TestServer } from "@/server/testing/server";

const LAST_ADMIN = /^You are the last active admin: make someone else admin first$/;

describe.each(DB_KINDS)("the last admin on %s", (kind) => {
  let server: TestServer;
  let admins: [TestPerson, TestPerson];

  const patchSelf = (p: TestPerson, change: UserPatch) => p.api(`/api/users/${p.id}`, { method: "PATCH", json: change });
  const activeAdmins = async (asker: TestPerson) => {
    const { items } = (await okBody(await asker.api("/api/users"))) as { items: { id: string; role: string; disabled: boolean }[] };
    return items.filter((u) => u.role === "admin" && !u.disabled).map((u) => u.id);
  };

  beforeAll(async () => {
    if (!available(kind)) return;
    server = await startTestServer(kind);
    admins = [
      await createPerson(server.url, server.token, "Ada Admin", "admin"),
      await createPerson(server.url, server.token, "Abe Admin", "admin"),
    ];
    // The test admin steps down, so Ada and Abe are the only active admins.
    const { userId } = (await okBody(await server.fetch("/api/me"))) as { userId: string };
    await okBody(await admins[0].api(`/api/users/${userId}`, { method: "PATCH", json: { role: "viewer" } }));
    expect(await activeAdmins(admins[0])).toEqual(expect.arrayContaining([admins[0].id, admins[1].id]));
    expect(await activeAdmins(admins[0])).toHaveLength(2);
  });
  afterAll(async () => server?.close());

  const rounds: [string, UserPatch, UserPatch][] = [
    ["both demote themselves", { role: "viewer" }, { role: "viewer" }],
    ["both demote themselves, again", { role: "triager" }, { role: "viewer" }],
    ["one demotes, one disables", { role: "viewer" }, { disabled: true }],
  ];

  describe.skipIf(!available(kind))("", () => {
    it.each(rounds)("%s at once: one goes through, the other is the last admin's 409", async (_, a, b) => {
      // Both callers known to the server first, so neither request is held up resolving its token.
      for (const p of admins) await okBody(await p.api("/api/me"));
      const answers = await Promise.all([patchSelf(admins[0], a), patchSelf(admins[1], b)]);
      const statuses = answers.map((r) => r.status);
      expect(statuses.sort()).toEqual([200, 409]);
      const winner = answers[0].status === 200 ? 0 : 1;
      const survivor = admins[1 - winner];
      const refused = await problemBody(answers[1 - winner], 409);
      expect(refused.detail).toMatch(LAST_ADMIN);

      // The same refusal as a lone last admin gets, and there is exactly one active admin.
      const lone = await problemBody(await patchSelf(survivor, { role: "viewer" }), 409);
      expect(lone).toEqual(refused);
      expect(await activeAdmins(survivor)).toEqual([survivor.id]);

      // The survivor restores the other for the next round (a disabled one is enabled too).
      const stepped = admins[winner];
      await okBody(await survivor.api(`/api/users/${stepped.id}`, { method: "PATCH", json: { role: "admin", disabled: false } }));
      expect(await activeAdmins(survivor)).toHaveLength(2);
    });
  });
});
