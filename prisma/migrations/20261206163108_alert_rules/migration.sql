-- AlterTable
ALTER TABLE "flush_batches" ADD COLUMN     "announced_at" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "webhook_endpoints" ADD COLUMN     "kind" TEXT NOT NULL DEFAULT 'standard';

-- CreateTable
CREATE TABLE "alert_rules" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "platforms" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "reasons" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "causes" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "min_priority" DOUBLE PRECISION,
    "min_sightings" INTEGER,
    "pattern" TEXT,
    "toast" BOOLEAN NOT NULL DEFAULT false,
    "webhook_endpoint_id" UUID,
    "chat_endpoint_id" UUID,
    "throttle_minutes" INTEGER NOT NULL DEFAULT 0,
    "last_fired_at" TIMESTAMPTZ(3),
    "last_fired_count" INTEGER,
    "fired_total" INTEGER NOT NULL DEFAULT 0,
    "pending_count" INTEGER NOT NULL DEFAULT 0,
    "pending_markets" JSONB NOT NULL DEFAULT '[]',
    "pending_since" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "alert_rules_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "alert_rules_pending_since_idx" ON "alert_rules"("pending_since");

-- AddForeignKey
ALTER TABLE "alert_rules" ADD CONSTRAINT "alert_rules_webhook_endpoint_id_fkey" FOREIGN KEY ("webhook_endpoint_id") REFERENCES "webhook_endpoints"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "alert_rules" ADD CONSTRAINT "alert_rules_chat_endpoint_id_fkey" FOREIGN KEY ("chat_endpoint_id") REFERENCES "webhook_endpoints"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Batches written before this migration were announced by the flush that wrote them.
UPDATE "flush_batches" SET "announced_at" = "created_at";
CREATE INDEX "flush_batches_unannounced_idx" ON "flush_batches"("created_at") WHERE "announced_at" IS NULL;

-- The default rule keeps the behaviour from before rules: every announced market is a toast.
INSERT INTO "alert_rules" ("id", "name", "toast", "updated_at")
VALUES (gen_random_uuid(), 'Every new or reopened market', true, CURRENT_TIMESTAMP);
