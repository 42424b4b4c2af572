-- AlterTable
ALTER TABLE "AuditEvent" ADD COLUMN     "address" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "searchText" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "Session" ADD COLUMN     "address" TEXT NOT NULL DEFAULT '';

-- CreateIndex
CREATE INDEX "AuditEvent_workspaceId_action_createdAt_id_idx" ON "AuditEvent"("workspaceId", "action", "createdAt", "id");

-- Backfill (hand-written): the search text of events recorded before this column, as lib/audit/record.ts writes it (searchKey).
UPDATE "AuditEvent" SET "searchText" = replace(replace(replace(lower("actorEmail" || ' ' || "targetLabel"), '%', chr(57344)), '_', chr(57345)), '\', chr(57346));
