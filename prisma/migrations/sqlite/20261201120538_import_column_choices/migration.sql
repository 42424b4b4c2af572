-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Workspace" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "importColumnChoices" TEXT NOT NULL DEFAULT '{}',
    "settings" TEXT NOT NULL DEFAULT '{}',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
INSERT INTO "new_Workspace" ("createdAt", "id", "name", "settings") SELECT "createdAt", "id", "name", "settings" FROM "Workspace";
DROP TABLE "Workspace";
ALTER TABLE "new_Workspace" RENAME TO "Workspace";
CREATE TABLE "new_ImportRun" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "workspaceId" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "fileSize" INTEGER NOT NULL,
    "encoding" TEXT NOT NULL,
    "delimiter" TEXT NOT NULL,
    "ignoredColumns" TEXT NOT NULL DEFAULT '[]',
    "rowCount" INTEGER NOT NULL,
    "checkedRows" INTEGER NOT NULL DEFAULT 0,
    "refusal" TEXT,
    "headerCells" TEXT NOT NULL DEFAULT '[]',
    "columnChoices" TEXT NOT NULL DEFAULT '{}',
    "status" TEXT NOT NULL DEFAULT 'REVIEW',
    "existingMode" TEXT NOT NULL DEFAULT 'SKIP',
    "cursor" INTEGER NOT NULL DEFAULT 0,
    "lockedUntil" DATETIME,
    "created" INTEGER NOT NULL DEFAULT 0,
    "updated" INTEGER NOT NULL DEFAULT 0,
    "skipped" INTEGER NOT NULL DEFAULT 0,
    "failed" INTEGER NOT NULL DEFAULT 0,
    "invited" INTEGER NOT NULL DEFAULT 0,
    "inviteCursor" TEXT,
    "invitedAt" DATETIME,
    "createdById" TEXT,
    "createdByEmail" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" DATETIME,
    "finishedAt" DATETIME,
    CONSTRAINT "ImportRun_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_ImportRun" ("checkedRows", "created", "createdAt", "createdByEmail", "createdById", "cursor", "delimiter", "encoding", "existingMode", "failed", "fileName", "fileSize", "finishedAt", "id", "ignoredColumns", "inviteCursor", "invited", "invitedAt", "lockedUntil", "refusal", "rowCount", "skipped", "startedAt", "status", "updated", "workspaceId") SELECT "checkedRows", "created", "createdAt", "createdByEmail", "createdById", "cursor", "delimiter", "encoding", "existingMode", "failed", "fileName", "fileSize", "finishedAt", "id", "ignoredColumns", "inviteCursor", "invited", "invitedAt", "lockedUntil", "refusal", "rowCount", "skipped", "startedAt", "status", "updated", "workspaceId" FROM "ImportRun";
DROP TABLE "ImportRun";
ALTER TABLE "new_ImportRun" RENAME TO "ImportRun";
CREATE INDEX "ImportRun_workspaceId_createdAt_id_idx" ON "ImportRun"("workspaceId", "createdAt", "id");
CREATE INDEX "ImportRun_status_lockedUntil_idx" ON "ImportRun"("status", "lockedUntil");
CREATE UNIQUE INDEX "ImportRun_id_workspaceId_key" ON "ImportRun"("id", "workspaceId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
