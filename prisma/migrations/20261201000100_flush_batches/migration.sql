-- CreateTable
CREATE TABLE "flush_batches" (
    "id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "announced" JSONB NOT NULL DEFAULT '[]',

    CONSTRAINT "flush_batches_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "flush_batches_created_at_idx" ON "flush_batches"("created_at");
