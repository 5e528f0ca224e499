-- AlterTable
ALTER TABLE "Shipment" ADD COLUMN     "finishedAt" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "DailyShipmentStat" (
    "countyCode" VARCHAR(6) NOT NULL,
    "day" DATE NOT NULL,
    "townshipCode" VARCHAR(12) NOT NULL,
    "carrierId" VARCHAR(36) NOT NULL,
    "direction" "Direction" NOT NULL,
    "created" INTEGER NOT NULL DEFAULT 0,
    "weightG" BIGINT NOT NULL DEFAULT 0,
    "finished" INTEGER NOT NULL DEFAULT 0,
    "onTime" INTEGER NOT NULL DEFAULT 0,
    "late" INTEGER NOT NULL DEFAULT 0,
    "lateMinutes" BIGINT NOT NULL DEFAULT 0,
    "returned" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DailyShipmentStat_pkey" PRIMARY KEY ("countyCode","day","townshipCode","carrierId","direction")
);

-- CreateTable
CREATE TABLE "DailyLegStat" (
    "countyCode" VARCHAR(6) NOT NULL,
    "day" DATE NOT NULL,
    "townshipCode" VARCHAR(12) NOT NULL,
    "carrierId" VARCHAR(36) NOT NULL,
    "direction" "Direction" NOT NULL,
    "legKind" TEXT NOT NULL,
    "arrived" INTEGER NOT NULL DEFAULT 0,
    "onTime" INTEGER NOT NULL DEFAULT 0,
    "lateMinutes" BIGINT NOT NULL DEFAULT 0,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DailyLegStat_pkey" PRIMARY KEY ("countyCode","day","townshipCode","carrierId","direction","legKind")
);

-- CreateTable
CREATE TABLE "DailyConsolidationStat" (
    "countyCode" VARCHAR(6) NOT NULL,
    "day" DATE NOT NULL,
    "townshipCode" VARCHAR(12) NOT NULL,
    "milkRun" BOOLEAN NOT NULL,
    "loads" INTEGER NOT NULL DEFAULT 0,
    "vehicles" INTEGER NOT NULL DEFAULT 0,
    "parcels" INTEGER NOT NULL DEFAULT 0,
    "fillWeightSum" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "fillVolumeSum" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "loadsWithVehicles" INTEGER NOT NULL DEFAULT 0,
    "plannedKm" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "emptyKm" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "baselineTrips" INTEGER NOT NULL DEFAULT 0,
    "baselineKm" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DailyConsolidationStat_pkey" PRIMARY KEY ("countyCode","day","townshipCode","milkRun")
);

-- CreateTable
CREATE TABLE "DailySalesStat" (
    "countyCode" VARCHAR(6) NOT NULL,
    "day" DATE NOT NULL,
    "counterId" UUID NOT NULL,
    "venueType" "VenueType" NOT NULL,
    "productId" UUID NOT NULL,
    "poorVillage" BOOLEAN NOT NULL,
    "quantity" INTEGER NOT NULL DEFAULT 0,
    "amountFen" BIGINT NOT NULL DEFAULT 0,
    "sales" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DailySalesStat_pkey" PRIMARY KEY ("countyCode","day","counterId","productId")
);

-- CreateTable
CREATE TABLE "DailyLightSnapshot" (
    "countyCode" VARCHAR(6) NOT NULL,
    "day" DATE NOT NULL,
    "townshipCode" VARCHAR(12) NOT NULL,
    "green" INTEGER NOT NULL DEFAULT 0,
    "yellow" INTEGER NOT NULL DEFAULT 0,
    "red" INTEGER NOT NULL DEFAULT 0,
    "takenAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "DailyLightSnapshot_pkey" PRIMARY KEY ("countyCode","day","townshipCode")
);

-- CreateTable
CREATE TABLE "RedAlert" (
    "id" UUID NOT NULL,
    "countyCode" VARCHAR(6) NOT NULL,
    "shipmentId" UUID NOT NULL,
    "nodeId" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "reason" TEXT,
    "promisedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "notifiedAt" TIMESTAMPTZ(3),
    "notifiedById" UUID,
    "resolvedAt" TIMESTAMPTZ(3),

    CONSTRAINT "RedAlert_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "DailyShipmentStat_countyCode_day_idx" ON "DailyShipmentStat"("countyCode", "day");

-- CreateIndex
CREATE INDEX "DailyLegStat_countyCode_day_idx" ON "DailyLegStat"("countyCode", "day");

-- CreateIndex
CREATE INDEX "DailyConsolidationStat_countyCode_day_idx" ON "DailyConsolidationStat"("countyCode", "day");

-- CreateIndex
CREATE INDEX "DailySalesStat_countyCode_day_idx" ON "DailySalesStat"("countyCode", "day");

-- CreateIndex
CREATE UNIQUE INDEX "RedAlert_key_key" ON "RedAlert"("key");

-- CreateIndex
CREATE INDEX "RedAlert_countyCode_resolvedAt_idx" ON "RedAlert"("countyCode", "resolvedAt");

-- CreateIndex
CREATE INDEX "RedAlert_nodeId_resolvedAt_idx" ON "RedAlert"("nodeId", "resolvedAt");


-- Dashboard roll-ups find a day's parcels without a full index on hot columns: BRIN on createdAt (rows arrive in
-- time order, and a BRIN entry costs next to nothing on a scan's update), and a partial index on finished parcels.
CREATE INDEX "Shipment_created_brin" ON "Shipment" USING brin ("createdAt") WITH (pages_per_range = 32);
CREATE INDEX "Shipment_finished" ON "Shipment" ("countyCode", "finishedAt") WHERE "finishedAt" IS NOT NULL;

-- Parcels finished before this migration: the final node's arrival (or the delivering scan) is the finish.
UPDATE "Shipment" s SET "finishedAt" = coalesce(s."lastScanAt", s."updatedAt")
WHERE s.status IN ('DELIVERED', 'RETURNED') AND s."finishedAt" IS NULL;
