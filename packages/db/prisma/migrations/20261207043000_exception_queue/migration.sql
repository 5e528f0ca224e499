-- Exception queue (issue 17): a parcel can be given up as LOST, and each manager action on a queued parcel is kept
-- with who did it, when, and its answer (one row per client request id).
ALTER TYPE "ShipmentStatus" ADD VALUE IF NOT EXISTS 'LOST';

CREATE TYPE "ExceptionActionKind" AS ENUM ('CALL', 'NOTIFY', 'REPLAN', 'RETURN', 'LOST');

CREATE TABLE "ExceptionAction" (
    "id" UUID NOT NULL,
    "countyCode" VARCHAR(6) NOT NULL,
    "shipmentId" UUID NOT NULL,
    "kind" "ExceptionActionKind" NOT NULL,
    "nodeId" UUID,
    "actorId" UUID,
    "actorName" TEXT NOT NULL,
    "clientRequestId" UUID NOT NULL,
    "result" JSONB,
    "at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "ExceptionAction_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "ExceptionAction_clientRequestId_key" ON "ExceptionAction"("clientRequestId");
CREATE INDEX "ExceptionAction_shipmentId_at_idx" ON "ExceptionAction"("shipmentId", "at");
CREATE INDEX "ExceptionAction_countyCode_at_idx" ON "ExceptionAction"("countyCode", "at");
