-- Issue 17: how a self-pickup node checks who collects a parcel (pickup code, phone digits, ID check)
CREATE TYPE "PickupCheck" AS ENUM ('CODE', 'CODE_OR_PHONE', 'CODE_PHONE_OR_ID');

ALTER TABLE "Node" ADD COLUMN "pickupCheck" "PickupCheck" NOT NULL DEFAULT 'CODE_OR_PHONE';
