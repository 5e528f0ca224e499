-- CreateEnum
CREATE TYPE "MerchantType" AS ENUM ('COOPERATIVE', 'ENTERPRISE', 'HOUSEHOLD');

-- CreateEnum
CREATE TYPE "ProductCategory" AS ENUM ('GRAIN', 'VEGETABLE', 'FRUIT', 'MEAT_POULTRY', 'EGG_DAIRY', 'AQUATIC', 'MUSHROOM', 'NUTS_DRIED', 'TEA_HERBAL', 'PROCESSED', 'HANDICRAFT', 'OTHER');

-- CreateEnum
CREATE TYPE "CertificationKind" AS ENUM ('GREEN_FOOD', 'ORGANIC', 'GEO_INDICATION');

-- CreateEnum
CREATE TYPE "VenueType" AS ENUM ('SUPERMARKET', 'MALL', 'HOTEL', 'WHOLESALE_MARKET', 'FARMERS_MARKET', 'AIRPORT_STATION', 'HIGHWAY_SERVICE_AREA', 'CANTEEN', 'ONLINE_CHANNEL');

-- CreateEnum
CREATE TYPE "ListingStatus" AS ENUM ('DRAFT', 'PENDING_REVIEW', 'ACTIVE', 'REJECTED', 'DELISTED');

-- CreateEnum
CREATE TYPE "SaleSource" AS ENUM ('ENTRY', 'UPLOAD');

-- CreateEnum
CREATE TYPE "RestockStatus" AS ENUM ('DRAFT', 'CONFIRMED', 'CANCELLED');

-- AlterEnum
ALTER TYPE "Role" ADD VALUE 'COUNTER_OPERATOR';

-- AlterTable
ALTER TABLE "Merchant" ADD COLUMN     "active" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "contactName" TEXT,
ADD COLUMN     "contactPhone" TEXT,
ADD COLUMN     "creditCode" TEXT,
ADD COLUMN     "originAreaCode" VARCHAR(12),
ADD COLUMN     "recognitionNo" TEXT,
ADD COLUMN     "recognitionValidUntil" DATE,
ADD COLUMN     "type" "MerchantType" NOT NULL DEFAULT 'COOPERATIVE';

-- CreateTable
CREATE TABLE "Product" (
    "id" UUID NOT NULL,
    "merchantId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "category" "ProductCategory" NOT NULL,
    "unit" TEXT NOT NULL,
    "spec" TEXT,
    "unitWeightG" INTEGER NOT NULL,
    "temp" "TempClass" NOT NULL DEFAULT 'AMBIENT',
    "shelfLifeDays" INTEGER NOT NULL,
    "regionalBrand" TEXT,
    "description" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Product_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProductCertification" (
    "id" UUID NOT NULL,
    "productId" UUID NOT NULL,
    "kind" "CertificationKind" NOT NULL,
    "number" TEXT NOT NULL,
    "validUntil" DATE NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ProductCertification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProductImage" (
    "id" UUID NOT NULL,
    "productId" UUID NOT NULL,
    "storageKey" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "sizeBytes" INTEGER NOT NULL,
    "width" INTEGER,
    "height" INTEGER,
    "sha256" TEXT NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProductImage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProductBatch" (
    "id" UUID NOT NULL,
    "productId" UUID NOT NULL,
    "merchantId" UUID NOT NULL,
    "batchNo" TEXT NOT NULL,
    "producedOn" DATE NOT NULL,
    "quantity" INTEGER NOT NULL,
    "originAreaCode" VARCHAR(12) NOT NULL,
    "traceCode" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProductBatch_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Counter" (
    "id" UUID NOT NULL,
    "countyCode" VARCHAR(6) NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "venueType" "VenueType" NOT NULL,
    "operatorName" TEXT NOT NULL,
    "address" TEXT,
    "areaCode" VARCHAR(12),
    "city" TEXT,
    "nodeId" UUID NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Counter_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CounterOperator" (
    "userId" UUID NOT NULL,
    "counterId" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CounterOperator_pkey" PRIMARY KEY ("userId","counterId")
);

-- CreateTable
CREATE TABLE "Listing" (
    "id" UUID NOT NULL,
    "productId" UUID NOT NULL,
    "counterId" UUID NOT NULL,
    "merchantId" UUID NOT NULL,
    "countyCode" VARCHAR(6) NOT NULL,
    "priceFen" INTEGER NOT NULL,
    "stock" INTEGER NOT NULL DEFAULT 0,
    "minStock" INTEGER NOT NULL DEFAULT 0,
    "status" "ListingStatus" NOT NULL DEFAULT 'DRAFT',
    "rejectReason" TEXT,
    "submittedAt" TIMESTAMPTZ(3),
    "submittedById" UUID,
    "reviewedAt" TIMESTAMPTZ(3),
    "reviewedById" UUID,
    "flaggedAt" TIMESTAMPTZ(3),
    "flagReason" TEXT,
    "delistedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Listing_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CounterSale" (
    "id" UUID NOT NULL,
    "listingId" UUID NOT NULL,
    "counterId" UUID NOT NULL,
    "batchId" UUID,
    "quantity" INTEGER NOT NULL,
    "unitPriceFen" INTEGER NOT NULL,
    "amountFen" INTEGER NOT NULL,
    "soldAt" TIMESTAMPTZ(3) NOT NULL,
    "clientRef" TEXT NOT NULL,
    "source" "SaleSource" NOT NULL DEFAULT 'ENTRY',
    "importRunId" UUID,
    "recordedById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CounterSale_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RestockOrder" (
    "id" UUID NOT NULL,
    "orderNo" TEXT NOT NULL,
    "countyCode" VARCHAR(6) NOT NULL,
    "counterId" UUID NOT NULL,
    "merchantId" UUID NOT NULL,
    "status" "RestockStatus" NOT NULL DEFAULT 'DRAFT',
    "note" TEXT,
    "clientRef" TEXT,
    "createdById" UUID,
    "confirmedAt" TIMESTAMPTZ(3),
    "confirmedById" UUID,
    "cancelledAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "RestockOrder_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RestockLine" (
    "id" UUID NOT NULL,
    "orderId" UUID NOT NULL,
    "listingId" UUID NOT NULL,
    "batchId" UUID,
    "quantity" INTEGER NOT NULL,

    CONSTRAINT "RestockLine_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RestockShipment" (
    "shipmentId" UUID NOT NULL,
    "orderId" UUID NOT NULL,
    "batchId" UUID,
    "units" INTEGER NOT NULL,

    CONSTRAINT "RestockShipment_pkey" PRIMARY KEY ("shipmentId")
);

-- CreateIndex
CREATE UNIQUE INDEX "Product_merchantId_name_spec_key" ON "Product"("merchantId", "name", "spec");

-- CreateIndex
CREATE UNIQUE INDEX "ProductCertification_productId_kind_key" ON "ProductCertification"("productId", "kind");

-- CreateIndex
CREATE UNIQUE INDEX "ProductImage_storageKey_key" ON "ProductImage"("storageKey");

-- CreateIndex
CREATE UNIQUE INDEX "ProductImage_productId_sha256_key" ON "ProductImage"("productId", "sha256");

-- CreateIndex
CREATE UNIQUE INDEX "ProductBatch_traceCode_key" ON "ProductBatch"("traceCode");

-- CreateIndex
CREATE INDEX "ProductBatch_merchantId_producedOn_idx" ON "ProductBatch"("merchantId", "producedOn");

-- CreateIndex
CREATE UNIQUE INDEX "ProductBatch_productId_batchNo_key" ON "ProductBatch"("productId", "batchNo");

-- CreateIndex
CREATE INDEX "Counter_nodeId_idx" ON "Counter"("nodeId");

-- CreateIndex
CREATE UNIQUE INDEX "Counter_countyCode_code_key" ON "Counter"("countyCode", "code");

-- CreateIndex
CREATE INDEX "CounterOperator_counterId_idx" ON "CounterOperator"("counterId");

-- CreateIndex
CREATE INDEX "Listing_countyCode_status_idx" ON "Listing"("countyCode", "status");

-- CreateIndex
CREATE INDEX "Listing_merchantId_status_idx" ON "Listing"("merchantId", "status");

-- CreateIndex
CREATE INDEX "Listing_counterId_status_idx" ON "Listing"("counterId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "Listing_productId_counterId_key" ON "Listing"("productId", "counterId");

-- CreateIndex
CREATE INDEX "CounterSale_listingId_soldAt_idx" ON "CounterSale"("listingId", "soldAt");

-- CreateIndex
CREATE INDEX "CounterSale_counterId_soldAt_idx" ON "CounterSale"("counterId", "soldAt");

-- CreateIndex
CREATE UNIQUE INDEX "CounterSale_counterId_clientRef_key" ON "CounterSale"("counterId", "clientRef");

-- CreateIndex
CREATE UNIQUE INDEX "RestockOrder_orderNo_key" ON "RestockOrder"("orderNo");

-- CreateIndex
CREATE UNIQUE INDEX "RestockOrder_clientRef_key" ON "RestockOrder"("clientRef");

-- CreateIndex
CREATE INDEX "RestockOrder_merchantId_createdAt_idx" ON "RestockOrder"("merchantId", "createdAt");

-- CreateIndex
CREATE INDEX "RestockOrder_counterId_createdAt_idx" ON "RestockOrder"("counterId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "RestockLine_orderId_listingId_batchId_key" ON "RestockLine"("orderId", "listingId", "batchId");

-- CreateIndex
CREATE INDEX "RestockShipment_orderId_idx" ON "RestockShipment"("orderId");

-- CreateIndex
CREATE INDEX "RestockShipment_batchId_idx" ON "RestockShipment"("batchId");

-- CreateIndex
CREATE UNIQUE INDEX "Merchant_countyCode_name_key" ON "Merchant"("countyCode", "name");

-- AddForeignKey
ALTER TABLE "Product" ADD CONSTRAINT "Product_merchantId_fkey" FOREIGN KEY ("merchantId") REFERENCES "Merchant"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProductCertification" ADD CONSTRAINT "ProductCertification_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProductImage" ADD CONSTRAINT "ProductImage_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProductBatch" ADD CONSTRAINT "ProductBatch_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProductBatch" ADD CONSTRAINT "ProductBatch_merchantId_fkey" FOREIGN KEY ("merchantId") REFERENCES "Merchant"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Counter" ADD CONSTRAINT "Counter_nodeId_fkey" FOREIGN KEY ("nodeId") REFERENCES "Node"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CounterOperator" ADD CONSTRAINT "CounterOperator_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CounterOperator" ADD CONSTRAINT "CounterOperator_counterId_fkey" FOREIGN KEY ("counterId") REFERENCES "Counter"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Listing" ADD CONSTRAINT "Listing_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Listing" ADD CONSTRAINT "Listing_counterId_fkey" FOREIGN KEY ("counterId") REFERENCES "Counter"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Listing" ADD CONSTRAINT "Listing_merchantId_fkey" FOREIGN KEY ("merchantId") REFERENCES "Merchant"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CounterSale" ADD CONSTRAINT "CounterSale_listingId_fkey" FOREIGN KEY ("listingId") REFERENCES "Listing"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CounterSale" ADD CONSTRAINT "CounterSale_counterId_fkey" FOREIGN KEY ("counterId") REFERENCES "Counter"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CounterSale" ADD CONSTRAINT "CounterSale_batchId_fkey" FOREIGN KEY ("batchId") REFERENCES "ProductBatch"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RestockOrder" ADD CONSTRAINT "RestockOrder_counterId_fkey" FOREIGN KEY ("counterId") REFERENCES "Counter"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RestockOrder" ADD CONSTRAINT "RestockOrder_merchantId_fkey" FOREIGN KEY ("merchantId") REFERENCES "Merchant"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RestockLine" ADD CONSTRAINT "RestockLine_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "RestockOrder"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RestockLine" ADD CONSTRAINT "RestockLine_listingId_fkey" FOREIGN KEY ("listingId") REFERENCES "Listing"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RestockLine" ADD CONSTRAINT "RestockLine_batchId_fkey" FOREIGN KEY ("batchId") REFERENCES "ProductBatch"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RestockShipment" ADD CONSTRAINT "RestockShipment_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "RestockOrder"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Invariants the database keeps, whatever the caller: stock never negative, money and quantities positive.
ALTER TABLE "Listing" ADD CONSTRAINT "Listing_stock_nonnegative" CHECK ("stock" >= 0);
ALTER TABLE "Listing" ADD CONSTRAINT "Listing_minStock_nonnegative" CHECK ("minStock" >= 0);
ALTER TABLE "Listing" ADD CONSTRAINT "Listing_price_positive" CHECK ("priceFen" > 0);
ALTER TABLE "CounterSale" ADD CONSTRAINT "CounterSale_quantity_positive" CHECK ("quantity" > 0);
ALTER TABLE "CounterSale" ADD CONSTRAINT "CounterSale_amount_nonnegative" CHECK ("amountFen" >= 0 AND "unitPriceFen" >= 0);
ALTER TABLE "ProductBatch" ADD CONSTRAINT "ProductBatch_quantity_positive" CHECK ("quantity" > 0);
ALTER TABLE "RestockLine" ADD CONSTRAINT "RestockLine_quantity_positive" CHECK ("quantity" > 0);
ALTER TABLE "Product" ADD CONSTRAINT "Product_unitWeight_positive" CHECK ("unitWeightG" > 0 AND "shelfLifeDays" > 0);

-- Restock order numbers: RS + yymmdd + serial (from this sequence, safe across API instances).
CREATE SEQUENCE "restock_serial";
