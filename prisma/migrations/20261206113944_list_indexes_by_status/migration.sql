-- CreateExtension
CREATE EXTENSION IF NOT EXISTS "pg_trgm";

-- DropIndex
DROP INDEX "unmapped_markets_first_seen_at_id_idx";

-- DropIndex
DROP INDEX "unmapped_markets_last_seen_at_id_idx";

-- DropIndex
DROP INDEX "unmapped_markets_market_name_id_idx";

-- DropIndex
DROP INDEX "unmapped_markets_occurrence_count_id_idx";

-- DropIndex
DROP INDEX "unmapped_markets_priority_raw_id_idx";

-- DropIndex
DROP INDEX "unmapped_markets_reason_idx";

-- DropIndex
DROP INDEX "unmapped_markets_source_status_idx";

-- The planner's per-status counts (server/db/planner-stats.ts): 3,000 sampled rows are plenty for
-- four values, and keep PGlite's ANALYZE of this column at about 20 ms.
ALTER TABLE "unmapped_markets" ALTER COLUMN "status" SET STATISTICS 10;
