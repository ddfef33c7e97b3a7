// Ranks what an unmapped market probably is: existing mappings (by name, outcome names and count,
// lines) and other platforms' unmapped markets, each with a score and the reasons, plus a
// suggested pairing of the market's outcomes with each mapping's outcomes.
import type { Platform } from "@/lib/contract/enums";
import { PLATFORM_FIELDS, type Candidates, type MappingOutcomeDto } from "@/lib/contract/mappings";
import type { MappingEntry } from "./catalog";
import { SAFE_TO_ACCEPT_SCORE } from "@/lib/contract/price-check";
import { PRICED_WEIGHTS, type PriceEvidence } from "./candidate-prices";
import { similarity } from "./similarity";

export interface CandidateSubject {
  source: Platform;
  externalMarketId: string;
  marketName: string;
  outcomes: string[];
  specifiers: string[];
}

type Pairing = Candidates["mappings"][number]["pairings"][number];

const pct = (x: number) => `${Math.round(x * 100)}%`;
const rounded = (score: number) => Math.round(score * 1000) / 1000;

/** Below this a candidate is noise, not a suggestion. */
const MIN_SCORE = 0.25;

/** The `limit` best candidates worth showing, best first; `tie` keeps equal scores in a stable order. */
function best<T extends { score: number }>(candidates: T[], tie: (a: T, b: T) => number, limit: number): T[] {
  return candidates
    .filter((c) => c.score >= MIN_SCORE)
    .sort((a, b) => b.score - a.score || tie(a, b))
    .slice(0, limit);
}

/** Pairs each sample outcome with the most similar mapping outcome, each mapping outcome used once. */
export function pairOutcomes(source: Platform, samples: string[], outcomes: MappingOutcomeDto[]): Pairing[] {
  const field = PLATFORM_FIELDS[source].outcome;
  const options = outcomes;
  const scored = samples.flatMap((name, si) =>
    options.map((o, oi) => {
      const names = [o[field], o.betpawaName, o.canonicalId.replace(/_/g, " ")].filter((n): n is string => Boolean(n));
      // An exact platform name is certain; otherwise the best textual likeness.
      const exact = o[field] !== null && o[field]!.toLowerCase() === name.toLowerCase();
      return { si, oi, score: exact ? 1 : Math.max(...names.map((n) => similarity(name, n))) };
    }),
  );
  scored.sort((a, b) => b.score - a.score);
  const pairs = new Map<number, { oi: number; score: number }>();
  const used = new Set<number>();
  for (const s of scored) {
    if (pairs.has(s.si) || used.has(s.oi) || s.score < 0.3) continue;
    pairs.set(s.si, s);
    used.add(s.oi);
  }
  return samples.map((sampleName, si) => {
    const p = pairs.get(si);
    const o = p ? options[p.oi] : undefined;
    return {
      sampleName,
      canonicalOutcomeId: o?.canonicalId ?? null,
      betpawaName: o?.betpawaName ?? null,
      confidence: p ? Math.round(p.score * 100) / 100 : 0,
    };
  });
}

const takesLines = (specifiers: string[]) => specifiers.some((s) => /(^|\|)(total|hcp)=|^-?\d+(\.\d+)?$/.test(s));
const entryTakesLines = (e: MappingEntry) => /over\/under|handicap|total/i.test(e.name);

/** The other platform: a mapping's prices are compared with its market there. */
export const otherPlatform = (p: Platform): Platform => (p === "sportybet" ? "bet9ja" : "sportybet");

const NO_PRICES: PriceEvidence = { feature: null, price: null, supported: null, reason: null };

/**
 * The weighted score: PRICED_WEIGHTS once any candidate of the list could be priced, the name-only
 * weights when none could (an empty snapshot ranks as before prices existed). In a priced list a
 * candidate without shared events scores UNKNOWN_PRICE: between prices that agree (~0.95) and prices
 * that disagree (0), so neither kind of evidence is outranked by its absence.
 */
const UNKNOWN_PRICE = 0.5;
const anyPriced = (prices: ReadonlyMap<unknown, PriceEvidence>) => [...prices.values()].some((e) => e.feature !== null);
function weighted(
  f: { name: number; outcomes: number; count: number; lines: number },
  own: number | null,
  priced: boolean,
  nameOnly: NameWeights,
): number {
  const prices = own ?? (priced ? UNKNOWN_PRICE : null);
  if (prices === null) return nameOnly.name * f.name + nameOnly.outcomes * f.outcomes + nameOnly.count * f.count + nameOnly.lines * f.lines;
  const w = PRICED_WEIGHTS;
  return w.name * f.name + w.outcomes * f.outcomes + w.count * f.count + w.lines * f.lines + w.prices * prices;
}
interface NameWeights {
  name: number;
  outcomes: number;
  count: number;
  lines: number;
}
const MAPPING_WEIGHTS: NameWeights = { name: 0.5, outcomes: 0.3, count: 0.1, lines: 0.1 };
const MARKET_WEIGHTS: NameWeights = { name: 0.6, outcomes: 0.2, count: 0.1, lines: 0.1 };

const safe = (score: number, evidence: PriceEvidence) => score >= SAFE_TO_ACCEPT_SCORE && evidence.price?.verdict === "consistent";

/**
 * The sample outcomes paired with the mapping's outcomes as the prices pair them: the market's
 * outcome -> the other platform's outcome (by price) -> the mapping outcome of that name there.
 */
function pricedPairings(source: Platform, subject: CandidateSubject, entry: MappingEntry, evidence: PriceEvidence): Pairing[] | null {
  const pairing = evidence.price?.pairing;
  if (!pairing || evidence.price?.verdict !== "consistent") return null;
  const field = PLATFORM_FIELDS[otherPlatform(source)].outcome;
  const partner = new Map(pairing.map((p) => [p.name.toLowerCase(), p.pairedWith?.toLowerCase() ?? null]));
  return subject.outcomes.map((sampleName) => {
    const name = partner.get(sampleName.toLowerCase());
    const o = name ? entry.outcomes.find((x) => x[field]?.toLowerCase() === name) : undefined;
    return {
      sampleName,
      canonicalOutcomeId: o?.canonicalId ?? null,
      betpawaName: o?.betpawaName ?? null,
      confidence: o ? (evidence.feature ?? 0) : 0,
    };
  });
}

export function rankMappings(
  subject: CandidateSubject,
  entries: readonly MappingEntry[],
  limit = 10,
  prices: ReadonlyMap<string, PriceEvidence> = new Map(),
): Candidates["mappings"] {
  const field = PLATFORM_FIELDS[subject.source].market;
  const priced = anyPriced(prices);
  const ranked = entries.map((e) => {
    const evidence = prices.get(e.canonicalId) ?? NO_PRICES;
    const nameScore = similarity(subject.marketName, e.name);
    // Outcomes the prices pair are paired, whatever their names: "O" is the mapping's "Over".
    const pairings = pricedPairings(subject.source, subject, e, evidence) ?? pairOutcomes(subject.source, subject.outcomes, e.outcomes);
    const paired = pairings.filter((p) => p.canonicalOutcomeId !== null);
    const outcomeScore = subject.outcomes.length ? paired.reduce((n, p) => n + p.confidence, 0) / subject.outcomes.length : 0;
    const mappable = e.outcomes.filter((o) => o.betpawaName !== null).length;
    const countScore = mappable === 0 ? 0 : 1 - Math.abs(mappable - subject.outcomes.length) / Math.max(mappable, subject.outcomes.length);
    const linesAgree = takesLines(subject.specifiers) === entryTakesLines(e);
    const features = { name: nameScore, outcomes: outcomeScore, count: countScore, lines: linesAgree ? 1 : 0 };
    const score = rounded(weighted(features, evidence.feature, priced, MAPPING_WEIGHTS));
    const reasons = [`name ${pct(nameScore)} similar`];
    if (subject.outcomes.length) reasons.push(`${paired.length} of ${subject.outcomes.length} outcomes pair (${pct(outcomeScore)})`);
    if (mappable === subject.outcomes.length && mappable > 0) reasons.push(`same number of outcomes (${mappable})`);
    if (linesAgree && takesLines(subject.specifiers)) reasons.push("both take lines");
    if (evidence.reason) reasons.push(evidence.reason);
    if (!e.betpawaId) reasons.push("has no betpawa counterpart yet");
    const occupied = e[field] !== null && e[field] !== subject.externalMarketId;
    if (occupied) reasons.push(`already maps ${subject.source} ${e[field]}`);
    return {
      canonicalId: e.canonicalId,
      name: e.name,
      origin: e.origin,
      betpawaId: e.betpawaId,
      score,
      reasons,
      occupied,
      pairings,
      features: { name: rounded(nameScore), outcomes: rounded(outcomeScore), lines: features.lines, prices: evidence.feature },
      price: evidence.price,
      safeToAccept: !occupied && safe(score, evidence),
    };
  });
  return best(ranked, (a, b) => a.canonicalId.localeCompare(b.canonicalId), limit);
}

export interface OtherMarket {
  id: number;
  source: Platform;
  externalMarketId: string;
  marketName: string;
  outcomes: string[];
  specifiers: string[];
}

/** The other market's outcome most like each of the subject's, each used once: the proposal the prices check. */
export function nameLikePartner(subject: readonly string[], other: readonly string[]): (name: string) => string | null {
  const scored = subject.flatMap((a) => other.map((b) => ({ a, b, score: similarity(a, b) })));
  scored.sort((x, y) => y.score - x.score);
  const partner = new Map<string, string>();
  const used = new Set<string>();
  for (const { a, b } of scored) {
    if (partner.has(a) || used.has(b)) continue;
    partner.set(a, b);
    used.add(b);
  }
  return (name) => partner.get(name) ?? null;
}

export function rankMarkets(
  subject: CandidateSubject,
  others: OtherMarket[],
  limit = 10,
  prices: ReadonlyMap<number, PriceEvidence> = new Map(),
): Candidates["markets"] {
  const priced = anyPriced(prices);
  const ranked = others.map((m) => {
    const evidence = prices.get(m.id) ?? NO_PRICES;
    const nameScore = similarity(subject.marketName, m.marketName);
    const outcomeScore =
      subject.outcomes.length && m.outcomes.length
        ? subject.outcomes.reduce((n, o) => n + Math.max(...m.outcomes.map((x) => similarity(o, x))), 0) / subject.outcomes.length
        : 0;
    const sameCount = subject.outcomes.length === m.outcomes.length && m.outcomes.length > 0;
    const linesAgree = takesLines(subject.specifiers) === takesLines(m.specifiers);
    const features = { name: nameScore, outcomes: outcomeScore, count: sameCount ? 1 : 0, lines: linesAgree ? 1 : 0 };
    const score = rounded(weighted(features, evidence.feature, priced, MARKET_WEIGHTS));
    const reasons = [`name ${pct(nameScore)} similar`, `outcomes ${pct(outcomeScore)} similar`];
    if (sameCount) reasons.push(`same number of outcomes (${m.outcomes.length})`);
    if (linesAgree && takesLines(m.specifiers)) reasons.push("both take lines");
    if (evidence.reason) reasons.push(evidence.reason);
    return {
      id: m.id,
      source: m.source,
      externalMarketId: m.externalMarketId,
      marketName: m.marketName,
      score,
      reasons,
      features: { name: rounded(nameScore), outcomes: rounded(outcomeScore), lines: features.lines, prices: evidence.feature },
      price: evidence.price,
      safeToAccept: safe(score, evidence),
    };
  });
  return best(ranked, (a, b) => a.id - b.id, limit);
}
