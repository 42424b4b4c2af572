-- AlterTable
ALTER TABLE "EmailMessage" ADD COLUMN     "lockedUntil" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "ActionRun" (
    "key" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "result" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ActionRun_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "ActionRun_workspaceId_createdAt_idx" ON "ActionRun"("workspaceId", "createdAt");

-- AddForeignKey
ALTER TABLE "ActionRun" ADD CONSTRAINT "ActionRun_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;
