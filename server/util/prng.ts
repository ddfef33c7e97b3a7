// Seeded randomness for the demo feed and its prices: every value derives from (seed, what, which)
// through a hash, so the same seed gives the same feed whatever order things are asked for in.

/** FNV-1a; `h` carries on from a hashed prefix, so hash(b, hash(a)) = hash(a + b). */
function hash(text: string, h = 0x811c9dc5): number {
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export type Rng = () => number;

function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function rngFor(seed: number, ...parts: Array<string | number>): Rng {
  return mulberry32(hash(`${seed}|${parts.join("|")}`));
}

/**
 * rngFor(seed, ...parts, ...more) for many `more` under one prefix, which is hashed once: the
 * prices of a market's outcomes share everything but the outcome.
 */
export function rngFamily(seed: number, ...parts: Array<string | number>): (...more: Array<string | number>) => Rng {
  const prefix = hash(`${seed}|${parts.join("|")}|`);
  return (...more) => mulberry32(hash(more.join("|"), prefix));
}

export const int = (rng: Rng, min: number, max: number) => min + Math.floor(rng() * (max - min + 1));

export function shuffled<T>(rng: Rng, items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** `count` consecutive values of `ladder`, starting at a random rung. */
export function lines<T>(rng: Rng, ladder: readonly T[], count: number): T[] {
  const n = Math.min(count, ladder.length);
  const start = int(rng, 0, ladder.length - n);
  return ladder.slice(start, start + n);
}
