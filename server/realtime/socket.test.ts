// A real Socket.IO client against the real server: topics as rooms, the envelope, and exactly one
// alert for a new market, none when it is seen again.
import { io, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serverMessageSchemas, subscribeAckSchema, type ServerMessage, type SubscribeAck } from "@/lib/contract/realtime";
import { scrapeRunSchema } from "@/lib/contract/scrape";
import { startTestServer, type TestServer } from "@/server/testing/server";
import { waitFor } from "@/server/testing/wait";

function connect(url: string, token: string, topics?: string[]): Promise<{ socket: Socket; ack: ServerMessage<"connection_ack"> }> {
  return new Promise((resolve, reject) => {
    const socket = io(url, {
      path: "/socket.io",
      transports: ["websocket"],
      auth: { token, ...(topics ? { topics } : {}) },
      reconnection: false,
    });
    socket.once("connection_ack", (ack) => resolve({ socket, ack: serverMessageSchemas.connection_ack.parse(ack) }));
    socket.once("connect_error", reject);
  });
}

const emit = (socket: Socket, event: string, payload: unknown) =>
  new Promise<SubscribeAck>((resolve) => socket.emit(event, payload, (ack: unknown) => resolve(subscribeAckSchema.parse(ack))));

describe("Socket.IO realtime", () => {
  let server: TestServer;
  const sockets: Socket[] = [];
  beforeAll(async () => {
    // newPerCycle 0: the second cycle sees only markets the first one already announced.
    server = await startTestServer("pglite", { demo: { events: 5, newPerCycle: 0 } });
  });
  afterAll(async () => {
    for (const s of sockets) s.close();
    await server?.close();
  });

  const scrape = async () => {
    const res = await server.fetch(`/api/scrape?wait=true`, { method: "POST" });
    expect(res.status).toBe(200);
    return scrapeRunSchema.parse(await res.json());
  };

  it("acks the handshake topics, subscribes and unsubscribes, and refuses unknown topics", async () => {
    const { socket, ack } = await connect(server.url, server.token, ["scrape_progress", "nonsense"]);
    sockets.push(socket);
    expect(ack.type).toBe("connection_ack");
    expect(ack.timestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/);
    expect(ack.data.topics).toEqual(["scrape_progress"]);
    expect(await emit(socket, "subscribe", { topics: ["unmapped_alerts"] })).toEqual({ topics: ["scrape_progress", "unmapped_alerts"] });
    const refused = await emit(socket, "subscribe", { topics: ["unmapped_alerts", "secrets"] });
    expect("error" in refused && refused.error).toContain("secrets");
    expect(await emit(socket, "subscribe", "garbage")).toHaveProperty("error");
    expect(await emit(socket, "unsubscribe", { topics: ["scrape_progress"] })).toEqual({ topics: ["unmapped_alerts"] });
  });

  it("announces new markets exactly once, only to unmapped_alerts subscribers, with database ids", async () => {
    const { socket: alerts } = await connect(server.url, server.token, ["unmapped_alerts"]);
    const { socket: progressOnly } = await connect(server.url, server.token, ["scrape_progress"]);
    sockets.push(alerts, progressOnly);
    const received: ServerMessage<"unmapped_alert">[] = [];
    const progress: ServerMessage<"scrape_progress">[] = [];
    const leaked: unknown[] = [];
    alerts.on("unmapped_alert", (m) => received.push(serverMessageSchemas.unmapped_alert.parse(m)));
    alerts.on("scrape_progress", (m) => leaked.push(m));
    progressOnly.on("unmapped_alert", (m) => leaked.push(m));
    progressOnly.on("scrape_progress", (m) => progress.push(serverMessageSchemas.scrape_progress.parse(m)));

    const first = await scrape();
    expect(first.newMarkets).toBeGreaterThan(0);
    const announcedCount = () => received.reduce((n, m) => n + m.data.count, 0);
    await waitFor(`alerts for ${first.newMarkets} new markets`, () => announcedCount() >= first.newMarkets);
    await waitFor("the completed progress message", () => progress.at(-1)?.data.phase === "completed");
    const announced = received.flatMap((m) => m.data.markets);
    expect(received.reduce((n, m) => n + m.data.count, 0)).toBe(first.newMarkets);
    // Each alert names its markets up to the cap of 50; count always tells the full number.
    for (const m of received) expect(m.data.markets).toHaveLength(Math.min(m.data.count, 50));
    expect(new Set(announced.map((m) => `${m.source}/${m.externalMarketId}`)).size).toBe(announced.length);
    // The alert carries the database id, so a toast can link straight to the market.
    const detail = await server.fetch(`/api/unmapped/${announced[0].id}`);
    expect(((await detail.json()) as { externalMarketId: string }).externalMarketId).toBe(announced[0].externalMarketId);

    expect(progress[0].data).toMatchObject({ runId: first.id, phase: "starting" });
    expect(progress.at(-1)!.data).toMatchObject({ runId: first.id, phase: "completed" });

    const before = received.length;
    const second = await scrape();
    // A marker published after the run: messages to one socket arrive in order, so once it is
    // here every alert the second run could have sent is here too.
    server.runtime.publisher.publish("unmapped_alert", { count: 0, markets: [] });
    await waitFor("the marker alert after the second run", () => received.at(-1)?.data.count === 0);
    received.pop();
    expect(second.newMarkets).toBe(0);
    expect(second.unmapped).toBeGreaterThan(0);
    expect(received.length).toBe(before);
    expect(leaked).toEqual([]);
  });
});
