-- CreateExtension
CREATE EXTENSION IF NOT EXISTS "pg_trgm";

-- CreateIndex
CREATE INDEX "unmapped_markets_market_name_trgm_idx" ON "unmapped_markets" USING GIN ("market_name" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "unmapped_markets_external_market_id_trgm_idx" ON "unmapped_markets" USING GIN ("external_market_id" gin_trgm_ops);
