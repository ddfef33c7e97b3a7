// The demo's matches: slots spread over three days of kick-offs, each slot re-opening with a new match
// once its match has started, and the markets each platform offers for a match in a cycle.
import type { Platform } from "@/lib/contract/enums";
import type { DemoSourceOptions } from ".";
import {
  BET9JA_CORE,
  catalogDefs,
  hostileDefs,
  newUnmapped,
  sampleUnmappedDefs,
  SPORTYBET_CORE,
  type CatalogDef,
  type MarketSpec,
  type UnmappedDef,
} from "./markets";
import { int, lines, rngFor, shuffled } from "@/server/util/prng";
import { trapDefs } from "./traps";

const HOUR = 3_600_000;
/** Kick-offs spread over this window; a slot whose match has started re-opens one period later. */
const PERIOD = 72 * HOUR;
/** Discovered kick-offs stay at least this far ahead, so they are still upcoming when fetched. */
const LEAD = 10 * 60_000;

const TEAMS = [
  "Alpha FC",
  "Beta United",
  "Gamma Town",
  "Delta City",
  "Epsilon Rovers",
  "Zeta Athletic",
  "Eta Wanderers",
  "Theta Albion",
  "Iota County",
  "Kappa Rangers",
  "Lambda Stars",
  "Mu Harbour",
  "Nu Valley",
  "Xi Borough",
  "Omicron Park",
  "Pi Forest",
  "Rho Villa",
  "Sigma Olympic",
  "Tau Dynamo",
  "Upsilon Sporting",
  "Phi Real",
  "Chi Academicals",
  "Psi Mariners",
  "Omega Vale",
];
const TOURNAMENTS = [
  { country: "England", name: "Premier League", sr: "17", category: "1", group: "170880" },
  { country: "Spain", name: "LaLiga", sr: "8", category: "32", group: "180928" },
  { country: "Italy", name: "Serie A", sr: "23", category: "31", group: "167856" },
  { country: "Nigeria", name: "NPFL", sr: "1442", category: "124", group: "1033125" },
];

export interface Match {
  slot: number;
  generation: number;
  srId: number;
  bet9jaId: number;
  kickoff: number;
  home: string;
  away: string;
  homeIndex: number;
  awayIndex: number;
  tournament: (typeof TOURNAMENTS)[number];
}

export interface World {
  seed: number;
  events: number;
  newPerCycle: number;
  anchor: number;
  srBase: number;
  bet9jaBase: number;
  catalog: Record<Platform, CatalogDef[]>;
  unmapped: Record<Platform, UnmappedDef[]>;
}

function slotOffset(world: World, slot: number): number {
  return HOUR + int(rngFor(world.seed, "slot", slot), 0, 71 * 4) * 15 * 60_000;
}

function matchAt(world: World, slot: number, generation: number): Match {
  const rng = rngFor(world.seed, "match", slot, generation);
  const homeIndex = int(rng, 0, TEAMS.length - 1);
  const awayIndex = (homeIndex + int(rng, 1, TEAMS.length - 1)) % TEAMS.length;
  const ordinal = generation * world.events + slot;
  return {
    slot,
    generation,
    srId: world.srBase + ordinal,
    bet9jaId: world.bet9jaBase + ordinal,
    kickoff: world.anchor + slotOffset(world, slot) + generation * PERIOD,
    home: TEAMS[homeIndex],
    away: TEAMS[awayIndex],
    homeIndex,
    awayIndex,
    tournament: TOURNAMENTS[int(rng, 0, TOURNAMENTS.length - 1)],
  };
}

/** The match a slot offers at `now`: the first generation still comfortably in the future. */
export function currentMatch(world: World, slot: number, now: number): Match {
  const first = world.anchor + slotOffset(world, slot);
  const behind = now + LEAD - first;
  return matchAt(world, slot, behind < 0 ? 0 : Math.floor(behind / PERIOD) + 1);
}

export function matchFromOrdinal(world: World, ordinal: number): Match | null {
  if (!Number.isSafeInteger(ordinal) || ordinal < 0) return null;
  return matchAt(world, ordinal % world.events, Math.floor(ordinal / world.events));
}

/** Markets one platform offers for one match in one cycle. */
export function marketsFor(world: World, platform: Platform, match: Match, cycle: number): MarketSpec[] {
  const rng = rngFor(world.seed, "markets", platform, match.srId);
  const core = platform === "sportybet" ? SPORTYBET_CORE : BET9JA_CORE;
  const pool = world.catalog[platform];
  const chosen = pool.filter((d) => core.includes(d.id));
  const rest = shuffled(
    rng,
    pool.filter((d) => !core.includes(d.id)),
  );
  chosen.push(...rest.slice(0, Math.max(0, int(rng, 25, 40) - chosen.length)));

  const specs: MarketSpec[] = chosen.map(({ lines: pick, ...d }) => ({ ...d, lines: pick(rng) }));

  const introduced = Math.max(0, cycle - 1) * world.newPerCycle;
  const unmapped = [...world.unmapped[platform], ...Array.from({ length: introduced }, (_, k) => newUnmapped(world.seed, platform, k))];
  unmapped.forEach((def, index) => {
    const presence = rngFor(world.seed, "presence", platform, def.id, match.srId)();
    // Every market shows up in at least one match per cycle, so each one is discoverable.
    if (presence >= def.presence && index % world.events !== match.slot) return;
    const lineRng = rngFor(world.seed, "lines", platform, def.id, match.srId);
    const chosenLines = def.ladder.length === 0 ? [null] : lines(lineRng, def.ladder, def.lineCount);
    specs.push({
      id: def.id,
      name: def.name ?? def.id,
      outcomes: def.outcomes,
      ...(def.priced ?? { priceKey: `${platform}:${def.id}`, outcomeKeys: def.outcomes }),
      lines: platform === "sportybet" ? chosenLines.map((l) => (l === null ? null : `total=${l}`)) : chosenLines,
    });
  });
  return specs;
}

export function buildWorld(opts: DemoSourceOptions, now: number): World {
  if (!Number.isInteger(opts.events) || opts.events < 1) {
    throw new Error("demo source: events must be a positive integer");
  }
  const rng = rngFor(opts.seed, "world");
  const hostile = opts.hostileNames === true;
  return {
    seed: opts.seed,
    events: opts.events,
    newPerCycle: Math.max(0, Math.floor(opts.newPerCycle ?? 2)),
    anchor: (Math.floor(now / HOUR) + 1) * HOUR,
    srBase: 60_000_000 + int(rng, 0, 999) * 10_000,
    bet9jaBase: 700_000_000 + int(rng, 0, 999) * 10_000,
    catalog: { sportybet: catalogDefs("sportybet"), bet9ja: catalogDefs("bet9ja") },
    unmapped: {
      sportybet: [...sampleUnmappedDefs(opts.seed, "sportybet"), ...(hostile ? hostileDefs("sportybet") : []), ...trapDefs("sportybet")],
      bet9ja: [...sampleUnmappedDefs(opts.seed, "bet9ja"), ...(hostile ? hostileDefs("bet9ja") : []), ...trapDefs("bet9ja")],
    },
  };
}
