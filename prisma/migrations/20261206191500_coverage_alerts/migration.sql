-- Coverage watch (docs/DECISIONS.md, "Coverage watch"): after each run, a mapped market a platform
-- stopped offering, or whose outcome names stopped matching its mapping, is an alert here until a
-- later run offers it again / its names match again, or a person dismisses it.

-- CreateTable
CREATE TABLE "coverage_alerts" (
    "id" SERIAL NOT NULL,
    "canonical_id" TEXT NOT NULL,
    "mapping_name" TEXT NOT NULL,
    "platform" "Platform" NOT NULL,
    "market_key" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "run_id" INTEGER NOT NULL,
    "details" JSONB NOT NULL DEFAULT '{}',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolved_at" TIMESTAMPTZ(3),
    "resolved_run_id" INTEGER,
    "dismissed_by" TEXT,

    CONSTRAINT "coverage_alerts_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "coverage_alerts_kind_check" CHECK ("kind" IN ('dropped', 'outcomes_changed'))
);

-- CreateIndex
CREATE INDEX "coverage_alerts_created_at_id_idx" ON "coverage_alerts"("created_at" DESC, "id" DESC);

-- One open alert per mapping, platform and kind: the watch inserts ON CONFLICT DO NOTHING against
-- it. Partial, so written here and not in the schema.
CREATE UNIQUE INDEX "coverage_alerts_open_key" ON "coverage_alerts"("canonical_id", "platform", "kind") WHERE "resolved_at" IS NULL;
