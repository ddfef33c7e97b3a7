// Mapping-cache lookups per second over a mix of mapped and unmapped sightings, beside a bare
// Map.get of the same keys in the same run (the floor any lookup pays).
import { performance } from "node:perf_hooks";
import { MappingCache } from "@/server/mapping/cache";
import { builtinCatalog } from "@/server/mapping/catalog";
import type { Sighting } from "@/server/scraping/types";

const sighting = (source: Sighting["source"], id: string, specifier: string | null, outcomes: string[]): Sighting => ({
  source,
  eventId: source === "sportybet" ? "sr:match:1" : "707096003",
  externalMarketId: id,
  name: id,
  specifier,
  outcomes: outcomes.map((name) => ({ name, odds: 1.9 })),
});

const mix = [
  sighting("sportybet", "18", "total=2.5", ["Over", "Under"]),
  sighting("sportybet", "45", null, ["0:0", "1:0", "0:1", "1:1", "2:0"]),
  sighting("sportybet", "800117", null, ["Yes", "No"]),
  sighting("bet9ja", "S_OU", "2.5", ["O", "U"]),
  sighting("bet9ja", "S_HAOU", "1.5", ["OH", "UH", "OA", "UA"]),
  sighting("bet9ja", "S_OUA", "0.5", ["O", "U"]),
];
const N = 1_000_000;
const cache = new MappingCache(builtinCatalog());
const fmt = (n: number) => Math.round(n).toLocaleString("en-US");

let t0 = performance.now();
let mapped = 0;
for (let i = 0; i < N; i++) if (cache.lookup(mix[i % mix.length]).mapped) mapped++;
const lookupRate = N / ((performance.now() - t0) / 1000);

const bare = new Map(mix.map((s) => [s.source + "\u0000" + s.externalMarketId, true]));
t0 = performance.now();
let hits = 0;
for (let i = 0; i < N; i++) if (bare.get(mix[i % mix.length].source + "\u0000" + mix[i % mix.length].externalMarketId)) hits++;
const bareRate = N / ((performance.now() - t0) / 1000);
console.log(
  `mapping lookups: ${fmt(lookupRate)}/s (${mapped} of ${fmt(N)} mapped); bare Map.get ${fmt(bareRate)}/s (${hits} hits); ratio ${(lookupRate / bareRate).toFixed(2)}x`,
);
