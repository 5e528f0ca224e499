-- CreateEnum
CREATE TYPE "NodeOperator" AS ENUM ('POST', 'CARRIER', 'COOPERATIVE', 'SHOP_AGENT', 'GOVERNMENT', 'OTHER');

-- CreateEnum
CREATE TYPE "ColdClass" AS ENUM ('NONE', 'CHILLED', 'FROZEN', 'BOTH');

-- CreateEnum
CREATE TYPE "EnergyType" AS ENUM ('NEW_ENERGY', 'FUEL');

-- CreateEnum
CREATE TYPE "VehicleStatus" AS ENUM ('ACTIVE', 'MAINTENANCE', 'RETIRED');

-- CreateEnum
CREATE TYPE "LaneMode" AS ENUM ('TRUNK', 'MILK_RUN', 'BUS', 'DIRECT');

-- CreateEnum
CREATE TYPE "LaneStatus" AS ENUM ('ACTIVE', 'SUSPENDED');

-- AlterTable
ALTER TABLE "Node" ADD COLUMN     "coldChilled" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "coldFrozen" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "contactName" TEXT,
ADD COLUMN     "contactPhone" TEXT,
ADD COLUMN     "crossBorderReason" TEXT,
ADD COLUMN     "dailyCapacity" INTEGER,
ADD COLUMN     "filingNumber" TEXT,
ADD COLUMN     "handlingMinutes" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "openingHours" TEXT,
ADD COLUMN     "operator" "NodeOperator" NOT NULL DEFAULT 'OTHER',
ADD COLUMN     "operatorCarrierId" UUID,
ADD COLUMN     "parcelLocker" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "passengerStop" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "recyclables" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "selfPickup" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "suspendedReason" TEXT,
ADD COLUMN     "suspendedUntil" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "Carrier" (
    "id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "waybillPattern" TEXT,
    "creditGrade" TEXT NOT NULL DEFAULT 'B',
    "blacklisted" BOOLEAN NOT NULL DEFAULT false,
    "blacklistReason" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Carrier_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Vehicle" (
    "id" UUID NOT NULL,
    "countyCode" VARCHAR(6) NOT NULL,
    "number" TEXT NOT NULL,
    "plate" TEXT NOT NULL,
    "homeNodeId" UUID NOT NULL,
    "carrierId" UUID,
    "capacityKg" INTEGER NOT NULL,
    "capacityL" INTEGER NOT NULL,
    "cold" "ColdClass" NOT NULL DEFAULT 'NONE',
    "energy" "EnergyType" NOT NULL DEFAULT 'FUEL',
    "status" "VehicleStatus" NOT NULL DEFAULT 'ACTIVE',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Vehicle_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Lane" (
    "id" UUID NOT NULL,
    "countyCode" VARCHAR(6) NOT NULL,
    "code" TEXT NOT NULL,
    "fromNodeId" UUID NOT NULL,
    "toNodeId" UUID NOT NULL,
    "mode" "LaneMode" NOT NULL,
    "directReason" TEXT,
    "departures" TEXT[],
    "weekdays" INTEGER[],
    "cutoffMinutes" INTEGER NOT NULL DEFAULT 0,
    "transitMinutes" INTEGER NOT NULL,
    "cold" BOOLEAN NOT NULL DEFAULT false,
    "stopAreaCodes" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "status" "LaneStatus" NOT NULL DEFAULT 'ACTIVE',
    "suspendedReason" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Lane_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Carrier_code_key" ON "Carrier"("code");

-- CreateIndex
CREATE UNIQUE INDEX "Vehicle_countyCode_number_key" ON "Vehicle"("countyCode", "number");

-- CreateIndex
CREATE UNIQUE INDEX "Vehicle_countyCode_plate_key" ON "Vehicle"("countyCode", "plate");

-- CreateIndex
CREATE INDEX "Lane_fromNodeId_idx" ON "Lane"("fromNodeId");

-- CreateIndex
CREATE INDEX "Lane_toNodeId_idx" ON "Lane"("toNodeId");

-- CreateIndex
CREATE UNIQUE INDEX "Lane_countyCode_code_key" ON "Lane"("countyCode", "code");

-- CreateIndex
CREATE INDEX "Node_areaCode_idx" ON "Node"("areaCode");

-- AddForeignKey
ALTER TABLE "Node" ADD CONSTRAINT "Node_operatorCarrierId_fkey" FOREIGN KEY ("operatorCarrierId") REFERENCES "Carrier"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Vehicle" ADD CONSTRAINT "Vehicle_countyCode_fkey" FOREIGN KEY ("countyCode") REFERENCES "County"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Vehicle" ADD CONSTRAINT "Vehicle_homeNodeId_fkey" FOREIGN KEY ("homeNodeId") REFERENCES "Node"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Vehicle" ADD CONSTRAINT "Vehicle_carrierId_fkey" FOREIGN KEY ("carrierId") REFERENCES "Carrier"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Lane" ADD CONSTRAINT "Lane_countyCode_fkey" FOREIGN KEY ("countyCode") REFERENCES "County"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Lane" ADD CONSTRAINT "Lane_fromNodeId_fkey" FOREIGN KEY ("fromNodeId") REFERENCES "Node"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Lane" ADD CONSTRAINT "Lane_toNodeId_fkey" FOREIGN KEY ("toNodeId") REFERENCES "Node"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
