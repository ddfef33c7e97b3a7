// The database stops answering (a TCP proxy between the server and PostgreSQL stalls or cuts every
// connection): health says `degraded` with 503 within its limit, every database request ends with a
// 503 problem+json carrying Retry-After and nothing internal, and all is well again once healed.
// On PGlite, a transaction holding the embedded database idle makes health answer 503 within its limit;
// a busy database (a working transaction, a long statement, every pooled connection taken) is not a
// down one: 200.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { healthSchema } from "@/lib/contract/health";
import { available, createPostgresDatabase } from "@/server/testing/databases";
import { startTestServer, type TestServer } from "@/server/testing/server";
import { TcpProxy } from "@/server/testing/tcp-proxy";
import { waitFor } from "@/server/testing/wait";

const GENERIC = "The database is not answering; try again shortly.";

async function expectUnavailable(res: Response, what: string) {
  expect(res.status, `${what} -> ${res.status}`).toBe(503);
  expect(res.headers.get("content-type")).toContain("application/problem+json");
  expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
  const body = (await res.json()) as Record<string, unknown>;
  // Nothing internal: no driver message, SQL, host or stack.
  expect(body).toEqual({ type: "about:blank", title: "Service Unavailable", status: 503, detail: GENERIC });
}

describe.skipIf(!available("postgres"))("PostgreSQL stalled or cut behind a proxy", () => {
  let db: Awaited<ReturnType<typeof createPostgresDatabase>>;
  let proxy: TcpProxy;
  let server: TestServer;
  let marketId = 0;
  const api = (path: string, init?: RequestInit) => server.fetch(path, init);
  const patch = () =>
    api(`/api/unmapped/${marketId}`, {
      method: "PATCH",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ notes: "during the outage" }),
    });

  beforeAll(async () => {
    db = await createPostgresDatabase();
    const proxied = await TcpProxy.forUrl(db.url);
    proxy = proxied.proxy;
    server = await startTestServer("postgres", {
      env: { DATABASE_URL: proxied.url, DB_CONNECT_TIMEOUT_MS: "2000", DB_STATEMENT_TIMEOUT_MS: "2000", HEALTH_DB_TIMEOUT_MS: "1000" },
    });
    expect((await api("/api/scrape?wait=true", { method: "POST" })).status).toBe(200);
    marketId = ((await (await api("/api/unmapped?pageSize=1")).json()) as { items: { id: number }[] }).items[0].id;
  });
  afterAll(async () => {
    proxy?.heal();
    await server?.close();
    await proxy?.close();
    await db?.drop();
  });

  const healthy = async () => {
    await waitFor("health to be ok again", async () => ((await api("/api/health")).status === 200 ? true : undefined));
    expect((await api("/api/unmapped?pageSize=5")).status).toBe(200);
    expect((await api(`/api/unmapped/${marketId}`)).status).toBe(200);
  };

  for (const fault of ["stall", "cut"] as const) {
    it(`${fault}: health 503 degraded, database requests 503 with Retry-After; healed: 200 again`, async () => {
      let inForce = true;
      proxy[fault]();
      try {
        const res = await api("/api/health");
        expect(inForce).toBe(true);
        expect(res.status).toBe(503);
        const health = healthSchema.parse(await res.json());
        console.log(`[${fault}] health: ${health.status}, database ${JSON.stringify(health.database)}`);
        expect(health).toMatchObject({ status: "degraded", database: { kind: "postgres", ok: false } });
        expect(health.database.error).toBe(fault === "stall" ? "timeout" : health.database.error);

        await expectUnavailable(await api("/api/unmapped?pageSize=5"), "GET /api/unmapped (raw SQL)");
        await expectUnavailable(await api("/api/scrape/runs"), "GET /api/scrape/runs (Prisma)");
        await expectUnavailable(await patch(), "PATCH /api/unmapped/:id (Prisma transaction)");
        await expectUnavailable(await api("/api/scrape", { method: "POST" }), "POST /api/scrape (the run claim)");
        expect(inForce).toBe(true); // every request above ended while the fault was still there
      } finally {
        inForce = false;
        proxy.heal();
      }
      await healthy();
      expect((await api("/api/scrape?wait=true", { method: "POST" })).status).toBe(200);
    });
  }
});

describe("PGlite held by a transaction", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer("pglite", { env: { HEALTH_DB_TIMEOUT_MS: "1000" } });
  });
  afterAll(async () => server?.close());

  it("health answers 503 degraded while the database does not answer, 200 after", async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let entered!: () => void;
    const idle = new Promise<void>((r) => (entered = r));
    let inForce = true;
    const holding = server.runtime.db.prisma.$transaction(
      async (tx) => {
        await tx.$queryRaw`SELECT 1`;
        entered();
        await gate;
      },
      { timeout: 120_000 },
    );
    try {
      // The transaction now holds the one connection and does nothing (a working one answers pings).
      await idle;
      const res = await fetch(`${server.url}/api/health`);
      expect(inForce).toBe(true);
      expect(res.status).toBe(503);
      const health = healthSchema.parse(await res.json());
      console.log(`[pglite held] health: ${health.status}, database ${JSON.stringify(health.database)}`);
      expect(health).toMatchObject({ status: "degraded", database: { kind: "pglite", ok: false, error: "timeout" } });
    } finally {
      inForce = false;
      release();
      await holding;
    }
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
  });
});

/** A PGlite server whose health waits `limitMs` for the database, for the length of `fn`. */
async function withPglite(limitMs: number, fn: (server: TestServer) => Promise<void>): Promise<void> {
  const server = await startTestServer("pglite", { env: { HEALTH_DB_TIMEOUT_MS: String(limitMs) } });
  try {
    await fn(server);
  } finally {
    await server.close();
  }
}

async function askHealth(server: TestServer) {
  const res = await fetch(`${server.url}/api/health`);
  return { status: res.status, health: healthSchema.parse(await res.json()) };
}

// Busy is not down: health reports whether the database answers, not whether it is idle.
describe("health while the database is busy but working", () => {
  it("PGlite: a transaction running statement after statement does not make health degraded", () =>
    withPglite(1000, async (server) => {
      let working = true;
      let statements = 0;
      const busy = server.runtime.db.prisma.$transaction(
        async (tx) => {
          while (working) {
            await tx.$queryRaw`SELECT 1 FROM pg_sleep(0.02)`;
            statements++;
          }
        },
        { timeout: 120_000 },
      );
      try {
        await waitFor("the transaction to be running", () => statements > 0);
        const { status, health } = await askHealth(server);
        console.log(`[pglite busy] health ${status} ${JSON.stringify(health.database)} after ${statements} statements`);
        expect(status).toBe(200);
        expect(health.database).toEqual({ kind: "pglite", ok: true });
      } finally {
        working = false;
        await busy;
      }
    }));

  it("PGlite: health answers while one long statement runs, without waiting for it to end", () =>
    // The limit is far longer than the statement: were health to wait for the engine to be free, it
    // would answer ok only after the statement ended.
    withPglite(60_000, async (server) => {
      let ended = false;
      const long = server.runtime.db.query("SELECT pg_sleep(8)").finally(() => (ended = true));
      try {
        const { status, health } = await askHealth(server);
        console.log(`[pglite long statement] health ${status} ${JSON.stringify(health.database)}, statement ended first: ${ended}`);
        expect(ended).toBe(false);
        expect(status).toBe(200);
        expect(health.database).toEqual({ kind: "pglite", ok: true });
      } finally {
        await long;
      }
    }));

  it("PGlite: a statement stuck past the limit makes health degraded, however many requests queue behind it", () =>
    withPglite(1000, async (server) => {
      let ended = false;
      const stuck = server.runtime.db.query("SELECT pg_sleep(8)").finally(() => (ended = true));
      // Requests keep arriving while it runs: they wait behind it, which is not the engine at work.
      const queued: Promise<unknown>[] = [];
      const arriving = setInterval(() => queued.push(server.runtime.db.query("SELECT 1")), 50);
      try {
        let status = 0;
        while (!ended && status !== 503) status = (await fetch(`${server.url}/api/health`)).status;
        console.log(
          `[pglite stuck] health ${status} while the statement ran (ended first: ${ended}), ${queued.length} statements queued behind it`,
        );
        expect(ended).toBe(false);
        expect(status).toBe(503);
      } finally {
        clearInterval(arriving);
        await stuck;
        await Promise.all(queued);
      }
      expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
    }));

  it.skipIf(!available("postgres"))("PostgreSQL: every pooled connection held by a transaction does not make health degraded", async () => {
    const server = await startTestServer("postgres", { env: { HEALTH_DB_TIMEOUT_MS: "1000" } });
    try {
      let release!: () => void;
      const gate = new Promise<void>((r) => (release = r));
      let holding = 0;
      // The pool has 10 connections; these hold all of them.
      const held = Array.from({ length: 10 }, () =>
        server.runtime.db.prisma.$transaction(
          async (tx) => {
            await tx.$queryRaw`SELECT 1`;
            holding++;
            await gate;
          },
          { timeout: 120_000, maxWait: 60_000 },
        ),
      );
      try {
        await waitFor("every pooled connection to be held", () => holding === 10);
        const res = await fetch(`${server.url}/api/health`);
        const health = healthSchema.parse(await res.json());
        console.log(`[postgres pool held] health ${res.status} ${JSON.stringify(health.database)}`);
        expect(res.status).toBe(200);
        expect(health.database).toEqual({ kind: "postgres", ok: true });
      } finally {
        release();
        await Promise.all(held);
      }
    } finally {
      await server.close();
    }
  });
});
