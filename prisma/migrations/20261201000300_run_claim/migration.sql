-- CreateExtension
CREATE EXTENSION IF NOT EXISTS "pg_trgm";

-- AlterTable
ALTER TABLE "scrape_runs" ADD COLUMN     "claimed" BOOLEAN,
ADD COLUMN     "heartbeat_at" TIMESTAMPTZ(3),
ADD COLUMN     "owner" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "scrape_runs_claimed_key" ON "scrape_runs"("claimed");

-- CreateIndex
CREATE INDEX "scrape_runs_status_idx" ON "scrape_runs"("status");
