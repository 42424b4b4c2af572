-- CreateEnum
CREATE TYPE "ImportStatus" AS ENUM ('REVIEW', 'RUNNING', 'DONE', 'CANCELLED');

-- CreateEnum
CREATE TYPE "ImportExistingMode" AS ENUM ('SKIP', 'UPDATE');

-- CreateEnum
CREATE TYPE "ImportOutcome" AS ENUM ('CREATED', 'UPDATED', 'SKIPPED', 'FAILED');

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "importRunId" TEXT;

-- CreateTable
CREATE TABLE "ImportRun" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "fileSize" INTEGER NOT NULL,
    "encoding" TEXT NOT NULL,
    "delimiter" TEXT NOT NULL,
    "ignoredColumns" TEXT NOT NULL DEFAULT '[]',
    "rowCount" INTEGER NOT NULL,
    "status" "ImportStatus" NOT NULL DEFAULT 'REVIEW',
    "existingMode" "ImportExistingMode" NOT NULL DEFAULT 'SKIP',
    "cursor" INTEGER NOT NULL DEFAULT 0,
    "lockedUntil" TIMESTAMP(3),
    "created" INTEGER NOT NULL DEFAULT 0,
    "updated" INTEGER NOT NULL DEFAULT 0,
    "skipped" INTEGER NOT NULL DEFAULT 0,
    "failed" INTEGER NOT NULL DEFAULT 0,
    "invited" INTEGER NOT NULL DEFAULT 0,
    "inviteCursor" TEXT,
    "invitedAt" TIMESTAMP(3),
    "createdById" TEXT,
    "createdByEmail" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "ImportRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ImportRow" (
    "importRunId" TEXT NOT NULL,
    "rowNumber" INTEGER NOT NULL,
    "email" TEXT NOT NULL,
    "emailNormalized" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "phone" TEXT NOT NULL,
    "groups" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "exchangeDomain" TEXT NOT NULL,
    "exchangeUsername" TEXT NOT NULL,
    "issues" TEXT NOT NULL DEFAULT '[]',
    "overLicense" BOOLEAN NOT NULL DEFAULT false,
    "existingUserId" TEXT,
    "excluded" BOOLEAN NOT NULL DEFAULT false,
    "outcome" "ImportOutcome",
    "outcomeReason" TEXT,

    CONSTRAINT "ImportRow_pkey" PRIMARY KEY ("importRunId","rowNumber")
);

-- CreateTable
CREATE TABLE "Export" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "rowCount" INTEGER NOT NULL DEFAULT 0,
    "actorId" TEXT,
    "actorEmail" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "completedAt" TIMESTAMP(3),

    CONSTRAINT "Export_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ExportChunk" (
    "exportId" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "content" TEXT NOT NULL,

    CONSTRAINT "ExportChunk_pkey" PRIMARY KEY ("exportId","seq")
);

-- CreateIndex
CREATE INDEX "ImportRun_workspaceId_createdAt_id_idx" ON "ImportRun"("workspaceId", "createdAt", "id");

-- CreateIndex
CREATE INDEX "ImportRun_status_lockedUntil_idx" ON "ImportRun"("status", "lockedUntil");

-- CreateIndex
CREATE INDEX "ImportRow_importRunId_emailNormalized_idx" ON "ImportRow"("importRunId", "emailNormalized");

-- CreateIndex
CREATE INDEX "Export_workspaceId_createdAt_id_idx" ON "Export"("workspaceId", "createdAt", "id");

-- CreateIndex
CREATE INDEX "User_importRunId_idx" ON "User"("importRunId");

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_importRunId_fkey" FOREIGN KEY ("importRunId") REFERENCES "ImportRun"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImportRun" ADD CONSTRAINT "ImportRun_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImportRow" ADD CONSTRAINT "ImportRow_importRunId_fkey" FOREIGN KEY ("importRunId") REFERENCES "ImportRun"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Export" ADD CONSTRAINT "Export_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExportChunk" ADD CONSTRAINT "ExportChunk_exportId_fkey" FOREIGN KEY ("exportId") REFERENCES "Export"("id") ON DELETE CASCADE ON UPDATE CASCADE;
