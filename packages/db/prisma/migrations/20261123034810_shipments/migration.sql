-- CreateEnum
CREATE TYPE "Direction" AS ENUM ('DOWN', 'UP');

-- CreateEnum
CREATE TYPE "TempClass" AS ENUM ('AMBIENT', 'CHILLED', 'FROZEN');

-- CreateEnum
CREATE TYPE "ShipmentStatus" AS ENUM ('CREATED', 'ACCEPTED', 'AT_NODE', 'IN_TRANSIT', 'AWAITING_PICKUP', 'DELIVERED', 'RETURNED', 'EXCEPTION', 'CANCELLED');

-- CreateEnum
CREATE TYPE "Light" AS ENUM ('GREEN', 'YELLOW', 'RED');

-- CreateEnum
CREATE TYPE "LegStatus" AS ENUM ('PLANNED', 'DEPARTED', 'ARRIVED', 'CANCELLED');

-- CreateTable
CREATE TABLE "Shipment" (
    "id" UUID NOT NULL,
    "countyCode" VARCHAR(6) NOT NULL,
    "waybillNo" TEXT NOT NULL,
    "carrierId" UUID,
    "carrierWaybillNo" TEXT,
    "direction" "Direction" NOT NULL,
    "originNodeId" UUID NOT NULL,
    "destNodeId" UUID,
    "destAreaCode" VARCHAR(12),
    "outboundCity" TEXT,
    "selfPickup" BOOLEAN NOT NULL DEFAULT false,
    "recipientName" TEXT NOT NULL,
    "recipientPhone" TEXT NOT NULL,
    "recipientAddress" TEXT,
    "senderName" TEXT,
    "senderPhone" TEXT,
    "senderIdEnc" BYTEA,
    "senderIdHash" TEXT,
    "senderIdMasked" TEXT,
    "weightG" INTEGER NOT NULL,
    "lengthMm" INTEGER,
    "widthMm" INTEGER,
    "heightMm" INTEGER,
    "volumeCm3" INTEGER,
    "temp" "TempClass" NOT NULL DEFAULT 'AMBIENT',
    "contentsCategory" TEXT NOT NULL,
    "declaredValueFen" INTEGER NOT NULL DEFAULT 0,
    "status" "ShipmentStatus" NOT NULL DEFAULT 'CREATED',
    "currentNodeId" UUID,
    "promisedAt" TIMESTAMPTZ(3),
    "light" "Light" NOT NULL DEFAULT 'GREEN',
    "lightReason" TEXT,
    "lightChangedAt" TIMESTAMPTZ(3),
    "routeError" TEXT,
    "inspection" JSONB,
    "screening" JSONB,
    "acceptedAt" TIMESTAMPTZ(3),
    "acceptedById" UUID,
    "manifestId" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Shipment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ShipmentLeg" (
    "id" UUID NOT NULL,
    "shipmentId" UUID NOT NULL,
    "plan" INTEGER NOT NULL DEFAULT 1,
    "seq" INTEGER NOT NULL,
    "laneId" UUID NOT NULL,
    "laneCode" TEXT NOT NULL,
    "fromNodeId" UUID NOT NULL,
    "toNodeId" UUID NOT NULL,
    "plannedDepart" TIMESTAMPTZ(3) NOT NULL,
    "plannedArrive" TIMESTAMPTZ(3) NOT NULL,
    "actualDepart" TIMESTAMPTZ(3),
    "actualArrive" TIMESTAMPTZ(3),
    "status" "LegStatus" NOT NULL DEFAULT 'PLANNED',
    "light" "Light" NOT NULL DEFAULT 'GREEN',

    CONSTRAINT "ShipmentLeg_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ShipmentEvent" (
    "id" BIGSERIAL NOT NULL,
    "shipmentId" UUID NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "type" TEXT NOT NULL,
    "nodeId" UUID,
    "actorId" UUID,
    "details" JSONB,

    CONSTRAINT "ShipmentEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ArrivalManifest" (
    "id" UUID NOT NULL,
    "countyCode" VARCHAR(6) NOT NULL,
    "carrierId" UUID NOT NULL,
    "fileName" TEXT NOT NULL,
    "rows" INTEGER NOT NULL,
    "created" INTEGER NOT NULL,
    "unresolved" JSONB,
    "createdById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ArrivalManifest_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Shipment_waybillNo_key" ON "Shipment"("waybillNo");

-- CreateIndex
CREATE INDEX "Shipment_countyCode_status_idx" ON "Shipment"("countyCode", "status");

-- CreateIndex
CREATE INDEX "Shipment_countyCode_light_idx" ON "Shipment"("countyCode", "light");

-- CreateIndex
CREATE INDEX "Shipment_currentNodeId_idx" ON "Shipment"("currentNodeId");

-- CreateIndex
CREATE INDEX "Shipment_senderIdHash_idx" ON "Shipment"("senderIdHash");

-- CreateIndex
CREATE UNIQUE INDEX "Shipment_carrierId_carrierWaybillNo_key" ON "Shipment"("carrierId", "carrierWaybillNo");

-- CreateIndex
CREATE INDEX "ShipmentLeg_laneId_status_idx" ON "ShipmentLeg"("laneId", "status");

-- CreateIndex
CREATE INDEX "ShipmentLeg_fromNodeId_status_idx" ON "ShipmentLeg"("fromNodeId", "status");

-- CreateIndex
CREATE INDEX "ShipmentLeg_toNodeId_status_idx" ON "ShipmentLeg"("toNodeId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "ShipmentLeg_shipmentId_plan_seq_key" ON "ShipmentLeg"("shipmentId", "plan", "seq");

-- CreateIndex
CREATE INDEX "ShipmentEvent_shipmentId_at_idx" ON "ShipmentEvent"("shipmentId", "at");

-- AddForeignKey
ALTER TABLE "ShipmentLeg" ADD CONSTRAINT "ShipmentLeg_shipmentId_fkey" FOREIGN KEY ("shipmentId") REFERENCES "Shipment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ShipmentEvent" ADD CONSTRAINT "ShipmentEvent_shipmentId_fkey" FOREIGN KEY ("shipmentId") REFERENCES "Shipment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Serial numbers of the platform's own waybills (XD + 12 digits + check digit), shared by every process.
CREATE SEQUENCE "waybill_serial" START 100000001;
