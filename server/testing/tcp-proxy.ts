// A TCP proxy for fault tests, placed between the app and PostgreSQL. The test can cut every
// connection (and refuse new ones), stall traffic (bytes held, connections open), or make the
// database's reply to one statement vanish after the statement committed: the server's bytes are
// swallowed up to and including its ReadyForQuery message (so the transaction really finishes),
// then the client's socket is closed. That is the "committed, but the reply was lost" case a
// client cannot tell from a failed statement.
import net from "node:net";

interface Conn {
  client: net.Socket;
  server: net.Socket | null;
  /** Server->client bytes not yet split into protocol messages. */
  pending: Buffer;
  /** Swallowing the server's reply until ReadyForQuery, then closing. */
  losing: boolean;
  /** Tail of the client's bytes, so a marker split across two chunks is still seen. */
  tail: string;
  held: { toServer: Buffer[]; toClient: Buffer[] };
}

export class TcpProxy {
  private server = net.createServer((c) => this.accept(c));
  private conns = new Set<Conn>();
  private refusing = false;
  private stalled = false;
  private markers: { marker: string; times: number }[] = [];
  /** Statements whose reply was swallowed after they completed on the server. */
  lostReplies = 0;
  /** Connections accepted so far. */
  accepted = 0;
  port = 0;

  constructor(
    private readonly targetHost: string,
    private readonly targetPort: number,
  ) {}

  /** A proxy in front of the PostgreSQL a URL points at; `url` is the same URL through the proxy. */
  static async forUrl(databaseUrl: string): Promise<{ proxy: TcpProxy; url: string }> {
    const u = new URL(databaseUrl);
    const proxy = new TcpProxy(u.hostname, Number(u.port || 5432));
    await proxy.listen();
    u.hostname = "127.0.0.1";
    u.port = String(proxy.port);
    return { proxy, url: u.toString() };
  }

  async listen(): Promise<number> {
    await new Promise<void>((resolve, reject) => {
      this.server.once("error", reject);
      this.server.listen(0, "127.0.0.1", () => resolve());
    });
    this.port = (this.server.address() as net.AddressInfo).port;
    return this.port;
  }

  /** Closes every connection at once and refuses new ones until heal(). */
  cut(): void {
    this.refusing = true;
    for (const c of [...this.conns]) this.destroy(c);
  }

  /** Holds every byte in both directions (connections stay open, new ones wait) until heal(). */
  stall(): void {
    this.stalled = true;
  }

  /** Ends cut() and stall(): held bytes are delivered, new connections go through. */
  heal(): void {
    this.refusing = false;
    this.stalled = false;
    for (const c of this.conns) {
      if (!c.server) this.connectUpstream(c);
      for (const b of c.held.toServer.splice(0)) c.server?.write(b);
      for (const b of c.held.toClient.splice(0)) this.toClient(c, b);
    }
  }

  /**
   * The next `times` statements whose text contains `marker` run and commit on the server, but
   * their reply never reaches the client: the proxy swallows it and then closes that connection.
   */
  loseReplyTo(marker: string, times = 1): void {
    this.markers.push({ marker, times });
  }

  async close(): Promise<void> {
    for (const c of [...this.conns]) this.destroy(c);
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private accept(client: net.Socket) {
    this.accepted++;
    if (this.refusing) {
      client.destroy();
      return;
    }
    const c: Conn = { client, server: null, pending: Buffer.alloc(0), losing: false, tail: "", held: { toServer: [], toClient: [] } };
    this.conns.add(c);
    client.on("error", () => this.destroy(c));
    client.on("close", () => this.destroy(c));
    client.on("data", (b: Buffer) => {
      this.watchMarkers(c, b);
      if (this.stalled || !c.server) c.held.toServer.push(b);
      else c.server.write(b);
    });
    if (!this.stalled) this.connectUpstream(c);
  }

  private connectUpstream(c: Conn) {
    const server = net.connect(this.targetPort, this.targetHost);
    c.server = server;
    server.on("connect", () => {
      for (const b of c.held.toServer.splice(0)) server.write(b);
    });
    server.on("error", () => this.destroy(c));
    server.on("close", () => this.destroy(c));
    server.on("data", (b: Buffer) => {
      if (this.stalled) c.held.toClient.push(b);
      else this.toClient(c, b);
    });
  }

  private watchMarkers(c: Conn, b: Buffer) {
    if (this.markers.length === 0) return;
    const text = c.tail + b.toString("latin1");
    const hit = this.markers.find((m) => text.includes(m.marker));
    c.tail = text.slice(-256);
    if (!hit) return;
    if (--hit.times <= 0) this.markers.splice(this.markers.indexOf(hit), 1);
    c.losing = true;
  }

  /** Splits the server's bytes into protocol messages, so a swallowed reply ends exactly at ReadyForQuery. */
  private toClient(c: Conn, b: Buffer) {
    if (!c.losing) {
      c.client.write(b);
      c.pending = Buffer.alloc(0);
      return;
    }
    c.pending = Buffer.concat([c.pending, b]);
    while (c.pending.length >= 5) {
      const type = String.fromCharCode(c.pending[0]);
      const len = c.pending.readUInt32BE(1);
      if (c.pending.length < 1 + len) return;
      c.pending = c.pending.subarray(1 + len);
      if (type === "Z") {
        this.lostReplies++;
        this.destroy(c);
        return;
      }
    }
  }

  private destroy(c: Conn) {
    if (!this.conns.delete(c)) return;
    c.client.destroy();
    c.server?.destroy();
  }
}
