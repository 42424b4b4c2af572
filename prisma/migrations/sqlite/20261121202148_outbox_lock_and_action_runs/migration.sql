-- AlterTable
ALTER TABLE "EmailMessage" ADD COLUMN "lockedUntil" DATETIME;

-- CreateTable
CREATE TABLE "ActionRun" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "workspaceId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "result" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ActionRun_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "ActionRun_workspaceId_createdAt_idx" ON "ActionRun"("workspaceId", "createdAt");
