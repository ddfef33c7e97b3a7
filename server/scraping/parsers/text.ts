// Scraped text is untrusted, and every string a parser hands on ends up in a PostgreSQL text
// column, a log line and a page. Each one passes through `scrapedText` on its way out:
// - NUL (U+0000) is removed: PostgreSQL text cannot hold it, and one NUL in a chunk used to make
//   the database reject the whole chunk on every retry.
// - A lone UTF-16 surrogate (half of a pair) becomes U+FFFD: PostgreSQL text is UTF-8 and cannot
//   hold one either (jsonb refuses `\ud800`).
// - Every other C0 control (U+0001-U+001F, tab and line breaks included), DEL (U+007F) and every C1
//   control (U+0080-U+009F) becomes a space. PostgreSQL could store them, but they are invisible
//   on a page, can rewrite a terminal through a log line (ESC, CSI), and a tab or a line break in a
//   market name is layout, not content; a space keeps the words apart and the length unchanged.
// Nothing else changes: quotes, markup and SQL-looking text stay verbatim (they are inert data).
// Two ids that differ only in a control character become the same id; such ids are garbage anyway.

// One test for the common case (clean text), so the hot path costs a single regex scan.
const SUSPECT = /[\u0000-\u001f\u007f-\u009f\ud800-\udfff]/;
const NUL = /\u0000/g;
const CONTROL = /[\u0001-\u001f\u007f-\u009f]/g;

export function cleanText(text: string): string {
  if (!SUSPECT.test(text)) return text;
  const wellFormed = text.isWellFormed() ? text : text.toWellFormed();
  return wellFormed.replace(NUL, "").replace(CONTROL, " ");
}

/** Cuts to at most `max` code points, so a surrogate pair is never split. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const points = Array.from(text);
  return points.length <= max ? text : points.slice(0, max).join("");
}

/** What every parser output string goes through: cleaned, then cut to `max` code points. */
export function scrapedText(text: string, max = Number.POSITIVE_INFINITY): string {
  return clip(cleanText(text), max);
}
