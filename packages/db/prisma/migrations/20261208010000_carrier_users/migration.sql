-- AlterEnum
ALTER TYPE "Role" ADD VALUE 'CARRIER_USER';

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "apiClientId" UUID;

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_apiClientId_fkey" FOREIGN KEY ("apiClientId") REFERENCES "ApiClient"("id") ON DELETE SET NULL ON UPDATE CASCADE;

