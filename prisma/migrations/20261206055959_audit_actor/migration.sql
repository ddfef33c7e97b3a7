-- Audit entries name their real actor: a person, a token, the scraper or the system.
-- AlterTable
ALTER TABLE "audit_log" ADD COLUMN     "actor_id" TEXT,
ADD COLUMN     "actor_type" TEXT NOT NULL DEFAULT 'system',
ALTER COLUMN "actor" SET DEFAULT 'system';

-- CreateIndex
CREATE INDEX "audit_log_actor_type_actor_id_idx" ON "audit_log"("actor_type", "actor_id");

-- Entries written before authentication existed: the scraper's say so, the rest were made without
-- an identity (actor 'anonymous'), kept as the system's.
UPDATE "audit_log" SET "actor_type" = 'scraper' WHERE "actor" = 'scraper';
