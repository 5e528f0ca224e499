-- AlterTable
ALTER TABLE "Shipment" ADD COLUMN     "senderOrgCode" VARCHAR(18);


-- Restock parcels already confirmed carry their merchant's registration as the sender's real name
UPDATE "Shipment" s SET "senderOrgCode" = m."creditCode"
FROM "RestockShipment" rs
JOIN "RestockOrder" o ON o.id = rs."orderId"
JOIN "Merchant" m ON m.id = o."merchantId"
WHERE s.id = rs."shipmentId" AND m."creditCode" IS NOT NULL AND length(m."creditCode") = 18;
