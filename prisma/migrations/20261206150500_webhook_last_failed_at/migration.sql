-- AlterTable
ALTER TABLE "webhook_endpoints" ADD COLUMN "last_failed_at" TIMESTAMPTZ(3);

-- An endpoint failing now: its latest failed attempt (a delivery not succeeded that was tried),
-- else the start of its streak, so the streak rule has a previous failure to compare with.
UPDATE "webhook_endpoints" e SET "last_failed_at" = COALESCE(
    (SELECT max(d."last_attempt_at") FROM "webhook_deliveries" d
     WHERE d."endpoint_id" = e."id" AND d."status" <> 'succeeded' AND d."last_attempt_at" IS NOT NULL),
    e."failing_since")
WHERE e."failing_since" IS NOT NULL;
