-- AlterTable
ALTER TABLE "ArrivalManifest" ADD COLUMN     "nodeId" UUID;

-- CreateIndex
CREATE INDEX "ArrivalManifest_nodeId_createdAt_idx" ON "ArrivalManifest"("nodeId", "createdAt");


-- A manifest's parcels (received and still expected), read by the station's manifest list.
CREATE INDEX "Shipment_manifestId_idx" ON "Shipment" ("manifestId") WHERE "manifestId" IS NOT NULL;

-- Manifests imported before nodes were recorded arrived at their county's hub.
UPDATE "ArrivalManifest" m SET "nodeId" = (
  SELECT n.id FROM "Node" n WHERE n."countyCode" = m."countyCode" AND n.tier = 'COUNTY_HUB' ORDER BY n.status, n.code LIMIT 1
) WHERE m."nodeId" IS NULL;
