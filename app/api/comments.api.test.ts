// Comments, the activity timeline and the people directory over real HTTP on PGlite and
// PostgreSQL, each person calling with their own API token (a token acts for its owner).
import { io, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditListSchema } from "@/lib/contract/audit";
import { activityListSchema, commentListSchema, commentSchema, COMMENT_MAX } from "@/lib/contract/comments";
import { serverMessageSchemas, type ServerMessage } from "@/lib/contract/realtime";
import { unmappedListSchema } from "@/lib/contract/unmapped";
import { peopleSchema } from "@/lib/contract/views";
import { serverApi } from "@/server/testing/api";
import { okBody, problemBody } from "@/server/testing/answers";
import { TEST_ADMIN } from "@/server/testing/auth";
import { available, DB_KINDS } from "@/server/testing/databases";
import { createPerson, createTeam, type TestPerson } from "@/server/testing/people";
import { startTestServer, type TestServer } from "@/server/testing/server";
import { waitFor } from "@/server/testing/wait";

const HOSTILE = `<script>alert("x")</script><img src=x onerror=alert(1)> & "quotes" 'single' </textarea>`;

describe.each(DB_KINDS)("comments, activity and people on %s", (kind) => {
  let server: TestServer;
  let tara: TestPerson, tom: TestPerson, vic: TestPerson;
  let marketA: number, marketB: number;
  const admin = serverApi(() => server);
  const ok = okBody;
  const problem = problemBody;
  const post = (who: TestPerson["api"], market: number, body: unknown) =>
    who(`/api/unmapped/${market}/comments`, { method: "POST", json: { body } });

  beforeAll(async () => {
    if (!available(kind)) return;
    server = await startTestServer(kind, { demo: { events: 3, newPerCycle: 0 } });
    await ok(await admin("/api/scrape?wait=true", { method: "POST" }));
    const list = unmappedListSchema.parse(await ok(await admin("/api/unmapped?sort=name&order=asc&pageSize=2")));
    [marketA, marketB] = list.items.map((m) => m.id);
    [tara, tom, vic] = await createTeam(server.url, server.token);
  });
  afterAll(async () => server?.close());

  describe.skipIf(!available(kind))("", () => {
    it("stores hostile markup verbatim as the author's (not the token's) and returns it as JSON text, announced to open pages", async () => {
      const socket: Socket = io(server.url, { transports: ["websocket"], reconnection: false, auth: { token: server.token } });
      const updates: ServerMessage<"unmapped_updated">[] = [];
      socket.on("unmapped_updated", (m: unknown) => updates.push(serverMessageSchemas.unmapped_updated.parse(m)));
      await new Promise((resolve) => socket.emit("subscribe", { topics: ["unmapped_updates"] }, resolve));
      try {
        const created = await post(tara.api, marketA, `  ${HOSTILE}\n`);
        const comment = commentSchema.parse(await ok(created, 201));
        expect(created.headers.get("location")).toBe(`/api/unmapped/${marketA}/comments/${comment.id}`);
        expect(comment).toMatchObject({ marketId: marketA, body: HOSTILE, author: { id: tara.id, name: "Tara Triager" } });
        expect(comment).toMatchObject({ authorName: "Tara Triager", editedAt: null });

        const res = await vic.api(`/api/unmapped/${marketA}/comments`);
        expect(res.headers.get("content-type")).toBe("application/json");
        const text = await res.text();
        expect(text).toContain(JSON.stringify(HOSTILE)); // a JSON string, not markup
        expect(commentListSchema.parse(JSON.parse(text)).items[0]).toEqual(comment);
        expect(commentSchema.parse(await ok(await vic.api(`/api/unmapped/${marketA}/comments/${comment.id}`)))).toEqual(comment);

        const version = (await ok(await admin(`/api/unmapped/${marketA}`))).version;
        const seen = await waitFor("the comment's unmapped_updated", () => updates.find((u) => u.data.id === marketA));
        expect(seen.data).toEqual({ id: marketA, version, changed: ["comments"] });
      } finally {
        socket.close();
      }
    });

    it("refuses viewers, empty or over-long bodies, NUL and unknown markets; 4000 characters fit", async () => {
      expect((await problem(await post(vic.api, marketA, "hello"), 403)).detail).toContain("triager");
      for (const [body, field] of [
        ["x".repeat(COMMENT_MAX + 1), "body.body"],
        ["   ", "body.body"],
        ["nul \u0000 here", "body.body"],
        ["lone \ud800 surrogate", "body.body"],
        [42, "body.body"],
      ] as const) {
        expect((await problem(await post(tara.api, marketA, body), 400)).errors?.map((e) => e.field)).toContain(field);
      }
      const extra = await tara.api(`/api/unmapped/${marketA}/comments`, { method: "POST", json: { body: "x", pinned: true } });
      expect((await problem(extra, 400)).errors?.[0].field).toBe("body.pinned");
      const long = commentSchema.parse(await ok(await post(tara.api, marketA, "y".repeat(COMMENT_MAX)), 201));
      expect(long.body).toHaveLength(COMMENT_MAX);
      await problem(await post(tara.api, 999_999, "hello"), 404);
      await problem(await vic.api(`/api/unmapped/999999/comments`), 404);
      await problem(await vic.api(`/api/unmapped/${marketA}/comments?pageSize=0`), 400);
    });

    it("lets authors and admins edit or delete, refuses others (403) and other markets' comments (404), pages newest first", async () => {
      const mine = commentSchema.parse(await ok(await post(tara.api, marketB, "tara's first"), 201));
      const theirs = commentSchema.parse(await ok(await post(tom.api, marketB, "tom's"), 201));
      const at = (c: { id: number }, market = marketB) => `/api/unmapped/${market}/comments/${c.id}`;

      await problem(await tom.api(at(mine), { method: "PATCH", json: { body: "hijacked" } }), 403);
      await problem(await tom.api(at(mine), { method: "DELETE" }), 403);
      await problem(await vic.api(at(mine), { method: "DELETE" }), 403);
      await problem(await tara.api(at(mine, marketA), { method: "PATCH", json: { body: "wrong market" } }), 404);
      await problem(await tara.api(at(mine, marketA), { method: "DELETE" }), 404);
      await problem(await vic.api(at(mine, marketA)), 404);

      const edited = commentSchema.parse(await ok(await tara.api(at(mine), { method: "PATCH", json: { body: " tara's edit " } })));
      expect(edited).toMatchObject({ id: mine.id, body: "tara's edit", createdAt: mine.createdAt, authorName: "Tara Triager" });
      expect(Date.parse(edited.editedAt!)).toBeGreaterThanOrEqual(Date.parse(mine.createdAt));
      const byAdmin = commentSchema.parse(await ok(await admin(at(theirs), { method: "PATCH", json: { body: "moderated" } })));
      expect(byAdmin).toMatchObject({ body: "moderated", author: { id: tom.id }, authorName: "Tom Triager" });

      const third = commentSchema.parse(await ok(await post(admin, marketB, "admin's"), 201));
      expect(third.authorName).toBe(TEST_ADMIN.name);
      const page1 = commentListSchema.parse(await ok(await vic.api(`/api/unmapped/${marketB}/comments?pageSize=2`)));
      expect(page1.items.map((c) => c.id)).toEqual([third.id, theirs.id]);
      expect(page1.total).toBe(3);
      const page2 = commentListSchema.parse(await ok(await vic.api(`/api/unmapped/${marketB}/comments?pageSize=2&page=2`)));
      expect(page2.items.map((c) => c.id)).toEqual([mine.id]);

      expect((await tara.api(at(mine), { method: "DELETE" })).status).toBe(204);
      expect((await admin(at(theirs), { method: "DELETE" })).status).toBe(204);
      await problem(await tara.api(at(mine), { method: "DELETE" }), 404);
      const left = commentListSchema.parse(await ok(await vic.api(`/api/unmapped/${marketB}/comments`)));
      expect(left.items.map((c) => c.id)).toEqual([third.id]);
      expect((await admin(at(third), { method: "DELETE" })).status).toBe(204);
    });

    it("merges comments and history entries into one timeline, newest first, paged; entries as the history shows them", async () => {
      const edit = async (json: unknown) => ok(await admin(`/api/unmapped/${marketB}`, { method: "PATCH", json }));
      await edit({ status: "ACKNOWLEDGED", reason: "looking" });
      const first = commentSchema.parse(await ok(await post(tara.api, marketB, "first"), 201));
      await edit({ notes: "a <b>note</b>" });
      const second = commentSchema.parse(await ok(await post(tom.api, marketB, "second"), 201));

      const url = (q: string) => `/api/unmapped/${marketB}/activity?${q}`;
      const page1 = activityListSchema.parse(await ok(await vic.api(url("pageSize=3"))));
      expect(page1.total).toBe(4);
      expect(page1.items.map((i) => (i.kind === "comment" ? i.comment.body : i.event.action))).toEqual([
        "second",
        "notes_changed",
        "first",
      ]);
      const page2 = activityListSchema.parse(await ok(await vic.api(url("pageSize=3&page=2"))));
      expect(page2.items.map((i) => (i.kind === "event" ? i.event.action : i.kind))).toEqual(["status_changed"]);
      expect(page2.total).toBe(4);
      expect(activityListSchema.parse(await ok(await vic.api(url("page=3&pageSize=3")))).items).toEqual([]);

      const history = auditListSchema.parse(await ok(await vic.api(`/api/unmapped/${marketB}/history`)));
      const events = [...page1.items, ...page2.items].flatMap((i) => (i.kind === "event" ? [i.event] : []));
      expect(events).toEqual(history.items);
      const comments = [...page1.items, ...page2.items].flatMap((i) => (i.kind === "comment" ? [i.comment] : []));
      expect(comments).toEqual([second, first]);
      for (const i of page1.items) expect(i.at).toBe(i.kind === "comment" ? i.comment.createdAt : i.event.createdAt);

      await problem(await vic.api(`/api/unmapped/999999/activity`), 404);
      expect((await problem(await vic.api(url("pageSize=500")), 400)).errors?.[0].field).toBe("query.pageSize");
      await problem(await vic.api(url("kind=comment")), 400);
    });

    it("lists enabled people by name with their role, for every role, leaving out the disabled", async () => {
      const gone = await createPerson(server.url, server.token, "Aaron Away", "triager");
      expect((await admin(`/api/users/${gone.id}`, { method: "PATCH", json: { disabled: true } })).status).toBe(200);
      const people = peopleSchema.parse(await ok(await vic.api("/api/people")));
      expect(people.items).toEqual([
        { id: tara.id, name: "Tara Triager", role: "triager" },
        expect.objectContaining({ name: TEST_ADMIN.name, role: "admin" }),
        { id: tom.id, name: "Tom Triager", role: "triager" },
        { id: vic.id, name: "Vic Viewer", role: "viewer" },
      ]);
      expect(JSON.stringify(people)).not.toContain("@example.test");
      expect((await fetch(`${server.url}/api/people`)).status).toBe(401);
    });
  });
});
