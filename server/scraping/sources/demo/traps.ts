// Demo traps for the price-aware mapping check (issue 13): unmapped markets both platforms offer,
// where names alone mislead and only the prices tell.
// 1. "Corner Race to 7" lists the same outcome names on both platforms in another order (SportyBet
//    Home, Neither, Away; Bet9ja Away, Neither, Home), prices following the names: pairing the
//    outcomes by position swaps Home and Away, pairing them by name is right.
// 2. "Goals Over/Under - 1st Half" and "Goals Over/Under - Match", both at 1.5, have the same outcome
//    names on each platform but are different markets: a 1st-half Over 1.5 is near 27%, a match
//    Over 1.5 near 74%, so mapping one onto the other is clearly off in price.
import type { Platform } from "@/lib/contract/enums";
import type { UnmappedDef } from "./markets";

const RACE = ["Home", "Neither", "Away"];
const OVER_UNDER = ["Over", "Under"];
const base = { presence: 0.9, lineCount: 1 };

export function trapDefs(platform: Platform): UnmappedDef[] {
  const sportybet = platform === "sportybet";
  // Bet9ja writes Over/Under as O/U; both are priced by the same outcome keys.
  const ou = sportybet ? OVER_UNDER : ["O", "U"];
  const goals = (id: string, name: string, priceKey: string, over: number): UnmappedDef => ({
    ...base,
    id,
    name,
    outcomes: ou,
    ladder: ["1.5"],
    priced: { priceKey, outcomeKeys: OVER_UNDER, weights: { Over: over, Under: 1 - over } },
  });
  const race = sportybet ? RACE : [...RACE].reverse();
  return [
    {
      ...base,
      id: sportybet ? "990101" : "S_DEMORACE7",
      name: "Corner Race to 7",
      outcomes: race,
      ladder: [],
      priced: { priceKey: "trap:corner_race_7", outcomeKeys: race },
    },
    goals(sportybet ? "990102" : "S_DEMOGOALS1H", "Goals Over/Under - 1st Half", "trap:goals_1st_half", 0.27),
    goals(sportybet ? "990103" : "S_DEMOGOALSFT", "Goals Over/Under - Match", "trap:goals_match", 0.74),
  ];
}
