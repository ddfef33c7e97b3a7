-- Team triage: assignee, snooze, escalation, per-run counts, comments, saved views, undoable change sets.
-- AlterTable
ALTER TABLE "unmapped_markets" ADD COLUMN     "assignee_id" TEXT,
ADD COLUMN     "baseline" DOUBLE PRECISION,
ADD COLUMN     "escalated_at" TIMESTAMPTZ(3),
ADD COLUMN     "escalating" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "snooze_baseline" DOUBLE PRECISION,
ADD COLUMN     "snooze_escalating" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "snooze_from_count" INTEGER,
ADD COLUMN     "snooze_sightings" INTEGER,
ADD COLUMN     "snooze_until" TIMESTAMPTZ(3),
ADD COLUMN     "snoozed_at" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "market_run_counts" (
    "market_id" INTEGER NOT NULL,
    "run_id" INTEGER NOT NULL,
    "sightings" INTEGER NOT NULL,
    "events" INTEGER NOT NULL,

    CONSTRAINT "market_run_counts_pkey" PRIMARY KEY ("market_id","run_id")
);

-- CreateTable
CREATE TABLE "market_comments" (
    "id" SERIAL NOT NULL,
    "market_id" INTEGER NOT NULL,
    "author_id" TEXT,
    "author_name" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "edited_at" TIMESTAMPTZ(3),

    CONSTRAINT "market_comments_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "saved_views" (
    "id" SERIAL NOT NULL,
    "owner_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "query" JSONB NOT NULL,
    "shared" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "saved_views_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "change_sets" (
    "id" UUID NOT NULL,
    "actor_type" TEXT NOT NULL,
    "actor_id" TEXT,
    "actor" TEXT NOT NULL,
    "reason" TEXT,
    "count" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "undone_at" TIMESTAMPTZ(3),

    CONSTRAINT "change_sets_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "change_entries" (
    "change_id" UUID NOT NULL,
    "market_id" INTEGER NOT NULL,
    "before" JSONB NOT NULL,
    "after_version" INTEGER NOT NULL,

    CONSTRAINT "change_entries_pkey" PRIMARY KEY ("change_id","market_id")
);

-- CreateIndex
CREATE INDEX "market_run_counts_run_id_market_id_idx" ON "market_run_counts"("run_id", "market_id");

-- CreateIndex
CREATE INDEX "market_comments_market_id_created_at_id_idx" ON "market_comments"("market_id", "created_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "saved_views_shared_idx" ON "saved_views"("shared");

-- CreateIndex
CREATE UNIQUE INDEX "saved_views_owner_id_name_key" ON "saved_views"("owner_id", "name");

-- CreateIndex
CREATE INDEX "change_sets_created_at_idx" ON "change_sets"("created_at");

-- CreateIndex
CREATE INDEX "change_entries_market_id_idx" ON "change_entries"("market_id");

-- CreateIndex
CREATE INDEX "unmapped_markets_assignee_id_status_idx" ON "unmapped_markets"("assignee_id", "status");

-- CreateIndex
CREATE INDEX "unmapped_markets_escalating_status_idx" ON "unmapped_markets"("escalating", "status");

-- AddForeignKey
ALTER TABLE "unmapped_markets" ADD CONSTRAINT "unmapped_markets_assignee_id_fkey" FOREIGN KEY ("assignee_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "market_run_counts" ADD CONSTRAINT "market_run_counts_market_id_fkey" FOREIGN KEY ("market_id") REFERENCES "unmapped_markets"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "market_comments" ADD CONSTRAINT "market_comments_market_id_fkey" FOREIGN KEY ("market_id") REFERENCES "unmapped_markets"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "market_comments" ADD CONSTRAINT "market_comments_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "saved_views" ADD CONSTRAINT "saved_views_owner_id_fkey" FOREIGN KEY ("owner_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "change_entries" ADD CONSTRAINT "change_entries_change_id_fkey" FOREIGN KEY ("change_id") REFERENCES "change_sets"("id") ON DELETE CASCADE ON UPDATE CASCADE;
