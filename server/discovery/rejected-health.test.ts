// A row the database refuses shows up in /api/health (real server, real HTTP), and the good rows
// recorded with it are stored.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { healthSchema } from "@/lib/contract/health";
import { available, DB_KINDS } from "@/server/testing/databases";
import { sighting, stored } from "@/server/testing/discovery";
import { startTestServer, type TestServer } from "@/server/testing/server";

describe.each(DB_KINDS)("rejected rows in /api/health on %s", (kind) => {
  let server: TestServer;
  beforeAll(async () => {
    if (available(kind)) server = await startTestServer(kind);
  }, 120_000);
  afterAll(async () => server?.close());

  it.skipIf(!available(kind))("counts and names the rejected market; every good one is stored", async () => {
    const { discovery, db } = server.runtime;
    for (let i = 0; i < 2_000; i++) discovery.record(sighting(`HEALTH${i}`), "UNKNOWN_MARKET");
    discovery.record(sighting("HEALTH-POISON", "Name\u0000"), "UNKNOWN_MARKET");
    await discovery.flush();
    const res = await fetch(`${server.url}/api/health`);
    expect(res.status).toBe(200);
    const health = healthSchema.parse(await res.json());
    const got = await stored({ db }, "HEALTH");
    console.log(
      `[health ${kind}] stored ${got.sightings} of 2000 good sightings; health.recorder rejected ${health.recorder.rejectedMarkets}`,
    );
    expect(got).toEqual({ markets: 2_000, sightings: 2_000 });
    expect(health.recorder).toMatchObject({ rejectedMarkets: 1, rejectedSightings: 1 });
    expect(health.recorder.lastRejected).toMatchObject([
      { source: "sportybet", externalMarketId: "HEALTH-POISON", sightings: 1, code: "22P05" },
    ]);
  });
});
