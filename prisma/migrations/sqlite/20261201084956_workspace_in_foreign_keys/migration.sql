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
    CONSTRAINT "User_roleId_workspaceId_fkey" FOREIGN KEY ("roleId", "workspaceId") REFERENCES "Role" ("id", "workspaceId") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "User_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "User_importRunId_fkey" FOREIGN KEY ("importRunId") REFERENCES "ImportRun" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_User" ("alias", "createdAt", "createdById", "deviceCount", "displayName", "email", "emailNormalized", "exchangeDomain", "exchangeUsername", "id", "importRunId", "lastLoginAt", "mustChangePassword", "nextStepsHintCount", "passwordHash", "phone", "roleId", "searchText", "sortName", "source", "status", "totpSecret", "twoFactor", "updatedAt", "workspaceId") SELECT "alias", "createdAt", "createdById", "deviceCount", "displayName", "email", "emailNormalized", "exchangeDomain", "exchangeUsername", "id", "importRunId", "lastLoginAt", "mustChangePassword", "nextStepsHintCount", "passwordHash", "phone", "roleId", "searchText", "sortName", "source", "status", "totpSecret", "twoFactor", "updatedAt", "workspaceId" FROM "User";
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
CREATE UNIQUE INDEX "User_id_workspaceId_key" ON "User"("id", "workspaceId");
CREATE TABLE "new_GroupMember" (
    "groupId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("groupId", "userId"),
    CONSTRAINT "GroupMember_groupId_workspaceId_fkey" FOREIGN KEY ("groupId", "workspaceId") REFERENCES "Group" ("id", "workspaceId") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "GroupMember_userId_workspaceId_fkey" FOREIGN KEY ("userId", "workspaceId") REFERENCES "User" ("id", "workspaceId") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "GroupMember_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_GroupMember" ("createdAt", "createdById", "groupId", "userId", "workspaceId") SELECT "createdAt", "createdById", "groupId", "userId", "workspaceId" FROM "GroupMember";
DROP TABLE "GroupMember";
ALTER TABLE "new_GroupMember" RENAME TO "GroupMember";
CREATE INDEX "GroupMember_userId_idx" ON "GroupMember"("userId");
CREATE TABLE "new_ProfileGroup" (
    "profileId" TEXT NOT NULL,
    "groupId" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,

    PRIMARY KEY ("profileId", "groupId"),
    CONSTRAINT "ProfileGroup_profileId_workspaceId_fkey" FOREIGN KEY ("profileId", "workspaceId") REFERENCES "Profile" ("id", "workspaceId") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ProfileGroup_groupId_workspaceId_fkey" FOREIGN KEY ("groupId", "workspaceId") REFERENCES "Group" ("id", "workspaceId") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ProfileGroup_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_ProfileGroup" ("groupId", "profileId", "workspaceId") SELECT "groupId", "profileId", (SELECT "workspaceId" FROM "Profile" WHERE "Profile"."id" = "ProfileGroup"."profileId") FROM "ProfileGroup";
DROP TABLE "ProfileGroup";
ALTER TABLE "new_ProfileGroup" RENAME TO "ProfileGroup";
CREATE INDEX "ProfileGroup_groupId_idx" ON "ProfileGroup"("groupId");
CREATE TABLE "new_ProfileUser" (
    "profileId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,

    PRIMARY KEY ("profileId", "userId"),
    CONSTRAINT "ProfileUser_profileId_workspaceId_fkey" FOREIGN KEY ("profileId", "workspaceId") REFERENCES "Profile" ("id", "workspaceId") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ProfileUser_userId_workspaceId_fkey" FOREIGN KEY ("userId", "workspaceId") REFERENCES "User" ("id", "workspaceId") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ProfileUser_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_ProfileUser" ("profileId", "userId", "workspaceId") SELECT "profileId", "userId", (SELECT "workspaceId" FROM "Profile" WHERE "Profile"."id" = "ProfileUser"."profileId") FROM "ProfileUser";
DROP TABLE "ProfileUser";
ALTER TABLE "new_ProfileUser" RENAME TO "ProfileUser";
CREATE INDEX "ProfileUser_userId_idx" ON "ProfileUser"("userId");
CREATE TABLE "new_Device" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "workspaceId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "enrollmentTokenId" TEXT,
    "osFamily" TEXT NOT NULL,
    "osVersion" TEXT NOT NULL DEFAULT '',
    "name" TEXT NOT NULL DEFAULT '',
    "model" TEXT NOT NULL DEFAULT '',
    "components" TEXT NOT NULL DEFAULT '',
    "credentialHash" TEXT NOT NULL,
    "enrolledAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastActivityAt" DATETIME,
    CONSTRAINT "Device_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Device_userId_workspaceId_fkey" FOREIGN KEY ("userId", "workspaceId") REFERENCES "User" ("id", "workspaceId") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Device_enrollmentTokenId_fkey" FOREIGN KEY ("enrollmentTokenId") REFERENCES "EnrollmentToken" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Device" ("components", "credentialHash", "enrolledAt", "enrollmentTokenId", "id", "lastActivityAt", "model", "name", "osFamily", "osVersion", "userId", "workspaceId") SELECT "components", "credentialHash", "enrolledAt", "enrollmentTokenId", "id", "lastActivityAt", "model", "name", "osFamily", "osVersion", "userId", "workspaceId" FROM "Device";
DROP TABLE "Device";
ALTER TABLE "new_Device" RENAME TO "Device";
CREATE UNIQUE INDEX "Device_credentialHash_key" ON "Device"("credentialHash");
CREATE INDEX "Device_workspaceId_lastActivityAt_id_idx" ON "Device"("workspaceId", "lastActivityAt", "id");
CREATE INDEX "Device_userId_idx" ON "Device"("userId");
CREATE INDEX "Device_enrollmentTokenId_idx" ON "Device"("enrollmentTokenId");
CREATE TABLE "new_EnrollmentToken" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "workspaceId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "kind" TEXT NOT NULL DEFAULT 'EMAIL',
    "expiresAt" DATETIME NOT NULL,
    "revokedAt" DATETIME,
    "mobileDevicesAllowed" INTEGER NOT NULL DEFAULT 1,
    "mobileDevicesUsed" INTEGER NOT NULL DEFAULT 0,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "EnrollmentToken_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "EnrollmentToken_userId_workspaceId_fkey" FOREIGN KEY ("userId", "workspaceId") REFERENCES "User" ("id", "workspaceId") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_EnrollmentToken" ("createdAt", "createdById", "expiresAt", "id", "kind", "mobileDevicesAllowed", "mobileDevicesUsed", "prefix", "revokedAt", "tokenHash", "userId", "workspaceId") SELECT "createdAt", "createdById", "expiresAt", "id", "kind", "mobileDevicesAllowed", "mobileDevicesUsed", "prefix", "revokedAt", "tokenHash", "userId", "workspaceId" FROM "EnrollmentToken";
DROP TABLE "EnrollmentToken";
ALTER TABLE "new_EnrollmentToken" RENAME TO "EnrollmentToken";
CREATE UNIQUE INDEX "EnrollmentToken_tokenHash_key" ON "EnrollmentToken"("tokenHash");
CREATE INDEX "EnrollmentToken_userId_idx" ON "EnrollmentToken"("userId");
CREATE TABLE "new_Session" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "idHash" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" DATETIME NOT NULL,
    "userAgent" TEXT NOT NULL DEFAULT '',
    CONSTRAINT "Session_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Session_userId_workspaceId_fkey" FOREIGN KEY ("userId", "workspaceId") REFERENCES "User" ("id", "workspaceId") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Session" ("createdAt", "expiresAt", "id", "idHash", "lastSeenAt", "userAgent", "userId", "workspaceId") SELECT "createdAt", "expiresAt", "id", "idHash", "lastSeenAt", "userAgent", "userId", "workspaceId" FROM "Session";
DROP TABLE "Session";
ALTER TABLE "new_Session" RENAME TO "Session";
CREATE UNIQUE INDEX "Session_idHash_key" ON "Session"("idHash");
CREATE INDEX "Session_userId_idx" ON "Session"("userId");
CREATE TABLE "new_ImportRow" (
    "importRunId" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
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
    CONSTRAINT "ImportRow_importRunId_workspaceId_fkey" FOREIGN KEY ("importRunId", "workspaceId") REFERENCES "ImportRun" ("id", "workspaceId") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ImportRow_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_ImportRow" ("email", "emailNormalized", "exchangeDomain", "exchangeUsername", "excluded", "existingUserId", "groups", "importRunId", "issues", "name", "outcome", "outcomeReason", "overLicense", "phone", "role", "rowNumber", "workspaceId") SELECT "email", "emailNormalized", "exchangeDomain", "exchangeUsername", "excluded", "existingUserId", "groups", "importRunId", "issues", "name", "outcome", "outcomeReason", "overLicense", "phone", "role", "rowNumber", (SELECT "workspaceId" FROM "ImportRun" WHERE "ImportRun"."id" = "ImportRow"."importRunId") FROM "ImportRow";
DROP TABLE "ImportRow";
ALTER TABLE "new_ImportRow" RENAME TO "ImportRow";
CREATE INDEX "ImportRow_importRunId_emailNormalized_idx" ON "ImportRow"("importRunId", "emailNormalized");
CREATE TABLE "new_ExportChunk" (
    "exportId" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "content" TEXT NOT NULL,

    PRIMARY KEY ("exportId", "seq"),
    CONSTRAINT "ExportChunk_exportId_workspaceId_fkey" FOREIGN KEY ("exportId", "workspaceId") REFERENCES "Export" ("id", "workspaceId") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ExportChunk_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_ExportChunk" ("content", "exportId", "seq", "workspaceId") SELECT "content", "exportId", "seq", (SELECT "workspaceId" FROM "Export" WHERE "Export"."id" = "ExportChunk"."exportId") FROM "ExportChunk";
DROP TABLE "ExportChunk";
ALTER TABLE "new_ExportChunk" RENAME TO "ExportChunk";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "Role_id_workspaceId_key" ON "Role"("id", "workspaceId");

-- CreateIndex
CREATE UNIQUE INDEX "Group_id_workspaceId_key" ON "Group"("id", "workspaceId");

-- CreateIndex
CREATE UNIQUE INDEX "Profile_id_workspaceId_key" ON "Profile"("id", "workspaceId");

-- CreateIndex
CREATE UNIQUE INDEX "ImportRun_id_workspaceId_key" ON "ImportRun"("id", "workspaceId");

-- CreateIndex
CREATE UNIQUE INDEX "Export_id_workspaceId_key" ON "Export"("id", "workspaceId");
