// The coverage watch after whole scrape cycles against the fake bookmaker (real sources, parsers,
// lookup, coordinator, snapshot), on both databases: a mapped market removed from the feed raises
// exactly one alert (the row, a coverage_alert message on a real Socket.IO client, the webhook event
// in the outbox) and no second one while it stays missing, and is resolved when it comes back; a
// changed outcome set raises outcomes_changed naming the new names; a failed or partial platform
// raises nothing.
import { createServer, type Server as HttpServer } from "node:http";
import type { AddressInfo } from "node:net";
import { io, type Socket } from "socket.io-client";
import { afterAll, beforeAll, beforeEach, expect, it } from "vitest";
import { coverageAlertSchema } from "@/lib/contract/coverage";
import { serverMessageSchemas, type ServerMessage } from "@/lib/contract/realtime";
import { webhookPayloadSchemas } from "@/lib/contract/webhooks";
import { attachRealtime, type Realtime } from "@/server/realtime/socket";
import { useBookmakerCycle } from "@/server/testing/bookmaker-cycle";
import type { FakeMatch } from "@/server/testing/fake-bookmaker";
import { describeOnDatabases } from "@/server/testing/test-database";
import { waitFor } from "@/server/testing/wait";
import { WebhookOutbox } from "@/server/webhooks/outbox";
import { newSecret } from "@/server/webhooks/send";
import { CoverageWatch } from "./coverage-watch";

type Message = ServerMessage<"coverage_alert">;

describeOnDatabases("coverage watch on %s", (t) => {
  const b = useBookmakerCycle(t);
  let http: HttpServer;
  let realtime: Realtime;
  let socket: Socket;
  const received: Message[] = [];

  beforeAll(async () => {
    http = createServer();
    realtime = await attachRealtime(http, undefined, {
      refuse: () => null,
      authenticate: async () => ({ kind: "user", userId: "u1", name: "Test", email: null, role: "viewer", tokenId: null }),
    });
    await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
    socket = io(url, { path: "/socket.io", transports: ["websocket"], auth: { topics: ["coverage_alerts"] }, reconnection: false });
    socket.on("coverage_alert", (m: unknown) => received.push(serverMessageSchemas.coverage_alert.parse(m)));
    await new Promise((resolve) => socket.once("connection_ack", resolve));
  });
  afterAll(async () => {
    socket?.close();
    await realtime?.close();
    await new Promise((resolve) => http?.close(resolve));
  });
  beforeEach(async () => {
    await t.db.exec(`TRUNCATE coverage_alerts, webhook_endpoints, webhook_events RESTART IDENTITY CASCADE`);
    await t.db.prisma.webhookEndpoint.create({
      data: { url: "https://hooks.example.com/", events: ["mapping.coverage_dropped"], secret: newSecret() },
    });
    received.length = 0;
    b.deps.coverage = new CoverageWatch(t.db, realtime, new WebhookOutbox(t.db));
  });

  const alerts = async () =>
    await t.db.query<{ canonical_id: string; platform: string; market_key: string; kind: string; run_id: number; open: boolean }>(
      `SELECT canonical_id, platform::text, market_key, kind, run_id, resolved_at IS NULL AS open, details FROM coverage_alerts ORDER BY id`,
    );
  const webhookEvents = async () =>
    (await t.db.query<{ payload: unknown }>(`SELECT payload FROM webhook_events WHERE type = 'mapping.coverage_dropped'`)).map(
      (r) => webhookPayloadSchemas["mapping.coverage_dropped"].parse(r.payload).data,
    );
  /** Changes every football match's offer on one platform (the started and NBA ones are never fetched). */
  const everyMatch = (change: (m: FakeMatch) => void) => b.fake.world.matches.forEach(change);
  const withoutBet9jaOverUnder = (m: FakeMatch) => {
    if (m.bet9ja) m.bet9ja.odds = Object.fromEntries(Object.entries(m.bet9ja.odds).filter(([k]) => !k.startsWith("S_OU@")));
  };
  const snapshotOfBet9jaOverUnder = (m: FakeMatch) => ({ ...m.bet9ja!.odds });

  it("raises one dropped alert for a mapped market removed from the feed, keeps it single while missing, resolves it on return", async () => {
    const first = await b.cycle();
    expect(first.status).toBe("completed");
    expect(await alerts()).toEqual([]);
    const kept = b.fake.world.matches.map(snapshotOfBet9jaOverUnder);

    everyMatch(withoutBet9jaOverUnder);
    const second = await b.cycle();
    expect(second.status).toBe("completed");
    const raised = await alerts();
    console.log(`[coverage] after the market was removed: ${raised.length} alert(s)`, JSON.stringify(raised));
    expect(raised).toEqual([
      {
        canonical_id: "over_under_ft",
        platform: "bet9ja",
        market_key: "S_OU",
        kind: "dropped",
        run_id: second.id,
        open: true,
        details: { previousRunId: first.id, previousEvents: 3, previousOffered: 3, events: 3, offered: 0, newNames: [] },
      },
    ]);
    const message = await waitFor("the coverage_alert message", () => received.find((m) => m.data.count > 0));
    expect(message.data).toMatchObject({ runId: second.id, count: 1, resolved: [] });
    expect(coverageAlertSchema.parse(message.data.alerts[0])).toMatchObject({ canonicalId: "over_under_ft", kind: "dropped" });
    const events = await webhookEvents();
    expect(events).toHaveLength(1);
    expect(events[0].alerts.map((a) => [a.canonicalId, a.platform, a.kind])).toEqual([["over_under_ft", "bet9ja", "dropped"]]);

    const third = await b.cycle();
    expect(third.status).toBe("completed");
    expect(await alerts()).toHaveLength(1);
    expect(await webhookEvents()).toHaveLength(1);
    console.log(`[coverage] a third run with the market still missing: ${(await alerts()).length} alert(s), ${received.length} message(s)`);

    b.fake.world.matches.forEach((m, i) => m.bet9ja && (m.bet9ja.odds = kept[i]));
    const fourth = await b.cycle();
    expect(await alerts()).toMatchObject([{ kind: "dropped", open: false }]);
    const [row] = await t.db.query<{ resolved_run_id: number }>(`SELECT resolved_run_id FROM coverage_alerts`);
    expect(row.resolved_run_id).toBe(fourth.id);
    await waitFor("the resolving message", () => received.some((m) => m.data.resolved.length === 1));
  });

  it("raises outcomes_changed naming the new outcome names, once, and resolves it when the names match again", async () => {
    await b.cycle();
    const rename = (from: string, to: string) =>
      everyMatch((m) => {
        for (const market of (m.sportybet?.markets ?? []) as { id: unknown; outcomes: { desc: string }[] }[]) {
          if (market.id === "1") for (const o of market.outcomes) if (o.desc === from) o.desc = to;
        }
      });
    rename("Home", "1");
    rename("Away", "2");
    const second = await b.cycle();
    const raised = await alerts();
    console.log(`[coverage] after 1X2's outcomes were renamed: ${JSON.stringify(raised)}`);
    expect(raised).toMatchObject([
      {
        canonical_id: "1x2_ft",
        platform: "sportybet",
        market_key: "1",
        kind: "outcomes_changed",
        run_id: second.id,
        open: true,
        details: { previousEvents: 3, previousOffered: 3, events: 3, offered: 3, newNames: ["1", "2"] },
      },
    ]);
    await b.cycle();
    expect(await alerts()).toHaveLength(1);
    rename("1", "Home");
    rename("2", "Away");
    await b.cycle();
    expect(await alerts()).toMatchObject([{ kind: "outcomes_changed", open: false }]);
    // Lines inside SportyBet names ("Over 2.5") are not new names: the O/U markets raised nothing.
    expect((await alerts()).filter((a) => a.canonical_id === "over_under_ft")).toEqual([]);
  });

  it("raises nothing for a platform whose part of the run failed or was partial", async () => {
    await b.cycle();
    everyMatch(withoutBet9jaOverUnder);
    b.fake.fault({ route: "B1", respond: { kind: "json", body: { R: "E", D: null } } });
    const failed = await b.cycle();
    expect(failed.status).toBe("partial");
    expect(failed.sources.bet9ja.events).toBe(0);

    b.fake.clearFaults();
    b.fake.fault({ route: "B3", key: "707096003", respond: { kind: "status", status: 404 } });
    const partial = await b.cycle();
    expect(partial.sources.bet9ja.eventsFailed).toBe(1);
    const none = await alerts();
    console.log(`[coverage] after a failed and a partial Bet9ja run with the market removed: ${none.length} alert(s)`);
    expect(none).toEqual([]);
    expect(await webhookEvents()).toEqual([]);
  });
});
