// The demo's prices.
import type { Rng } from "./prng";

export function prices(rng: Rng, count: number): Array<{ odds: string; probability: string }> {
  const weights = Array.from({ length: count }, () => 0.25 + rng());
  const total = weights.reduce((a, b) => a + b, 0);
  return weights.map((w) => {
    const p = w / total;
    return { odds: Math.max(1.01, 1 / (p * 1.07)).toFixed(2), probability: p.toFixed(4) };
  });
}
