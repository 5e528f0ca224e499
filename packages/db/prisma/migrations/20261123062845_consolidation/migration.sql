-- CreateEnum
CREATE TYPE "LoadStatus" AS ENUM ('OPEN', 'SEALED', 'PLANNED', 'DEPARTED', 'ARRIVED');

-- CreateEnum
CREATE TYPE "LoadItemStatus" AS ENUM ('ASSIGNED', 'ROLLED');

-- CreateTable
CREATE TABLE "Load" (
    "id" UUID NOT NULL,
    "countyCode" VARCHAR(6) NOT NULL,
    "key" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "milkRun" BOOLEAN NOT NULL DEFAULT false,
    "laneId" UUID,
    "nodeId" UUID NOT NULL,
    "toNodeId" UUID,
    "departAt" TIMESTAMPTZ(3) NOT NULL,
    "cutoffAt" TIMESTAMPTZ(3) NOT NULL,
    "status" "LoadStatus" NOT NULL DEFAULT 'OPEN',
    "sealedAt" TIMESTAMPTZ(3),
    "plannedAt" TIMESTAMPTZ(3),
    "departedAt" TIMESTAMPTZ(3),
    "arrivedAt" TIMESTAMPTZ(3),
    "report" JSONB,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Load_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LoadItem" (
    "id" BIGSERIAL NOT NULL,
    "loadId" UUID NOT NULL,
    "shipmentId" UUID NOT NULL,
    "legId" UUID NOT NULL,
    "carrierId" UUID,
    "weightG" INTEGER NOT NULL,
    "volumeCm3" INTEGER NOT NULL,
    "temp" "TempClass" NOT NULL,
    "stopNodeId" UUID NOT NULL,
    "pickup" BOOLEAN NOT NULL DEFAULT false,
    "status" "LoadItemStatus" NOT NULL DEFAULT 'ASSIGNED',
    "rolledReason" TEXT,
    "loadVehicleId" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LoadItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LoadVehicle" (
    "id" UUID NOT NULL,
    "loadId" UUID NOT NULL,
    "vehicleId" UUID NOT NULL,
    "seq" INTEGER NOT NULL,
    "parcels" INTEGER NOT NULL,
    "weightG" INTEGER NOT NULL,
    "volumeCm3" INTEGER NOT NULL,
    "fillWeight" DOUBLE PRECISION NOT NULL,
    "fillVolume" DOUBLE PRECISION NOT NULL,
    "busyUntil" TIMESTAMPTZ(3) NOT NULL,
    "plannedMeters" INTEGER,
    "plannedMinutes" INTEGER,
    "stops" JSONB,
    "plannedAt" TIMESTAMPTZ(3),

    CONSTRAINT "LoadVehicle_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Load_key_key" ON "Load"("key");

-- CreateIndex
CREATE UNIQUE INDEX "Load_code_key" ON "Load"("code");

-- CreateIndex
CREATE INDEX "Load_countyCode_departAt_idx" ON "Load"("countyCode", "departAt");

-- CreateIndex
CREATE INDEX "Load_nodeId_departAt_idx" ON "Load"("nodeId", "departAt");

-- CreateIndex
CREATE INDEX "Load_status_cutoffAt_idx" ON "Load"("status", "cutoffAt");

-- CreateIndex
CREATE UNIQUE INDEX "LoadItem_legId_key" ON "LoadItem"("legId");

-- CreateIndex
CREATE INDEX "LoadItem_loadId_status_idx" ON "LoadItem"("loadId", "status");

-- CreateIndex
CREATE INDEX "LoadItem_shipmentId_idx" ON "LoadItem"("shipmentId");

-- CreateIndex
CREATE INDEX "LoadVehicle_vehicleId_busyUntil_idx" ON "LoadVehicle"("vehicleId", "busyUntil");

-- CreateIndex
CREATE UNIQUE INDEX "LoadVehicle_loadId_vehicleId_key" ON "LoadVehicle"("loadId", "vehicleId");

-- AddForeignKey
ALTER TABLE "LoadItem" ADD CONSTRAINT "LoadItem_loadId_fkey" FOREIGN KEY ("loadId") REFERENCES "Load"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LoadVehicle" ADD CONSTRAINT "LoadVehicle_loadId_fkey" FOREIGN KEY ("loadId") REFERENCES "Load"("id") ON DELETE CASCADE ON UPDATE CASCADE;
