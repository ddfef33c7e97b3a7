-- The price snapshot (docs/DECISIONS.md, "The price snapshot"): written in bulk at each flush point,
-- pruned to the latest SNAPSHOT_RUNS runs at each run's end. No foreign keys on purpose: a cache.

-- CreateExtension
CREATE EXTENSION IF NOT EXISTS "pg_trgm";

-- CreateTable
CREATE TABLE "snapshot_events" (
    "run_id" INTEGER NOT NULL,
    "match_id" TEXT NOT NULL,
    "kickoff" TIMESTAMPTZ(3),
    "event_ids" JSONB NOT NULL DEFAULT '{}',
    "home" TEXT,
    "away" TEXT,

    CONSTRAINT "snapshot_events_pkey" PRIMARY KEY ("run_id","match_id")
);

-- CreateTable
CREATE TABLE "snapshot_markets" (
    "run_id" INTEGER NOT NULL,
    "match_id" TEXT NOT NULL,
    "platform" "Platform" NOT NULL,
    "market_key" TEXT NOT NULL,
    "line" TEXT NOT NULL DEFAULT '',
    "mapped" BOOLEAN NOT NULL,
    "canonical_id" TEXT,
    "outcomes" JSONB NOT NULL,

    CONSTRAINT "snapshot_markets_pkey" PRIMARY KEY ("run_id","platform","match_id","market_key","line")
);

-- CreateIndex
CREATE INDEX "snapshot_markets_match_id_canonical_id_line_idx" ON "snapshot_markets"("match_id", "canonical_id", "line");

-- CreateIndex
CREATE INDEX "snapshot_markets_platform_market_key_line_run_id_idx" ON "snapshot_markets"("platform", "market_key", "line", "run_id");
