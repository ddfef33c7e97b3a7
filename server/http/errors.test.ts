// Which errors mean "the database is unavailable" (503 + Retry-After) rather than a bug (500) or bad
// input: real errors from pg and from Prisma over the pg adapter, and the documented code shapes.
import net from "node:net";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "@/server/db/client";
import { available, openTestDatabase, type TestDatabase } from "@/server/testing/databases";
import { isDatabaseUnavailable, notFound } from "./errors";

const caught = async (p: Promise<unknown>) =>
  p.then(
    () => new Error("expected a failure"),
    (e: unknown) => e,
  );

describe("isDatabaseUnavailable by shape", () => {
  it.each([
    ["P1001 can't reach", { code: "P1001" }],
    ["P1002 timed out", { code: "P1002" }],
    ["P1008 operation timed out", { code: "P1008" }],
    ["P1017 connection closed", { code: "P1017" }],
    ["P2024 pool timeout", { code: "P2024" }],
    ["SQLSTATE 08006 connection failure", { code: "08006", severity: "FATAL" }],
    ["SQLSTATE 53300 too many connections", { code: "53300" }],
    ["SQLSTATE 57P01 admin shutdown", { code: "57P01" }],
    ["SQLSTATE 57P03 cannot connect now", { code: "57P03" }],
    ["adapter-wrapped 57014", { name: "DriverAdapterError", cause: { kind: "postgres", code: "57014" } }],
    ["adapter kind DatabaseNotReachable", { name: "DriverAdapterError", cause: { kind: "DatabaseNotReachable" } }],
    ["Prisma meta.driverAdapterError", { code: "P2010", meta: { driverAdapterError: { cause: { kind: "ConnectionClosed" } } } }],
    ["ECONNRESET", Object.assign(new Error("read ECONNRESET"), { code: "ECONNRESET" })],
    ["pg pool connect timeout", new Error("timeout exceeded when trying to connect")],
  ])("%s: unavailable", (_name, e) => {
    expect(isDatabaseUnavailable(e)).toBe(true);
  });

  it.each([
    ["unique violation", { code: "P2002" }],
    ["SQLSTATE 23505", { code: "23505", severity: "ERROR" }],
    ["syntax error 42601", { code: "42601" }],
    ["a bug", new TypeError("cannot read properties of undefined")],
    ["an HTTP error", notFound("x")],
    ["not an object", "boom"],
  ])("%s: not unavailable", (_name, e) => {
    expect(isDatabaseUnavailable(e)).toBe(false);
  });
});

describe.skipIf(!available("postgres"))("isDatabaseUnavailable on real PostgreSQL errors", () => {
  let t: TestDatabase;
  let limited: Database;
  beforeAll(async () => {
    t = await openTestDatabase("postgres");
    limited = await openDatabase({ url: t.url!, timeouts: { connectMs: 2_000, statementMs: 200, idleInTransactionMs: 2_000 } });
  });
  afterAll(async () => {
    await limited?.close();
    await t?.drop();
  });

  it("a statement timeout, raw and through Prisma, is unavailable", async () => {
    const raw = await caught(limited.query("SELECT pg_sleep(3)"));
    expect((raw as { code?: string }).code).toBe("57014");
    expect(isDatabaseUnavailable(raw)).toBe(true);
    const viaPrisma = await caught(limited.prisma.$queryRaw`SELECT pg_sleep(3)`);
    expect(isDatabaseUnavailable(viaPrisma), String(viaPrisma)).toBe(true);
  });

  it("connection refused is unavailable; a unique violation or bad SQL through Prisma is not", async () => {
    const closed = net.createServer();
    await new Promise<void>((r) => closed.listen(0, "127.0.0.1", () => r()));
    const port = (closed.address() as net.AddressInfo).port;
    await new Promise<void>((r) => closed.close(() => r()));
    const client = new pg.Client({ host: "127.0.0.1", port, user: "postgres", connectionTimeoutMillis: 2_000 });
    client.on("error", () => undefined);
    const refused = await caught(client.connect());
    expect(isDatabaseUnavailable(refused), String(refused)).toBe(true);

    await limited.prisma.userMapping.create({ data: { canonicalId: "dup_test", name: "x" } });
    const duplicate = await caught(limited.prisma.userMapping.create({ data: { canonicalId: "dup_test", name: "x" } }));
    expect(isDatabaseUnavailable(duplicate), String(duplicate)).toBe(false);
    const bad = await caught(limited.prisma.$queryRawUnsafe("SELEC 1"));
    expect(isDatabaseUnavailable(bad), String(bad)).toBe(false);
  });
});
