// The README and docs/DECISIONS.md quote the per-database statement sizes (flush chunks, run-end
// settle batches, the CSV export's batches). They drifted once (the README said 250 and 5,000 long after the flush moved to
// 100 and 1,000), so every size they quote is checked against the constants here.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { EXPORT_BATCH } from "./csv-export";
import { FLUSH_CHUNK_ROWS } from "./flush";
import { SETTLE_BATCH } from "./run-counts";

const read = (file: string) => readFileSync(fileURLToPath(new URL(`../../${file}`, import.meta.url)), "utf8").replace(/\s+/g, " ");
const DOCS = { "README.md": read("README.md"), "docs/DECISIONS.md": read("docs/DECISIONS.md") };
const figure = (n: number) => n.toLocaleString("en-US");

describe("statement sizes quoted in the docs", () => {
  it("are the code's flush chunk, settle batch or export batch size of that database", () => {
    const sizes = {
      PGlite: [FLUSH_CHUNK_ROWS.pglite, SETTLE_BATCH.pglite, EXPORT_BATCH.pglite],
      PostgreSQL: [FLUSH_CHUNK_ROWS.postgres, SETTLE_BATCH.postgres, EXPORT_BATCH.postgres],
    };
    let quoted = 0;
    for (const [file, text] of Object.entries(DOCS)) {
      for (const [, n, kind] of text.matchAll(/\b(\d[\d,]*)(?: markets)? on (PGlite|PostgreSQL)\b/g)) {
        quoted++;
        expect(sizes[kind as keyof typeof sizes].map(figure), `${file}: "${n} on ${kind}"`).toContain(n);
      }
    }
    expect(quoted).toBeGreaterThanOrEqual(4);
  });

  it("give FLUSH_CHUNK_ROWS's default as the flush's own sizes", () => {
    const row = /\| `FLUSH_CHUNK_ROWS` \| `0` \| [^|]*/.exec(DOCS["README.md"])?.[0];
    expect(row).toContain(`${figure(FLUSH_CHUNK_ROWS.pglite)} on PGlite`);
    expect(row).toContain(`${figure(FLUSH_CHUNK_ROWS.postgres)} on PostgreSQL`);
  });
});
