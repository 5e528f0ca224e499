-- CreateIndex
CREATE INDEX "ApiEvent_countyCode_carrierId_at_idx" ON "ApiEvent"("countyCode", "carrierId", "at");

-- CreateIndex
CREATE INDEX "ApiEvent_clientId_at_idx" ON "ApiEvent"("clientId", "at");

-- CreateIndex
CREATE INDEX "Shipment_countyCode_carrierId_createdAt_idx" ON "Shipment"("countyCode", "carrierId", "createdAt");

