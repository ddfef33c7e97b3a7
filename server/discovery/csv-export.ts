// GET /api/unmapped/export.csv: every market the list's filters match, in the list's sort, as CSV
// (RFC 4180, quoted by csv-stringify) with a header row. The rows are read in keyset batches (the
// list's own cursor SQL, server/discovery/list-sql.ts, so each batch reads the same indexes as page
// 1 however deep the export is) and each batch is written to the stream only when the client has
// taken the previous one (a pull stream), so memory holds one batch whatever the number of rows.
//
// Formula injection: a spreadsheet runs a cell starting with =, +, -, @ (or tab / CR, which some
// strip first) as a formula, and scraped names and notes are anybody's text. Such a text cell is
// prefixed with a single quote ('), which spreadsheets show as text (the OWASP "CSV injection"
// advice). Numbers are written as numbers, so a negative priority stays a number.
import { stringify } from "csv-stringify/sync";
import type { KeyPart } from "@/lib/contract/cursor";
import { UNMAPPED_CSV_COLUMNS, unmappedKeyset, type UnmappedExportQuery } from "@/lib/contract/unmapped-export";
import type { Database } from "@/server/db/client";
import { encodeCursor, type Paging } from "@/server/http/cursor";
import { toItem, type ItemRow } from "@/server/triage/rows";
import { listSql, type Viewer } from "./list-sql";

/** Markets per batch: a batch is one statement, and on PGlite every request waits behind it. */
export const EXPORT_BATCH = { pglite: 500, postgres: 2000 } as const;

const FORMULA_START = /^[=+\-@\t\r]/;

/** A text cell a spreadsheet would run as a formula, made text. */
export const safeCell = (text: string) => (FORMULA_START.test(text) ? `'${text}` : text);

type Row = ItemRow & { cursor_key: string | number; notes: string | null; specifiers: string[] | null };

function csvRecord(r: Row): (string | number)[] {
  const item = toItem(r);
  return [
    item.id,
    item.source,
    safeCell(item.externalMarketId),
    safeCell(item.marketName),
    item.status,
    item.reason,
    safeCell((r.specifiers ?? []).join("; ")),
    item.occurrenceCount,
    item.firstSeenAt,
    item.lastSeenAt,
    safeCell(item.assignee?.name ?? ""),
    safeCell(r.notes ?? ""),
    item.priorityScore,
  ];
}

/**
 * The export as a byte stream: the header row with the first batch, then one batch per pull. The
 * first batch is read before the answer starts, so a database that is down is a 503 like any
 * request's, not a 200 cut short.
 */
export async function exportCsv(db: Database, q: UnmappedExportQuery, viewer: Viewer | null): Promise<ReadableStream<Uint8Array>> {
  const size = EXPORT_BATCH[db.kind];
  const keyset = unmappedKeyset(q, viewer?.userId ?? null);
  const encoder = new TextEncoder();
  let header = true;
  const read = async (after: KeyPart[] | null) => {
    const paging: Paging = { mode: "cursor", after, limit: size, next: (key) => encodeCursor(keyset, key) };
    const sql = listSql({ ...q, page: 1, pageSize: size }, viewer, paging);
    const rows = await db.query<Row>(sql.keyed, sql.params);
    const batch = rows.slice(0, size);
    const text = stringify(batch.map(csvRecord), { header, columns: [...UNMAPPED_CSV_COLUMNS], record_delimiter: "windows" });
    header = false;
    const last = batch[batch.length - 1];
    return { bytes: encoder.encode(text), after: rows.length > size ? [last.cursor_key, last.id] : null };
  };
  let next = await read(null);
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        controller.enqueue(next.bytes);
        if (next.after === null) controller.close();
        else next = await read(next.after);
      },
    },
    // Nothing read ahead of the client: the next batch is read once it has taken this one.
    { highWaterMark: 0 },
  );
}
