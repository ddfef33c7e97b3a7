// The one slug rule for canonical ids (mapping and outcome ids), shared by the server (outcomes of
// a mapping made from a market) and the browser (the ids the mapping editor proposes), so both
// propose the same id for the same name. The result always satisfies the contract's slugSchema
// (`^[a-z0-9_]+$`, at most 100 characters) unless it is empty.

/**
 * "Over/Under 2.5 – Équipe" -> "over_under_2_5_equipe": accents dropped, every run of other
 * characters one `_`, no `_` at either end, at most `max` characters. "" when nothing is left.
 */
export function slugify(text: string, max = 60): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "")
    .slice(0, Math.min(max, 100))
    .replace(/_+$/, "");
}

/** One slug per name, unique among them (`win`, `win_2`, …); a name with no letters or digits gets `fallback`. */
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
