-- A platform's parcels (no carrier) are unique by the platform's own number, as a carrier's are by carrier and number:
-- pre-advice sent twice, or by two calls at once, creates each parcel once.
CREATE UNIQUE INDEX "Shipment_client_waybill" ON "Shipment"("clientId", "carrierWaybillNo") WHERE "carrierId" IS NULL AND "clientId" IS NOT NULL;
