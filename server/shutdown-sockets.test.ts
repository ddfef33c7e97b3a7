// Stopping the server closes the keep-alive connections its bookmaker sources hold, instead of
// leaving them open until the bookmaker's idle timeout (here a minute) ends them.
import { afterAll, describe, expect, it } from "vitest";
import {
  fakeMatch,
  fakeTournament,
  sportyMarket,
  startFakeBookmaker,
  fakeBookmakerSources,
  bet9jaOdds,
} from "@/server/testing/fake-bookmaker";
import type { FakeBookmaker } from "@/server/testing/fake-bookmaker";
import { startTestServer } from "@/server/testing/server";
import { waitFor } from "@/server/testing/wait";

describe("shutdown", () => {
  let fake: FakeBookmaker | undefined;
  afterAll(async () => fake?.close());

  it("closes the bookmaker sources' keep-alive connections", async () => {
    const league = fakeTournament(1, "Premier League", "England");
    const offers = {
      sportybet: {
        markets: [
          sportyMarket("990001", "Odd Market", [
            ["Yes", "1.9"],
            ["No", "1.9"],
          ]),
        ],
      },
      bet9ja: { odds: bet9jaOdds("S_ODDM", null, { Y: "1.9", N: "1.9" }), mk: [{ ID: "S_ODDM", DS: "Odd Market" }] },
    };
    fake = await startFakeBookmaker({
      world: {
        tournaments: [league],
        matches: [fakeMatch(1, league, Date.now() + 3_600_000, offers), fakeMatch(2, league, Date.now() + 7_200_000, offers)],
      },
      keepAliveTimeoutMs: 60_000,
    });
    const sources = fakeBookmakerSources(fake);
    const server = await startTestServer("pglite", { sources: sources.list });
    const res = await server.fetch(`/api/scrape?wait=true`, { method: "POST" });
    expect(res.status).toBe(200);
    expect(fake.openConnections, "keep-alive connections stay open between requests").toBeGreaterThan(0);

    await server.close();
    await waitFor("the keep-alive connections to close", () => fake!.openConnections === 0, 20_000);
  });
});
