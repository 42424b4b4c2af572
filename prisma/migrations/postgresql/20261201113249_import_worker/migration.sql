-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "ImportStatus" ADD VALUE 'UPLOADING';
ALTER TYPE "ImportStatus" ADD VALUE 'CHECKING';
ALTER TYPE "ImportStatus" ADD VALUE 'REFUSED';

-- AlterTable
ALTER TABLE "ImportRun" ADD COLUMN     "checkedRows" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "refusal" TEXT;

-- CreateTable
CREATE TABLE "ImportUpload" (
    "importRunId" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "data" BYTEA NOT NULL,

    CONSTRAINT "ImportUpload_pkey" PRIMARY KEY ("importRunId","seq")
);

-- AddForeignKey
ALTER TABLE "ImportUpload" ADD CONSTRAINT "ImportUpload_importRunId_workspaceId_fkey" FOREIGN KEY ("importRunId", "workspaceId") REFERENCES "ImportRun"("id", "workspaceId") ON DELETE CASCADE ON UPDATE CASCADE;
