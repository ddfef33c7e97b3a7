// What a tool does with the client generated from the OpenAPI document (README, "A typed client"):
// list the NEW markets, most urgent first, then acknowledge the first one with If-Match, so that a
// person who changed it meanwhile is not overwritten (412). `npm run lint` type-checks this file
// against the generated types (tsconfig.json beside it); app/api/api-client-example.api.test.ts runs
// it against a real server.
//
//   MARKET_TRIAGE_URL=http://127.0.0.1:3000 MARKET_TRIAGE_TOKEN=mt_… npx tsx examples/api-client/list-new-markets.ts
import createClient from "openapi-fetch";
import type { components, paths } from "../../generated/openapi/api";

type Problem = components["schemas"]["Problem"];

const url = process.env.MARKET_TRIAGE_URL ?? "http://127.0.0.1:3000";
const token = process.env.MARKET_TRIAGE_TOKEN;
if (!token) throw new Error("Set MARKET_TRIAGE_TOKEN to an API token (the app's API tokens page, or POST /api/tokens)");

const api = createClient<paths>({ baseUrl: url, headers: { authorization: `Bearer ${token}` } });
const explain = (p: Problem) => `${p.status} ${p.title}${p.detail ? `: ${p.detail}` : ""}`;

const { data: page, error } = await api.GET("/api/unmapped", {
  params: { query: { status: ["NEW"], sort: "priority", order: "desc", pageSize: 10 } },
});
if (error) throw new Error(explain(error));
console.log(`${page.total}${page.totalCapped ? "+" : ""} NEW markets; the most urgent:`);
for (const m of page.items) console.log(`  #${m.id} ${m.source} ${m.externalMarketId} "${m.marketName}" (${m.occurrenceCount} sightings)`);

const top = page.items[0];
if (top) {
  const id = String(top.id);
  // The ETag is the market's version: the PATCH is refused (412) if anyone changed it since.
  const { data: market, response, error: notFound } = await api.GET("/api/unmapped/{id}", { params: { path: { id } } });
  if (notFound) throw new Error(explain(notFound));
  const etag = response.headers.get("etag") ?? `"${market.version}"`;
  const { data: edited, error: refused } = await api.PATCH("/api/unmapped/{id}", {
    params: { path: { id }, header: { "if-match": etag } },
    body: { status: "ACKNOWLEDGED", reason: "Picked up by the example client" },
  });
  if (refused) throw new Error(explain(refused));
  console.log(`#${edited.id} is ${edited.status} at version ${edited.version} (undo: POST /api/changes/${edited.changeId}/undo)`);
}
