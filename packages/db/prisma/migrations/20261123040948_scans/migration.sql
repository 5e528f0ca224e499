-- AlterTable
ALTER TABLE "Node" ADD COLUMN     "pickupHoldDays" INTEGER NOT NULL DEFAULT 7,
ADD COLUMN     "shelfPositions" INTEGER NOT NULL DEFAULT 20,
ADD COLUMN     "shelfRacks" INTEGER NOT NULL DEFAULT 10,
ADD COLUMN     "shelfZones" TEXT NOT NULL DEFAULT 'A,B,C,D';

-- AlterTable
ALTER TABLE "Shipment" ADD COLUMN     "exceptionReason" TEXT,
ADD COLUMN     "lastScanAt" TIMESTAMPTZ(3),
ADD COLUMN     "loadedVehicleId" UUID,
ADD COLUMN     "pickupCode" TEXT,
ADD COLUMN     "readyForPickupAt" TIMESTAMPTZ(3),
ADD COLUMN     "returnFlaggedAt" TIMESTAMPTZ(3),
ADD COLUMN     "shelfSlot" TEXT;

-- CreateTable
CREATE TABLE "ScanEvent" (
    "id" BIGSERIAL NOT NULL,
    "clientScanId" UUID NOT NULL,
    "userId" UUID,
    "nodeId" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "vehicleId" UUID,
    "deviceAt" TIMESTAMPTZ(3) NOT NULL,
    "receivedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "outcome" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    "shipmentId" UUID,
    "result" JSONB NOT NULL,

    CONSTRAINT "ScanEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ScanEvent_clientScanId_key" ON "ScanEvent"("clientScanId");

-- CreateIndex
CREATE INDEX "ScanEvent_nodeId_receivedAt_idx" ON "ScanEvent"("nodeId", "receivedAt");

-- CreateIndex
CREATE INDEX "ScanEvent_shipmentId_receivedAt_idx" ON "ScanEvent"("shipmentId", "receivedAt");

-- A shelf slot holds one parcel waiting for pickup at a node at a time.
CREATE UNIQUE INDEX "Shipment_shelf_slot_taken" ON "Shipment" ("currentNodeId", "shelfSlot") WHERE "status" = 'AWAITING_PICKUP' AND "shelfSlot" IS NOT NULL;
