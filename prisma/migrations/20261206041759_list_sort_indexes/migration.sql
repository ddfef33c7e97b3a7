-- CreateExtension
CREATE EXTENSION IF NOT EXISTS "pg_trgm";

-- CreateIndex
CREATE INDEX "unmapped_markets_market_name_id_idx" ON "unmapped_markets"("market_name", "id");

-- CreateIndex
CREATE INDEX "unmapped_markets_status_market_name_id_idx" ON "unmapped_markets"("status", "market_name", "id");

-- CreateIndex
CREATE INDEX "unmapped_markets_source_id_idx" ON "unmapped_markets"("source", "id");

-- CreateIndex
CREATE INDEX "unmapped_markets_reason_id_idx" ON "unmapped_markets"("reason", "id");

-- CreateIndex
CREATE INDEX "unmapped_markets_status_id_idx" ON "unmapped_markets"("status", "id");
