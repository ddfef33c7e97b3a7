// HTML and script in SportyBet and Bet9ja market and outcome names, scraped over HTTP from the
// fake bookmaker by the real server, are stored and served by the REST API exactly as sent:
// escaping is the renderer's job, and a triager must see what the bookmaker really calls it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { scrapeRunSchema } from "@/lib/contract/scrape";
import { unmappedDetailSchema, unmappedListSchema } from "@/lib/contract/unmapped";
import { available, DB_KINDS } from "@/server/testing/databases";
import {
  bet9jaOdds,
  fakeBookmakerSources,
  fakeMatch,
  fakeTournament,
  sportyMarket,
  startFakeBookmaker,
  type FakeBookmaker,
} from "@/server/testing/fake-bookmaker";
import { startTestServer, type TestServer } from "@/server/testing/server";

const SB_NAME = `<script>alert('sb')</script> Player "Shots" & <img src=x onerror=alert(1)>`;
const SB_OUTCOMES = ["<b>Over</b> 0.5", "</td><script>document.cookie</script>"];
const B9_NAME = `<iframe src="javascript:alert('b9')"></iframe> Corners & Cards`;
const B9_SUFFIX = "<svg/onload=alert(1)>";

describe.each(DB_KINDS)("hostile bookmaker names through the REST API on %s", (kind) => {
  let fake: FakeBookmaker;
  let sources: ReturnType<typeof fakeBookmakerSources>;
  let server: TestServer;
  const api = async (path: string) => {
    const res = await server.fetch(path);
    expect(res.status, path).toBe(200);
    expect(res.headers.get("content-type")).toContain("application/json");
    return res.json();
  };

  beforeAll(async () => {
    if (!available(kind)) return;
    const premier = fakeTournament(17, "Premier League", "England");
    fake = await startFakeBookmaker({
      world: {
        tournaments: [premier],
        matches: [1, 2].map((n) =>
          fakeMatch(n, premier, Date.now() + n * 3_600_000, {
            sportybet: {
              markets: [
                sportyMarket(
                  "990777",
                  SB_NAME,
                  SB_OUTCOMES.map((o, i) => [o, i ? "2.20" : "1.60"]),
                  { specifier: "total=0.5" },
                ),
              ],
            },
            bet9ja: { odds: bet9jaOdds("S_XSSCC", null, { [B9_SUFFIX]: "1.75", N: "2.05" }), mk: [{ ID: "S_XSSCC", DS: B9_NAME }] },
          }),
        ),
      },
    });
    sources = fakeBookmakerSources(fake);
    server = await startTestServer(kind, { sources: sources.list });
    const res = await server.fetch(`/api/scrape?wait=true`, { method: "POST" });
    expect(res.status).toBe(200);
    const run = scrapeRunSchema.parse(await res.json());
    expect(run).toMatchObject({ status: "completed", events: 4, unmapped: 4 });
  });
  afterAll(async () => {
    await server?.close();
    sources?.close();
    await fake?.close();
  });

  it.skipIf(!available(kind))("finds and returns the SportyBet market verbatim", async () => {
    const list = unmappedListSchema.parse(await api(`/api/unmapped?q=${encodeURIComponent("<script>alert('sb')")}`));
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({ source: "sportybet", externalMarketId: "990777", marketName: SB_NAME, occurrenceCount: 2 });
    const detail = unmappedDetailSchema.parse(await api(`/api/unmapped/${list.items[0].id}`));
    expect(detail.marketName).toBe(SB_NAME);
    expect(detail.sampleOutcomes).toEqual([
      { name: SB_OUTCOMES[0], odds: 1.6 },
      { name: SB_OUTCOMES[1], odds: 2.2 },
    ]);
    expect(detail.specifiers).toEqual(["total=0.5"]);
  });

  it.skipIf(!available(kind))("finds and returns the Bet9ja market verbatim, named from D.MK", async () => {
    const list = unmappedListSchema.parse(await api(`/api/unmapped?source=bet9ja&q=${encodeURIComponent('<iframe src="javascript:')}`));
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({ externalMarketId: "S_XSSCC", marketName: B9_NAME, occurrenceCount: 2 });
    const detail = unmappedDetailSchema.parse(await api(`/api/unmapped/${list.items[0].id}`));
    expect(detail.sampleOutcomes).toEqual([
      { name: B9_SUFFIX, odds: 1.75 },
      { name: "N", odds: 2.05 },
    ]);
  });
});
