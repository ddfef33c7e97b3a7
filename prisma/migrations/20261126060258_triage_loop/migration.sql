-- AlterTable
ALTER TABLE "unmapped_markets" ADD COLUMN     "last_run_events" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "last_run_id" INTEGER,
ADD COLUMN     "last_run_sightings" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "mapped_at" TIMESTAMPTZ(3),
ADD COLUMN     "mapping_canonical_id" TEXT,
ADD COLUMN     "regressed_at" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "audit_log" (
    "id" SERIAL NOT NULL,
    "entity_type" TEXT NOT NULL,
    "entity_id" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "actor" TEXT NOT NULL DEFAULT 'anonymous',
    "before" JSONB,
    "after" JSONB,
    "reason" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "audit_log_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "audit_log_entity_type_entity_id_created_at_id_idx" ON "audit_log"("entity_type", "entity_id", "created_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "audit_log_created_at_id_idx" ON "audit_log"("created_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "audit_log_action_idx" ON "audit_log"("action");
