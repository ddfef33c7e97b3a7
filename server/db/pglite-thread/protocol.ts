// What crosses between the server thread and the PGlite worker. Rows cross as the database's text
// (every value unparsed): the parsers are functions, which cannot cross, so the server thread
// applies exactly the parsers PGlite itself would have (see remote.ts).

export interface RawResults {
  fields: { name: string; dataTypeID: number }[];
  /** One array per row, each value the column's text or null. */
  rows: (string | null)[][];
  affectedRows?: number;
  rowCount?: number;
  command?: string;
}

/** An array type and its element type, as PGlite's own array parsers are built. */
export interface ArrayType {
  oid: number;
  typarray: number;
}

export interface OpenArgs {
  /** A folder, or "memory://". */
  location: string;
  startParams: string[];
}

export interface Ops {
  open: (a: OpenArgs) => ArrayType[];
  query: (a: { sql: string; params: unknown[]; tx?: number }) => RawResults;
  exec: (a: { sql: string; tx?: number }) => RawResults[];
  /** Starts a transaction; later ops name it by `tx`. */
  begin: (a: { tx: number }) => void;
  rollback: (a: { tx: number }) => void;
  /** Ends a transaction: commit (unless rolled back) or roll back; fails as PGlite's commit fails. */
  end: (a: { tx: number; commit: boolean }) => void;
  /**
   * `SELECT 1`. While a transaction is open it waits for that transaction to end (PGlite has one
   * connection); the server thread's ping (remote.ts) also takes the engine's activity as an answer.
   */
  ping: () => boolean;
  close: () => void;
}
