// The tab's one Socket.IO connection. It lives on `window`, not in a module variable, so hot
// reloads and re-renders reuse it instead of opening another. Components subscribe to parsed,
// contract-checked messages and to the connection state; `onResync` fires after every reconnect,
// because anything sent while the socket was down is lost and must be refetched.
import { io, type Socket } from "socket.io-client";
import { toSignIn } from "@/lib/api/auth";
import { serverMessageSchemas, TOPICS, type ServerMessage, type ServerMessageType, type SubscribeAck } from "@/lib/contract/realtime";

export type ConnectionState = "connecting" | "live" | "reconnecting" | "offline";

// After this many failed attempts the server is treated as down, not merely blinking.
const OFFLINE_AFTER_ATTEMPTS = 3;

type Handler<T extends ServerMessageType> = (message: ServerMessage<T>) => void;

export interface RealtimeClient {
  state(): ConnectionState;
  onState(listener: () => void): () => void;
  on<T extends ServerMessageType>(type: T, handler: Handler<T>): () => void;
  onResync(listener: () => void): () => void;
}

declare global {
  interface Window {
    __marketTriageRealtime?: RealtimeClient;
  }
}

function createClient(): RealtimeClient {
  let state: ConnectionState = "connecting";
  let failedAttempts = 0;
  let connectedBefore = false;
  const stateListeners = new Set<() => void>();
  const resyncListeners = new Set<() => void>();
  const handlers = new Map<ServerMessageType, Set<(m: unknown) => void>>();

  const setState = (next: ConnectionState) => {
    if (next === state) return;
    state = next;
    for (const l of stateListeners) l();
  };

  // Topics go in the handshake so no message slips between connecting and subscribing; the
  // server's connection_ack confirms them, and a missing one is requested again explicitly.
  const socket: Socket = io({
    path: "/socket.io",
    auth: { topics: [...TOPICS] },
    transports: ["websocket", "polling"],
    reconnectionDelay: 1000,
    reconnectionDelayMax: 5000,
    // A connection that opens but never completes the handshake (a proxy cutting it) only counts
    // as failed, and is retried, once this runs out; the 20 s default leaves the tab deaf too long.
    timeout: 5000,
  });

  const dispatch = (type: ServerMessageType, raw: unknown) => {
    const parsed = serverMessageSchemas[type].safeParse(raw);
    if (!parsed.success) {
      console.warn(`[realtime] ignored a malformed ${type} message`, parsed.error.issues);
      return;
    }
    for (const h of handlers.get(type) ?? []) h(parsed.data);
  };
  for (const type of Object.keys(serverMessageSchemas) as ServerMessageType[]) {
    socket.on(type, (raw: unknown) => dispatch(type, raw));
  }

  socket.on("connection_ack", (raw: unknown) => {
    const ack = serverMessageSchemas.connection_ack.safeParse(raw);
    const missing = TOPICS.filter((t) => !ack.success || !ack.data.data.topics.includes(t));
    if (missing.length > 0) {
      socket.emit("subscribe", { topics: missing }, (reply: SubscribeAck) => {
        if ("error" in reply) console.error(`[realtime] could not subscribe: ${reply.error}`);
      });
    }
  });

  socket.on("connect", () => {
    failedAttempts = 0;
    setState("live");
    if (connectedBefore) for (const l of resyncListeners) l();
    connectedBefore = true;
  });

  socket.on("disconnect", (reason) => {
    // The server hung up on purpose (e.g. restarting): Socket.IO will not retry on its own.
    if (reason === "io server disconnect") socket.connect();
    setState(navigator.onLine ? "reconnecting" : "offline");
  });

  socket.on("connect_error", (error) => {
    // The server refuses a handshake without a valid session (expired, signed out, disabled):
    // retrying cannot help, signing in again can.
    if (/authentication required/i.test(error.message)) {
      toSignIn();
      return;
    }
    failedAttempts += 1;
    setState(!navigator.onLine || failedAttempts >= OFFLINE_AFTER_ATTEMPTS ? "offline" : connectedBefore ? "reconnecting" : "connecting");
  });

  window.addEventListener("offline", () => setState("offline"));
  window.addEventListener("online", () => {
    if (socket.connected) return;
    failedAttempts = 0;
    setState("reconnecting");
    socket.connect();
  });

  return {
    state: () => state,
    onState(listener) {
      stateListeners.add(listener);
      return () => stateListeners.delete(listener);
    },
    on(type, handler) {
      let set = handlers.get(type);
      if (!set) handlers.set(type, (set = new Set()));
      const h = handler as (m: unknown) => void;
      set.add(h);
      return () => set.delete(h);
    },
    onResync(listener) {
      resyncListeners.add(listener);
      return () => resyncListeners.delete(listener);
    },
  };
}

/** The tab's client, created on first use. Browser only: never call it during server rendering. */
export function getRealtimeClient(): RealtimeClient {
  window.__marketTriageRealtime ??= createClient();
  return window.__marketTriageRealtime;
}
