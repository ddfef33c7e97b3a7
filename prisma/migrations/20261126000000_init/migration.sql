-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "Platform" AS ENUM ('sportybet', 'bet9ja');

-- CreateEnum
CREATE TYPE "UnmappedReason" AS ENUM ('UNKNOWN_MARKET', 'UNKNOWN_PARAM_MARKET', 'NO_MATCHING_OUTCOMES', 'UNSUPPORTED_PLATFORM');

-- CreateEnum
CREATE TYPE "TriageStatus" AS ENUM ('NEW', 'ACKNOWLEDGED', 'MAPPED', 'IGNORED');

-- CreateEnum
CREATE TYPE "RunStatus" AS ENUM ('running', 'completed', 'partial', 'failed');

-- CreateTable
CREATE TABLE "unmapped_markets" (
    "id" SERIAL NOT NULL,
    "source" "Platform" NOT NULL,
    "external_market_id" TEXT NOT NULL,
    "market_name" TEXT NOT NULL,
    "reason" "UnmappedReason" NOT NULL,
    "sample_outcomes" JSONB NOT NULL DEFAULT '[]',
    "specifiers" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "first_seen_at" TIMESTAMPTZ(3) NOT NULL,
    "last_seen_at" TIMESTAMPTZ(3) NOT NULL,
    "occurrence_count" INTEGER NOT NULL,
    "priority_raw" DOUBLE PRECISION NOT NULL,
    "status" "TriageStatus" NOT NULL DEFAULT 'NEW',
    "notes" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "unmapped_markets_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "user_mappings" (
    "id" SERIAL NOT NULL,
    "canonical_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "betpawa_id" TEXT,
    "sportybet_id" TEXT,
    "bet9ja_key" TEXT,
    "outcomes" JSONB NOT NULL DEFAULT '[]',
    "active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "user_mappings_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "scrape_runs" (
    "id" SERIAL NOT NULL,
    "trigger" TEXT NOT NULL,
    "status" "RunStatus" NOT NULL DEFAULT 'running',
    "started_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMPTZ(3),
    "sources" JSONB NOT NULL DEFAULT '{}',
    "events" INTEGER NOT NULL DEFAULT 0,
    "markets" INTEGER NOT NULL DEFAULT 0,
    "mapped" INTEGER NOT NULL DEFAULT 0,
    "unmapped" INTEGER NOT NULL DEFAULT 0,
    "new_markets" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,

    CONSTRAINT "scrape_runs_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "unmapped_markets_last_seen_at_id_idx" ON "unmapped_markets"("last_seen_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "unmapped_markets_first_seen_at_id_idx" ON "unmapped_markets"("first_seen_at", "id");

-- CreateIndex
CREATE INDEX "unmapped_markets_occurrence_count_id_idx" ON "unmapped_markets"("occurrence_count", "id");

-- CreateIndex
CREATE INDEX "unmapped_markets_priority_raw_id_idx" ON "unmapped_markets"("priority_raw", "id");

-- CreateIndex
CREATE INDEX "unmapped_markets_status_last_seen_at_id_idx" ON "unmapped_markets"("status", "last_seen_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "unmapped_markets_status_first_seen_at_id_idx" ON "unmapped_markets"("status", "first_seen_at", "id");

-- CreateIndex
CREATE INDEX "unmapped_markets_status_occurrence_count_id_idx" ON "unmapped_markets"("status", "occurrence_count", "id");

-- CreateIndex
CREATE INDEX "unmapped_markets_status_priority_raw_id_idx" ON "unmapped_markets"("status", "priority_raw", "id");

-- CreateIndex
CREATE INDEX "unmapped_markets_reason_idx" ON "unmapped_markets"("reason");

-- CreateIndex
CREATE INDEX "unmapped_markets_source_status_idx" ON "unmapped_markets"("source", "status");

-- CreateIndex
CREATE UNIQUE INDEX "unmapped_markets_source_external_market_id_key" ON "unmapped_markets"("source", "external_market_id");

-- CreateIndex
CREATE UNIQUE INDEX "user_mappings_canonical_id_key" ON "user_mappings"("canonical_id");

-- CreateIndex
CREATE INDEX "user_mappings_active_idx" ON "user_mappings"("active");

-- CreateIndex
CREATE INDEX "scrape_runs_started_at_id_idx" ON "scrape_runs"("started_at" DESC, "id" DESC);
