-- CreateEnum
CREATE TYPE "ApiClientKind" AS ENUM ('CARRIER', 'PLATFORM');

-- CreateEnum
CREATE TYPE "WebhookStatus" AS ENUM ('ACTIVE', 'DISABLED');

-- CreateEnum
CREATE TYPE "WebhookDeliveryStatus" AS ENUM ('PENDING', 'DELIVERED', 'FAILED');

-- AlterTable
ALTER TABLE "Notification" ADD COLUMN     "errorCode" TEXT,
ADD COLUMN     "provider" TEXT NOT NULL DEFAULT 'LOG',
ADD COLUMN     "providerMessageId" TEXT,
ADD COLUMN     "receipt" JSONB,
ADD COLUMN     "receiptAt" TIMESTAMPTZ(3),
ADD COLUMN     "sentAt" TIMESTAMPTZ(3),
ADD COLUMN     "status" TEXT NOT NULL DEFAULT 'LOGGED';

-- AlterTable
ALTER TABLE "Shipment" ADD COLUMN     "clientId" UUID,
ADD COLUMN     "parentId" UUID;

-- CreateTable
CREATE TABLE "SmsOptOut" (
    "phone" TEXT NOT NULL,
    "reason" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SmsOptOut_pkey" PRIMARY KEY ("phone")
);

-- CreateTable
CREATE TABLE "ApiClient" (
    "id" UUID NOT NULL,
    "countyCode" VARCHAR(6) NOT NULL,
    "kind" "ApiClientKind" NOT NULL,
    "name" TEXT NOT NULL,
    "carrierId" UUID,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ApiClient_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApiKey" (
    "id" UUID NOT NULL,
    "clientId" UUID NOT NULL,
    "prefix" TEXT NOT NULL,
    "secretHash" TEXT NOT NULL,
    "scopes" TEXT[],
    "label" TEXT,
    "createdById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" TIMESTAMPTZ(3),
    "expiresAt" TIMESTAMPTZ(3),
    "revokedAt" TIMESTAMPTZ(3),
    "replacesId" UUID,

    CONSTRAINT "ApiKey_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApiEvent" (
    "id" BIGSERIAL NOT NULL,
    "seq" BIGINT,
    "shipmentId" UUID NOT NULL,
    "countyCode" VARCHAR(6) NOT NULL,
    "carrierId" UUID,
    "clientId" UUID,
    "source" TEXT NOT NULL,
    "sourceId" BIGINT NOT NULL,
    "kind" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "nodeId" UUID,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "details" JSONB,
    "type" TEXT,
    "code" TEXT,
    "sequencedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ApiEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WebhookSubscription" (
    "id" UUID NOT NULL,
    "clientId" UUID NOT NULL,
    "url" TEXT NOT NULL,
    "events" TEXT[],
    "secretEnc" BYTEA NOT NULL,
    "status" "WebhookStatus" NOT NULL DEFAULT 'ACTIVE',
    "disabledAt" TIMESTAMPTZ(3),
    "disabledReason" TEXT,
    "leaseUntil" TIMESTAMPTZ(3),
    "leaseOwner" TEXT,
    "createdById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deletedAt" TIMESTAMPTZ(3),

    CONSTRAINT "WebhookSubscription_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WebhookDelivery" (
    "id" BIGSERIAL NOT NULL,
    "subscriptionId" UUID NOT NULL,
    "eventSeq" BIGINT NOT NULL,
    "redelivery" BOOLEAN NOT NULL DEFAULT false,
    "status" "WebhookDeliveryStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "firstFailedAt" TIMESTAMPTZ(3),
    "lastAttemptAt" TIMESTAMPTZ(3),
    "responseStatus" INTEGER,
    "latencyMs" INTEGER,
    "lastError" TEXT,
    "deliveredAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WebhookDelivery_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ApiClient_countyCode_name_key" ON "ApiClient"("countyCode", "name");

-- CreateIndex
CREATE UNIQUE INDEX "ApiClient_countyCode_carrierId_key" ON "ApiClient"("countyCode", "carrierId");

-- CreateIndex
CREATE UNIQUE INDEX "ApiKey_prefix_key" ON "ApiKey"("prefix");

-- CreateIndex
CREATE UNIQUE INDEX "ApiKey_secretHash_key" ON "ApiKey"("secretHash");

-- CreateIndex
CREATE INDEX "ApiKey_clientId_idx" ON "ApiKey"("clientId");

-- CreateIndex
CREATE UNIQUE INDEX "ApiEvent_seq_key" ON "ApiEvent"("seq");

-- CreateIndex
CREATE INDEX "ApiEvent_countyCode_carrierId_seq_idx" ON "ApiEvent"("countyCode", "carrierId", "seq");

-- CreateIndex
CREATE INDEX "ApiEvent_clientId_seq_idx" ON "ApiEvent"("clientId", "seq");

-- CreateIndex
CREATE INDEX "ApiEvent_shipmentId_seq_idx" ON "ApiEvent"("shipmentId", "seq");

-- CreateIndex
CREATE UNIQUE INDEX "ApiEvent_source_sourceId_key" ON "ApiEvent"("source", "sourceId");

-- CreateIndex
CREATE INDEX "WebhookSubscription_clientId_idx" ON "WebhookSubscription"("clientId");

-- CreateIndex
CREATE INDEX "WebhookDelivery_subscriptionId_status_id_idx" ON "WebhookDelivery"("subscriptionId", "status", "id");

-- CreateIndex
CREATE INDEX "WebhookDelivery_subscriptionId_createdAt_idx" ON "WebhookDelivery"("subscriptionId", "createdAt");

-- CreateIndex
CREATE INDEX "Notification_recipient_createdAt_idx" ON "Notification"("recipient", "createdAt");

-- CreateIndex
CREATE INDEX "Notification_providerMessageId_idx" ON "Notification"("providerMessageId");

-- CreateIndex
CREATE INDEX "Shipment_clientId_idx" ON "Shipment"("clientId");

-- AddForeignKey
ALTER TABLE "ApiKey" ADD CONSTRAINT "ApiKey_clientId_fkey" FOREIGN KEY ("clientId") REFERENCES "ApiClient"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WebhookSubscription" ADD CONSTRAINT "WebhookSubscription_clientId_fkey" FOREIGN KEY ("clientId") REFERENCES "ApiClient"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WebhookDelivery" ADD CONSTRAINT "WebhookDelivery_subscriptionId_fkey" FOREIGN KEY ("subscriptionId") REFERENCES "WebhookSubscription"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- The sequencer's queue: events not yet given their place in the feed.
CREATE INDEX "ApiEvent_unsequenced" ON "ApiEvent"("id") WHERE "seq" IS NULL;

-- A webhook's deliveries are found by event too (redelivery of an event, of a time range).
CREATE INDEX "WebhookDelivery_eventSeq_idx" ON "WebhookDelivery"("eventSeq");

-- The feed of the open platform: every accepted scan and every timeline entry an organisation sees, written in the
-- transaction that wrote the scan or the entry (whatever wrote it: the services, raw SQL batches), once per statement.
-- (A body is an E-string with \073 for each semicolon: Prisma splits a migration at every semicolon.)
-- Only parcels of a carrier or pre-advised by an API client, and only the entries an integrator is told about.
CREATE FUNCTION xd_api_event_from_scans() RETURNS trigger LANGUAGE plpgsql AS E'BEGIN INSERT INTO "ApiEvent" ("shipmentId", "countyCode", "carrierId", "clientId", source, "sourceId", kind, status, "nodeId", at, details) SELECT n."shipmentId", s."countyCode", s."carrierId", s."clientId", ''SCAN'', n.id, CASE WHEN n.outcome = ''MISROUTED'' THEN ''MISROUTED'' ELSE n.action END, COALESCE(n.result -> ''shipment'' ->> ''status'', s.status::text), n."nodeId", n."receivedAt", jsonb_strip_nulls(jsonb_build_object(''shelfSlot'', n.result ->> ''shelfSlot'', ''reason'', n.result ->> ''reason'', ''expected'', n.result -> ''expected'' ->> ''code'')) FROM new_scans n JOIN "Shipment" s ON s.id = n."shipmentId" WHERE n.outcome IN (''OK'', ''MISROUTED'') AND (s."carrierId" IS NOT NULL OR s."clientId" IS NOT NULL) ON CONFLICT (source, "sourceId") DO NOTHING\073 RETURN NULL\073 END';

CREATE FUNCTION xd_api_event_from_timeline() RETURNS trigger LANGUAGE plpgsql AS E'BEGIN INSERT INTO "ApiEvent" ("shipmentId", "countyCode", "carrierId", "clientId", source, "sourceId", kind, status, "nodeId", at, details) SELECT n."shipmentId", s."countyCode", s."carrierId", s."clientId", ''TIMELINE'', n.id, n.type, s.status::text, n."nodeId", n.at, CASE WHEN n.type IN (''RETURNED'', ''LOST'', ''RETURN_FLAGGED'') THEN n.details ELSE NULL END FROM new_entries n JOIN "Shipment" s ON s.id = n."shipmentId" WHERE n.type IN (''CREATED'', ''PRE_ADVISED'', ''ACCEPTED'', ''MANIFEST_ARRIVAL'', ''MANIFEST_ANNOUNCED'', ''RETURN_FLAGGED'', ''RETURNED'', ''LOST'') AND (s."carrierId" IS NOT NULL OR s."clientId" IS NOT NULL) ON CONFLICT (source, "sourceId") DO NOTHING\073 RETURN NULL\073 END';

CREATE TRIGGER "ScanEvent_api_event" AFTER INSERT ON "ScanEvent"
  REFERENCING NEW TABLE AS new_scans FOR EACH STATEMENT EXECUTE FUNCTION xd_api_event_from_scans();

CREATE TRIGGER "ShipmentEvent_api_event" AFTER INSERT ON "ShipmentEvent"
  REFERENCING NEW TABLE AS new_entries FOR EACH STATEMENT EXECUTE FUNCTION xd_api_event_from_timeline();
