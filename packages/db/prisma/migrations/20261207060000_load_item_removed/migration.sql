-- Issue 17 defect 1: a leg that stops being pending (handed over, delivered, shelved, in exception, re-planned) leaves
-- its open load. The item is kept as REMOVED with the reason code, so the load shows what left it and why.
ALTER TYPE "LoadItemStatus" ADD VALUE IF NOT EXISTS 'REMOVED';

ALTER TABLE "LoadItem" ADD COLUMN "removedReason" TEXT;
ALTER TABLE "LoadItem" ADD COLUMN "removedAt" TIMESTAMPTZ(3);

-- Seal lateness: seconds past the cut-off at which the load was sealed, set only when past the allowed grace
-- (XD_SEAL_GRACE_SECONDS) - the late-seal alert managers see on the loads page.
ALTER TABLE "Load" ADD COLUMN "sealLateSeconds" INTEGER;
CREATE INDEX "Load_late_seal" ON "Load" ("countyCode", "departAt") WHERE "sealLateSeconds" IS NOT NULL;
