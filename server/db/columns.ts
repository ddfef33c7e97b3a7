// Readers for columns of raw queries (`db.query`). Values come back as the driver decoded them:
// PGlite and pg both decode jsonb to objects and timestamptz to Date today, but pg's type parsers
// are process-wide settings any library may change (pg.types.setTypeParser), so the readers also
// accept the text form. One reader per kind, so every service reads them the same way.

/** A jsonb column: parsed once if it arrived as text; `fallback` for SQL NULL. */
export function jsonColumn<T>(value: T | string | null | undefined, fallback: T): T;
export function jsonColumn<T>(value: T | string): T;
export function jsonColumn<T>(value: T | string | null | undefined, fallback?: T): T {
  if (value === null || value === undefined) return fallback as T;
  return typeof value === "string" ? (JSON.parse(value) as T) : value;
}

/** ISO 8601 UTC with milliseconds and Z, as Date#toISOString writes it (and list-sql.ts's isoText). */
const ISO_Z = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

/** A timestamptz column as ISO 8601 UTC with Z; text the SQL already wrote that way is kept as it is. */
export const isoColumn = (value: Date | string): string =>
  typeof value === "string" && ISO_Z.test(value) ? value : (value instanceof Date ? value : new Date(value)).toISOString();

/** A nullable timestamptz column. */
export const isoColumnOrNull = (value: Date | string | null): string | null => (value === null ? null : isoColumn(value));
