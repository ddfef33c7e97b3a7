-- Urgency (docs/DECISIONS.md, "Priority"): the soonest future kickoff among the events a market was
-- sighted in during its latest run, written by the flush. Existing rows stay null, so their kickoff
-- term is 0 and their stored priority_raw is already right: no backfill.

-- CreateExtension
CREATE EXTENSION IF NOT EXISTS "pg_trgm";

-- AlterTable
ALTER TABLE "unmapped_markets" ADD COLUMN     "next_kickoff_at" TIMESTAMPTZ(3);
