// The LISTEN side of cache invalidation between processes (PostgreSQL only).
import pg from "pg";
import { log } from "@/server/log";

const LISTEN_RETRY_MIN_MS = 500;
const LISTEN_RETRY_MAX_MS = 15_000;

/**
 * LISTEN needs a session of its own, which a pooled query does not keep. After the connection is
 * lost it reconnects (backing off), listens again, and calls every callback once: notifications
 * sent while it was away are lost, so each listener reloads as if it had been notified.
 */
export class Listener {
  private client: pg.Client | null = null;
  private connecting: Promise<void> | null = null;
  private readonly channels = new Map<string, (() => void)[]>();
  private retryMs = LISTEN_RETRY_MIN_MS;
  private timer: NodeJS.Timeout | null = null;
  private closed = false;

  constructor(private readonly connection: pg.ClientConfig) {}

  async listen(channel: string, onNotify: () => void): Promise<void> {
    await this.connect();
    if (!this.channels.has(channel)) {
      this.channels.set(channel, []);
      await this.client?.query(`LISTEN ${quoteIdent(channel)}`);
    }
    this.channels.get(channel)!.push(onNotify);
  }

  private connect(): Promise<void> {
    if (this.client) return Promise.resolve();
    this.connecting ??= (async () => {
      const client = new pg.Client(this.connection);
      let gone = false;
      const lost = (why: string) => {
        if (gone) return;
        gone = true;
        if (this.client === client) this.client = null;
        client.end().catch(() => undefined);
        if (!this.closed) {
          log.error(`[db] LISTEN connection lost (${why}); reconnecting`);
          this.reconnectLater();
        }
      };
      client.on("error", (e) => lost(e.message));
      client.on("end", () => lost("connection ended"));
      client.on("notification", (n) => this.channels.get(n.channel)?.forEach((fn) => fn()));
      try {
        await client.connect();
        for (const channel of this.channels.keys()) await client.query(`LISTEN ${quoteIdent(channel)}`);
      } catch (e) {
        gone = true;
        client.end().catch(() => undefined);
        throw e;
      }
      this.client = client;
    })().finally(() => (this.connecting = null));
    return this.connecting;
  }

  private reconnectLater() {
    if (this.timer || this.closed) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.connect().then(
        () => {
          this.retryMs = LISTEN_RETRY_MIN_MS;
          log.info("[db] LISTEN connection restored");
          for (const fns of this.channels.values()) fns.forEach((fn) => fn());
        },
        () => {
          this.retryMs = Math.min(this.retryMs * 2, LISTEN_RETRY_MAX_MS);
          this.reconnectLater();
        },
      );
    }, this.retryMs);
    this.timer.unref();
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    await this.connecting?.catch(() => undefined);
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }
}

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;
