-- AlterTable
ALTER TABLE "ImportRun" ADD COLUMN     "params" JSONB;
