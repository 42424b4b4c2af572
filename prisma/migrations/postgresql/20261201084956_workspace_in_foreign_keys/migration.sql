-- DropForeignKey
ALTER TABLE "User" DROP CONSTRAINT "User_roleId_fkey";

-- DropForeignKey
ALTER TABLE "GroupMember" DROP CONSTRAINT "GroupMember_groupId_fkey";

-- DropForeignKey
ALTER TABLE "GroupMember" DROP CONSTRAINT "GroupMember_userId_fkey";

-- DropForeignKey
ALTER TABLE "ProfileGroup" DROP CONSTRAINT "ProfileGroup_profileId_fkey";

-- DropForeignKey
ALTER TABLE "ProfileGroup" DROP CONSTRAINT "ProfileGroup_groupId_fkey";

-- DropForeignKey
ALTER TABLE "ProfileUser" DROP CONSTRAINT "ProfileUser_profileId_fkey";

-- DropForeignKey
ALTER TABLE "ProfileUser" DROP CONSTRAINT "ProfileUser_userId_fkey";

-- DropForeignKey
ALTER TABLE "Device" DROP CONSTRAINT "Device_userId_fkey";

-- DropForeignKey
ALTER TABLE "EnrollmentToken" DROP CONSTRAINT "EnrollmentToken_userId_fkey";

-- DropForeignKey
ALTER TABLE "Session" DROP CONSTRAINT "Session_userId_fkey";

-- DropForeignKey
ALTER TABLE "ImportRow" DROP CONSTRAINT "ImportRow_importRunId_fkey";

-- DropForeignKey
ALTER TABLE "ExportChunk" DROP CONSTRAINT "ExportChunk_exportId_fkey";

-- AlterTable
ALTER TABLE "ProfileGroup" ADD COLUMN "workspaceId" TEXT;
UPDATE "ProfileGroup" AS c SET "workspaceId" = p."workspaceId" FROM "Profile" AS p WHERE p."id" = c."profileId";
ALTER TABLE "ProfileGroup" ALTER COLUMN "workspaceId" SET NOT NULL;

-- AlterTable
ALTER TABLE "ProfileUser" ADD COLUMN "workspaceId" TEXT;
UPDATE "ProfileUser" AS c SET "workspaceId" = p."workspaceId" FROM "Profile" AS p WHERE p."id" = c."profileId";
ALTER TABLE "ProfileUser" ALTER COLUMN "workspaceId" SET NOT NULL;

-- AlterTable
ALTER TABLE "ImportRow" ADD COLUMN "workspaceId" TEXT;
UPDATE "ImportRow" AS c SET "workspaceId" = p."workspaceId" FROM "ImportRun" AS p WHERE p."id" = c."importRunId";
ALTER TABLE "ImportRow" ALTER COLUMN "workspaceId" SET NOT NULL;

-- AlterTable
ALTER TABLE "ExportChunk" ADD COLUMN "workspaceId" TEXT;
UPDATE "ExportChunk" AS c SET "workspaceId" = p."workspaceId" FROM "Export" AS p WHERE p."id" = c."exportId";
ALTER TABLE "ExportChunk" ALTER COLUMN "workspaceId" SET NOT NULL;

-- CreateIndex
CREATE UNIQUE INDEX "Role_id_workspaceId_key" ON "Role"("id", "workspaceId");

-- CreateIndex
CREATE UNIQUE INDEX "User_id_workspaceId_key" ON "User"("id", "workspaceId");

-- CreateIndex
CREATE UNIQUE INDEX "Group_id_workspaceId_key" ON "Group"("id", "workspaceId");

-- CreateIndex
CREATE UNIQUE INDEX "Profile_id_workspaceId_key" ON "Profile"("id", "workspaceId");

-- CreateIndex
CREATE UNIQUE INDEX "ImportRun_id_workspaceId_key" ON "ImportRun"("id", "workspaceId");

-- CreateIndex
CREATE UNIQUE INDEX "Export_id_workspaceId_key" ON "Export"("id", "workspaceId");

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_roleId_workspaceId_fkey" FOREIGN KEY ("roleId", "workspaceId") REFERENCES "Role"("id", "workspaceId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GroupMember" ADD CONSTRAINT "GroupMember_groupId_workspaceId_fkey" FOREIGN KEY ("groupId", "workspaceId") REFERENCES "Group"("id", "workspaceId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GroupMember" ADD CONSTRAINT "GroupMember_userId_workspaceId_fkey" FOREIGN KEY ("userId", "workspaceId") REFERENCES "User"("id", "workspaceId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProfileGroup" ADD CONSTRAINT "ProfileGroup_profileId_workspaceId_fkey" FOREIGN KEY ("profileId", "workspaceId") REFERENCES "Profile"("id", "workspaceId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProfileGroup" ADD CONSTRAINT "ProfileGroup_groupId_workspaceId_fkey" FOREIGN KEY ("groupId", "workspaceId") REFERENCES "Group"("id", "workspaceId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProfileGroup" ADD CONSTRAINT "ProfileGroup_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProfileUser" ADD CONSTRAINT "ProfileUser_profileId_workspaceId_fkey" FOREIGN KEY ("profileId", "workspaceId") REFERENCES "Profile"("id", "workspaceId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProfileUser" ADD CONSTRAINT "ProfileUser_userId_workspaceId_fkey" FOREIGN KEY ("userId", "workspaceId") REFERENCES "User"("id", "workspaceId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProfileUser" ADD CONSTRAINT "ProfileUser_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Device" ADD CONSTRAINT "Device_userId_workspaceId_fkey" FOREIGN KEY ("userId", "workspaceId") REFERENCES "User"("id", "workspaceId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EnrollmentToken" ADD CONSTRAINT "EnrollmentToken_userId_workspaceId_fkey" FOREIGN KEY ("userId", "workspaceId") REFERENCES "User"("id", "workspaceId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Session" ADD CONSTRAINT "Session_userId_workspaceId_fkey" FOREIGN KEY ("userId", "workspaceId") REFERENCES "User"("id", "workspaceId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImportRow" ADD CONSTRAINT "ImportRow_importRunId_workspaceId_fkey" FOREIGN KEY ("importRunId", "workspaceId") REFERENCES "ImportRun"("id", "workspaceId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImportRow" ADD CONSTRAINT "ImportRow_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExportChunk" ADD CONSTRAINT "ExportChunk_exportId_workspaceId_fkey" FOREIGN KEY ("exportId", "workspaceId") REFERENCES "Export"("id", "workspaceId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExportChunk" ADD CONSTRAINT "ExportChunk_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;
