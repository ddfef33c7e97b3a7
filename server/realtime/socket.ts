// Socket.IO beside Next on the same HTTP server. Topics are rooms; a client joins them with
// `subscribe` (or handshake auth.topics) and every message is emitted as an event named by its
// type, with the envelope { type, timestamp, data } as the only argument.
import type { IncomingMessage, Server as HttpServer } from "node:http";
import { createAdapter } from "@socket.io/redis-adapter";
import { createClient } from "redis";
import { Server } from "socket.io";
import { log } from "@/server/log";
import {
  MESSAGE_TOPIC,
  subscribeRequestSchema,
  TOPICS,
  type ServerMessageData,
  type SubscribeAck,
  type Topic,
} from "@/lib/contract/realtime";
import type { Principal } from "@/lib/contract/auth";
import type { Publisher, PublishableType } from "./publisher";

/** Who may connect: the HTTP checks (host, origin) and the principal of the handshake's cookie or auth.token. */
export interface RealtimeGuard {
  /** null when the request may go on, else why not (the handshake is refused with 403). */
  refuse(req: IncomingMessage): string | null;
  authenticate(headers: Headers, token: string | null): Promise<Principal | null>;
}

const isTopic = (t: unknown): t is Topic => typeof t === "string" && (TOPICS as readonly string[]).includes(t);

const envelope = <T extends string, D>(type: T, data: D) => ({ type, timestamp: new Date().toISOString(), data });

export interface Realtime extends Publisher {
  readonly io: Server;
  /** Resolves when the first client (a browser) connects to this process. */
  readonly firstClient: Promise<void>;
  close(): Promise<void>;
}

/**
 * @param redisUrl with several processes, Socket.IO's Redis adapter carries every message to the
 * clients of every process, whichever process published it.
 */
export async function attachRealtime(httpServer: HttpServer, redisUrl: string | undefined, guard: RealtimeGuard): Promise<Realtime> {
  // destroyUpgrade: false leaves other upgrade requests (Next's dev HMR socket) alone.
  const io = new Server(httpServer, {
    path: "/socket.io",
    destroyUpgrade: false,
    serveClient: false,
    allowRequest: (req, callback) => {
      const why = guard.refuse(req);
      callback(why, why === null);
    },
  });
  // A socket is a principal's: user:<id> and token:<id> rooms let a revoke or disable close it at once.
  io.use((socket, next) => {
    const headers = new Headers();
    for (const [k, v] of Object.entries(socket.handshake.headers)) if (typeof v === "string") headers.set(k, v);
    const token = (socket.handshake.auth as { token?: unknown } | undefined)?.token;
    guard.authenticate(headers, typeof token === "string" ? token : null).then(
      (principal) => {
        if (!principal) return next(new Error("authentication required"));
        socket.data.principal = principal;
        void socket.join(principal.tokenId ? [`user:${principal.userId}`, `token:${principal.tokenId}`] : [`user:${principal.userId}`]);
        next();
      },
      (e: Error) => next(new Error(`authentication failed: ${e.message}`)),
    );
  });
  let redis: { quit(): Promise<unknown> }[] = [];
  if (redisUrl) {
    const pub = createClient({ url: redisUrl });
    const sub = pub.duplicate();
    for (const c of [pub, sub]) c.on("error", (e: Error) => log.error("[realtime] Redis error:", e.message));
    await Promise.all([pub.connect(), sub.connect()]);
    io.adapter(createAdapter(pub, sub));
    redis = [pub, sub];
  }

  let connected!: () => void;
  const firstClient = new Promise<void>((resolve) => (connected = resolve));
  io.on("connection", (socket) => {
    connected();
    const topicsOf = () => [...socket.rooms].filter(isTopic);
    const initial = (socket.handshake.auth as { topics?: unknown } | undefined)?.topics;
    if (Array.isArray(initial)) for (const t of initial) if (isTopic(t)) socket.join(t);
    socket.emit("connection_ack", envelope("connection_ack", { topics: topicsOf() }));

    const handle = (action: "subscribe" | "unsubscribe") => (payload: unknown, ack?: unknown) => {
      const reply = (r: SubscribeAck) => (typeof ack === "function" ? ack(r) : undefined);
      const parsed = subscribeRequestSchema.safeParse(payload);
      if (!parsed.success) return reply({ error: `${action} expects { topics: string[] } with 1-10 topics` });
      const unknown = parsed.data.topics.filter((t) => !isTopic(t));
      if (unknown.length > 0) {
        return reply({ error: `unknown topic ${unknown.map((t) => JSON.stringify(t)).join(", ")}; known: ${TOPICS.join(", ")}` });
      }
      for (const t of parsed.data.topics as Topic[]) {
        if (action === "subscribe") socket.join(t);
        else socket.leave(t);
      }
      reply({ topics: topicsOf() });
    };
    socket.on("subscribe", handle("subscribe"));
    socket.on("unsubscribe", handle("unsubscribe"));
  });

  return {
    io,
    firstClient,
    publish<T extends PublishableType>(type: T, data: ServerMessageData<T>) {
      io.to(MESSAGE_TOPIC[type]).emit(type, envelope(type, data));
    },
    async close() {
      io.disconnectSockets(true);
      // Not io.close(): that would also close the HTTP server, which the caller owns.
      io.engine.close();
      await Promise.all(redis.map((c) => c.quit().catch(() => undefined)));
    },
  };
}
