-- CreateExtension
CREATE EXTENSION IF NOT EXISTS "pg_trgm";

-- DropForeignKey
ALTER TABLE "change_entries" DROP CONSTRAINT "change_entries_change_id_fkey";

-- DropIndex
DROP INDEX "change_entries_market_id_idx";
