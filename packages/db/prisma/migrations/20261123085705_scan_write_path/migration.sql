-- The scan write path updates every scanned parcel's row (status, node), and such an update cannot be HOT, so it
-- inserts into every index of "Shipment" that covers the new row. Fewer and partial indexes make each scan cheaper.

-- One unique index with the carrier's waybill number leading serves the scan look-up by carrier label too.
DROP INDEX IF EXISTS "Shipment_carrierWaybillNo_idx";
DROP INDEX IF EXISTS "Shipment_carrierId_carrierWaybillNo_key";
CREATE UNIQUE INDEX IF NOT EXISTS "Shipment_carrierWaybillNo_carrierId_key" ON "Shipment"("carrierWaybillNo", "carrierId");

-- The overdue board looks for yellow and red parcels only, green parcels (most of them) stay out of the index.
DROP INDEX IF EXISTS "Shipment_countyCode_light_idx";
CREATE INDEX IF NOT EXISTS "Shipment_light_open" ON "Shipment" ("countyCode", "light") WHERE "light" <> 'GREEN';

-- Only accepted upward parcels carry a sender ID.
DROP INDEX IF EXISTS "Shipment_senderIdHash_idx";
CREATE INDEX IF NOT EXISTS "Shipment_senderIdHash_set" ON "Shipment" ("senderIdHash") WHERE "senderIdHash" IS NOT NULL;
