-- CreateExtension
CREATE EXTENSION IF NOT EXISTS "pg_trgm";

-- CreateTable
CREATE TABLE "market_counts" (
    "source" "Platform" NOT NULL,
    "status" "TriageStatus" NOT NULL,
    "reason" "UnmappedReason" NOT NULL,
    "n" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "market_counts_pkey" PRIMARY KEY ("source","status","reason")
);

-- Counters kept by the database itself. Statement-level AFTER triggers with transition tables see
-- every row a statement inserted, updated or deleted (an INSERT … ON CONFLICT DO UPDATE fires the
-- INSERT trigger for its inserted rows and the UPDATE trigger for its updated ones), so the flush
-- upsert, its regression, triage edits, "map this market" and any future write path keep the
-- counters right in their own transaction with no code to forget. Deltas are applied in key order
-- (source, status, reason), so two transactions lock counter rows in the same order and cannot
-- deadlock on them; a statement that changes no key (most flush updates) touches no counter row.
CREATE FUNCTION "market_counts_on_insert"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO market_counts AS c (source, status, reason, n)
  SELECT source, status, reason, count(*) FROM market_counts_new GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
  ON CONFLICT (source, status, reason) DO UPDATE SET n = c.n + EXCLUDED.n;
  RETURN NULL;
END $$;

CREATE FUNCTION "market_counts_on_update"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO market_counts AS c (source, status, reason, n)
  SELECT source, status, reason, sum(d) FROM (
    SELECT source, status, reason, 1 AS d FROM market_counts_new
    UNION ALL
    SELECT source, status, reason, -1 AS d FROM market_counts_old
  ) delta
  GROUP BY 1, 2, 3 HAVING sum(d) <> 0 ORDER BY 1, 2, 3
  ON CONFLICT (source, status, reason) DO UPDATE SET n = c.n + EXCLUDED.n;
  RETURN NULL;
END $$;

CREATE FUNCTION "market_counts_on_delete"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO market_counts AS c (source, status, reason, n)
  SELECT source, status, reason, -count(*) FROM market_counts_old GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
  ON CONFLICT (source, status, reason) DO UPDATE SET n = c.n + EXCLUDED.n;
  RETURN NULL;
END $$;

CREATE FUNCTION "market_counts_on_truncate"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM market_counts;
  RETURN NULL;
END $$;

-- No write may slip between filling the counters and the triggers taking over.
LOCK TABLE "unmapped_markets" IN SHARE ROW EXCLUSIVE MODE;

INSERT INTO market_counts (source, status, reason, n)
SELECT source, status, reason, count(*) FROM unmapped_markets GROUP BY 1, 2, 3;

-- One trigger per event: PostgreSQL allows transition tables only on single-event triggers.
CREATE TRIGGER "market_counts_insert" AFTER INSERT ON "unmapped_markets"
  REFERENCING NEW TABLE AS market_counts_new
  FOR EACH STATEMENT EXECUTE FUNCTION "market_counts_on_insert"();
CREATE TRIGGER "market_counts_update" AFTER UPDATE ON "unmapped_markets"
  REFERENCING OLD TABLE AS market_counts_old NEW TABLE AS market_counts_new
  FOR EACH STATEMENT EXECUTE FUNCTION "market_counts_on_update"();
CREATE TRIGGER "market_counts_delete" AFTER DELETE ON "unmapped_markets"
  REFERENCING OLD TABLE AS market_counts_old
  FOR EACH STATEMENT EXECUTE FUNCTION "market_counts_on_delete"();
CREATE TRIGGER "market_counts_truncate" AFTER TRUNCATE ON "unmapped_markets"
  FOR EACH STATEMENT EXECUTE FUNCTION "market_counts_on_truncate"();
