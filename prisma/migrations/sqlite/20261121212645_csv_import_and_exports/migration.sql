-- CreateTable
CREATE TABLE "ImportRun" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "workspaceId" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "fileSize" INTEGER NOT NULL,
    "encoding" TEXT NOT NULL,
    "delimiter" TEXT NOT NULL,
    "ignoredColumns" TEXT NOT NULL DEFAULT '[]',
    "rowCount" INTEGER NOT NULL,
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
    "outcome" TEXT,
    "outcomeReason" TEXT,

    PRIMARY KEY ("importRunId", "rowNumber"),
    CONSTRAINT "ImportRow_importRunId_fkey" FOREIGN KEY ("importRunId") REFERENCES "ImportRun" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Export" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "workspaceId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "rowCount" INTEGER NOT NULL DEFAULT 0,
    "actorId" TEXT,
    "actorEmail" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "completedAt" DATETIME,
    CONSTRAINT "Export_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ExportChunk" (
    "exportId" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "content" TEXT NOT NULL,

    PRIMARY KEY ("exportId", "seq"),
    CONSTRAINT "ExportChunk_exportId_fkey" FOREIGN KEY ("exportId") REFERENCES "Export" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_User" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "workspaceId" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "emailNormalized" TEXT NOT NULL,
    "alias" TEXT NOT NULL,
    "displayName" TEXT NOT NULL DEFAULT '',
    "sortName" TEXT NOT NULL,
    "phone" TEXT NOT NULL DEFAULT '',
    "searchText" TEXT NOT NULL,
    "roleId" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'ACTIVE',
    "passwordHash" TEXT,
    "mustChangePassword" BOOLEAN NOT NULL DEFAULT false,
    "totpSecret" TEXT,
    "twoFactor" TEXT NOT NULL DEFAULT 'NOT_AVAILABLE',
    "lastLoginAt" DATETIME,
    "deviceCount" INTEGER NOT NULL DEFAULT 0,
    "exchangeDomain" TEXT,
    "exchangeUsername" TEXT,
    "source" TEXT NOT NULL DEFAULT 'CONSOLE',
    "importRunId" TEXT,
    "nextStepsHintCount" INTEGER NOT NULL DEFAULT 0,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "User_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "User_roleId_fkey" FOREIGN KEY ("roleId") REFERENCES "Role" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "User_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "User_importRunId_fkey" FOREIGN KEY ("importRunId") REFERENCES "ImportRun" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_User" ("alias", "createdAt", "createdById", "deviceCount", "displayName", "email", "emailNormalized", "exchangeDomain", "exchangeUsername", "id", "lastLoginAt", "mustChangePassword", "nextStepsHintCount", "passwordHash", "phone", "roleId", "searchText", "sortName", "source", "status", "totpSecret", "twoFactor", "updatedAt", "workspaceId") SELECT "alias", "createdAt", "createdById", "deviceCount", "displayName", "email", "emailNormalized", "exchangeDomain", "exchangeUsername", "id", "lastLoginAt", "mustChangePassword", "nextStepsHintCount", "passwordHash", "phone", "roleId", "searchText", "sortName", "source", "status", "totpSecret", "twoFactor", "updatedAt", "workspaceId" FROM "User";
DROP TABLE "User";
ALTER TABLE "new_User" RENAME TO "User";
CREATE INDEX "User_workspaceId_sortName_id_idx" ON "User"("workspaceId", "sortName", "id");
CREATE INDEX "User_workspaceId_phone_id_idx" ON "User"("workspaceId", "phone", "id");
CREATE INDEX "User_workspaceId_deviceCount_id_idx" ON "User"("workspaceId", "deviceCount", "id");
CREATE INDEX "User_workspaceId_twoFactor_id_idx" ON "User"("workspaceId", "twoFactor", "id");
CREATE INDEX "User_workspaceId_lastLoginAt_id_idx" ON "User"("workspaceId", "lastLoginAt", "id");
CREATE INDEX "User_workspaceId_roleId_id_idx" ON "User"("workspaceId", "roleId", "id");
CREATE INDEX "User_workspaceId_createdAt_id_idx" ON "User"("workspaceId", "createdAt", "id");
CREATE INDEX "User_createdById_idx" ON "User"("createdById");
CREATE INDEX "User_importRunId_idx" ON "User"("importRunId");
CREATE UNIQUE INDEX "User_workspaceId_emailNormalized_key" ON "User"("workspaceId", "emailNormalized");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "ImportRun_workspaceId_createdAt_id_idx" ON "ImportRun"("workspaceId", "createdAt", "id");

-- CreateIndex
CREATE INDEX "ImportRun_status_lockedUntil_idx" ON "ImportRun"("status", "lockedUntil");

-- CreateIndex
CREATE INDEX "ImportRow_importRunId_emailNormalized_idx" ON "ImportRow"("importRunId", "emailNormalized");

-- CreateIndex
CREATE INDEX "Export_workspaceId_createdAt_id_idx" ON "Export"("workspaceId", "createdAt", "id");
