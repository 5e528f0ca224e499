-- AlterTable
ALTER TABLE "RestockShipment" ADD COLUMN     "lineId" UUID,
ADD COLUMN     "stockedAt" TIMESTAMPTZ(3);

-- AddForeignKey
ALTER TABLE "RestockShipment" ADD CONSTRAINT "RestockShipment_lineId_fkey" FOREIGN KEY ("lineId") REFERENCES "RestockLine"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Link the parcels of orders confirmed before this to their line where the order and batch tell it apart
UPDATE "RestockShipment" rs SET "lineId" = m.id
FROM (
  SELECT rs2."shipmentId", min(l.id::text)::uuid AS id
  FROM "RestockShipment" rs2
  JOIN "RestockLine" l ON l."orderId" = rs2."orderId" AND l."batchId" IS NOT DISTINCT FROM rs2."batchId"
  GROUP BY rs2."shipmentId"
  HAVING count(*) = 1
) m
WHERE rs."shipmentId" = m."shipmentId";
