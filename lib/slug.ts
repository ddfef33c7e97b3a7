// Canonical ids made from names ("Over 2.5" -> "over_2_5"): lower-case letters, digits and _, as
// the contract's slugSchema requires. Accents are dropped rather than lost whole ("É" -> "e").
const MAX = 60;

export function slugify(text: string, max = MAX): string {
  return (
    text
      .normalize("NFKD")
      // Decomposed accents are marks of their own: drop them, keep the letter.
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "_")
      .replace(/^_+|_+$/g, "")
      .slice(0, max)
      .replace(/_+$/, "")
  );
}

/** One id per name, in order, unique: a repeated slug gets _2, _3…; an empty one is `fallback`. */
export function uniqueSlugs(names: readonly string[], fallback = "outcome"): string[] {
  const used = new Set<string>();
  return names.map((name) => {
    const base = slugify(name) || fallback;
    let id = base;
    for (let n = 2; used.has(id); n++) id = `${base}_${n}`;
    used.add(id);
    return id;
  });
}
