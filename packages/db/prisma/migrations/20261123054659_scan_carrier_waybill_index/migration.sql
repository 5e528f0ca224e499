-- CreateIndex
CREATE INDEX "Shipment_carrierWaybillNo_idx" ON "Shipment"("carrierWaybillNo");
