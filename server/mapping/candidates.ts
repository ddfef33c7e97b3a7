// Ranks what an unmapped market probably is: existing mappings (by name, outcome names and count,
// lines) and other platforms' unmapped markets, each with a score and the reasons, plus a
// suggested pairing of the market's outcomes with each mapping's outcomes.
import type { Platform } from "@/lib/contract/enums";
import { PLATFORM_FIELDS, type Candidates, type MappingOutcomeDto } from "@/lib/contract/mappings";
import type { MappingEntry } from "./catalog";
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

export function rankMappings(subject: CandidateSubject, entries: readonly MappingEntry[], limit = 10): Candidates["mappings"] {
  const field = PLATFORM_FIELDS[subject.source].market;
  const ranked = entries.map((e) => {
    const nameScore = similarity(subject.marketName, e.name);
    const pairings = pairOutcomes(subject.source, subject.outcomes, e.outcomes);
    const paired = pairings.filter((p) => p.canonicalOutcomeId !== null);
    const outcomeScore = subject.outcomes.length ? paired.reduce((n, p) => n + p.confidence, 0) / subject.outcomes.length : 0;
    const mappable = e.outcomes.filter((o) => o.betpawaName !== null).length;
    const countScore = mappable === 0 ? 0 : 1 - Math.abs(mappable - subject.outcomes.length) / Math.max(mappable, subject.outcomes.length);
    const linesAgree = takesLines(subject.specifiers) === entryTakesLines(e);
    const score = 0.5 * nameScore + 0.3 * outcomeScore + 0.1 * countScore + 0.1 * (linesAgree ? 1 : 0);
    const reasons = [`name ${pct(nameScore)} similar`];
    if (subject.outcomes.length) reasons.push(`${paired.length} of ${subject.outcomes.length} outcomes pair (${pct(outcomeScore)})`);
    if (mappable === subject.outcomes.length && mappable > 0) reasons.push(`same number of outcomes (${mappable})`);
    if (linesAgree && takesLines(subject.specifiers)) reasons.push("both take lines");
    if (!e.betpawaId) reasons.push("has no betpawa counterpart yet");
    const occupied = e[field] !== null && e[field] !== subject.externalMarketId;
    if (occupied) reasons.push(`already maps ${subject.source} ${e[field]}`);
    return {
      canonicalId: e.canonicalId,
      name: e.name,
      origin: e.origin,
      betpawaId: e.betpawaId,
      score: rounded(score),
      reasons,
      occupied,
      pairings,
      features: { name: rounded(nameScore), outcomes: rounded(outcomeScore), lines: linesAgree ? 1 : 0, prices: null },
      price: null,
      safeToAccept: false,
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

export function rankMarkets(subject: CandidateSubject, others: OtherMarket[], limit = 10): Candidates["markets"] {
  const ranked = others.map((m) => {
    const nameScore = similarity(subject.marketName, m.marketName);
    const outcomeScore =
      subject.outcomes.length && m.outcomes.length
        ? subject.outcomes.reduce((n, o) => n + Math.max(...m.outcomes.map((x) => similarity(o, x))), 0) / subject.outcomes.length
        : 0;
    const sameCount = subject.outcomes.length === m.outcomes.length && m.outcomes.length > 0;
    const linesAgree = takesLines(subject.specifiers) === takesLines(m.specifiers);
    const score = 0.6 * nameScore + 0.2 * outcomeScore + 0.1 * (sameCount ? 1 : 0) + 0.1 * (linesAgree ? 1 : 0);
    const reasons = [`name ${pct(nameScore)} similar`, `outcomes ${pct(outcomeScore)} similar`];
    if (sameCount) reasons.push(`same number of outcomes (${m.outcomes.length})`);
    if (linesAgree && takesLines(m.specifiers)) reasons.push("both take lines");
    return {
      id: m.id,
      source: m.source,
      externalMarketId: m.externalMarketId,
      marketName: m.marketName,
      score: rounded(score),
      reasons,
      features: { name: rounded(nameScore), outcomes: rounded(outcomeScore), lines: linesAgree ? 1 : 0, prices: null },
      price: null,
      safeToAccept: false,
    };
  });
  return best(ranked, (a, b) => a.id - b.id, limit);
}
