-- Stocktakes of a node's pickup shelves (盘库): the count, the scans from every device, the fixes.
CREATE TYPE "StocktakeStatus" AS ENUM ('OPEN', 'CLOSED');

CREATE TABLE "Stocktake" (
    "id" UUID NOT NULL,
    "countyCode" VARCHAR(6) NOT NULL,
    "nodeId" UUID NOT NULL,
    "status" "StocktakeStatus" NOT NULL DEFAULT 'OPEN',
    "startedById" UUID,
    "startedAt" TIMESTAMPTZ(3) NOT NULL,
    "closedById" UUID,
    "closedAt" TIMESTAMPTZ(3),
    CONSTRAINT "Stocktake_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "StocktakeScan" (
    "id" UUID NOT NULL,
    "stocktakeId" UUID NOT NULL,
    "slot" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "shipmentId" UUID,
    "userId" UUID,
    "scannedAt" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "StocktakeScan_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "StocktakeFix" (
    "id" UUID NOT NULL,
    "stocktakeId" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "shipmentId" UUID,
    "code" TEXT NOT NULL,
    "fromSlot" TEXT,
    "toSlot" TEXT,
    "userId" UUID,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "result" JSONB NOT NULL,
    CONSTRAINT "StocktakeFix_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "Stocktake_nodeId_startedAt_idx" ON "Stocktake"("nodeId", "startedAt");
CREATE INDEX "StocktakeScan_stocktakeId_scannedAt_idx" ON "StocktakeScan"("stocktakeId", "scannedAt");
CREATE INDEX "StocktakeFix_stocktakeId_at_idx" ON "StocktakeFix"("stocktakeId", "at");

-- At most one open stocktake per node: a second device starting one joins it.
CREATE UNIQUE INDEX "Stocktake_one_open" ON "Stocktake"("nodeId") WHERE "status" = 'OPEN';

ALTER TABLE "StocktakeScan" ADD CONSTRAINT "StocktakeScan_stocktakeId_fkey" FOREIGN KEY ("stocktakeId") REFERENCES "Stocktake"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "StocktakeFix" ADD CONSTRAINT "StocktakeFix_stocktakeId_fkey" FOREIGN KEY ("stocktakeId") REFERENCES "Stocktake"("id") ON DELETE CASCADE ON UPDATE CASCADE;
