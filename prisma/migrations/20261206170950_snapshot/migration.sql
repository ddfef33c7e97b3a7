-- The price snapshot (docs/DECISIONS.md, "The price snapshot"): written in bulk at each flush point,
-- pruned to the latest SNAPSHOT_RUNS runs at each run's end. A cache: UNLOGGED (no WAL, so about a
-- tenth less per row; a crash empties the tables and the next run refills them), no foreign keys.

-- CreateExtension
CREATE EXTENSION IF NOT EXISTS "pg_trgm";

-- CreateTable
CREATE UNLOGGED TABLE "snapshot_events" (
    "run_id" INTEGER NOT NULL,
    "match_id" TEXT NOT NULL,
    "kickoff" TIMESTAMPTZ(3),
    "event_ids" JSONB NOT NULL DEFAULT '{}',
    "home" TEXT,
    "away" TEXT,

    CONSTRAINT "snapshot_events_pkey" PRIMARY KEY ("run_id","match_id")
);

-- CreateTable
CREATE UNLOGGED TABLE "snapshot_markets" (
    "run_id" INTEGER NOT NULL,
    "match_id" TEXT NOT NULL,
    "platform" "Platform" NOT NULL,
    "market_key" TEXT NOT NULL,
    "line" TEXT NOT NULL DEFAULT '',
    "mapped" BOOLEAN NOT NULL,
    "canonical_id" TEXT,
    "outcomes" JSONB NOT NULL,

    CONSTRAINT "snapshot_markets_pkey" PRIMARY KEY ("run_id","platform","market_key","line","match_id")
);

-- A match's canonical markets, mapped instances only (the unmapped ones have no canonical id to
-- look up): half the rows of a full index to maintain. Partial, so written here and not in the schema.
CREATE INDEX "snapshot_markets_match_canonical_idx" ON "snapshot_markets"("match_id", "canonical_id", "line") WHERE "canonical_id" IS NOT NULL;
