-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_EmailMessage" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "workspaceId" TEXT NOT NULL,
    "userId" TEXT,
    "kind" TEXT NOT NULL,
    "to" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "params" TEXT NOT NULL DEFAULT '{}',
    "sealedToken" TEXT,
    "status" TEXT NOT NULL DEFAULT 'QUEUED',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastError" TEXT,
    "lockedUntil" DATETIME,
    "sentAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "EmailMessage_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "EmailMessage_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_EmailMessage" ("attempts", "createdAt", "id", "kind", "lastError", "lockedUntil", "nextAttemptAt", "sentAt", "status", "subject", "to", "userId", "workspaceId") SELECT "attempts", "createdAt", "id", "kind", "lastError", "lockedUntil", "nextAttemptAt", "sentAt", "status", "subject", "to", "userId", "workspaceId" FROM "EmailMessage";
DROP TABLE "EmailMessage";
ALTER TABLE "new_EmailMessage" RENAME TO "EmailMessage";
CREATE INDEX "EmailMessage_status_nextAttemptAt_idx" ON "EmailMessage"("status", "nextAttemptAt");
CREATE INDEX "EmailMessage_workspaceId_createdAt_idx" ON "EmailMessage"("workspaceId", "createdAt");
CREATE INDEX "EmailMessage_userId_idx" ON "EmailMessage"("userId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- Messages still waiting have lost their rendered bodies (which held their links in clear): they fail with the
-- reason, and Resend sends each user a new message with a new link.
UPDATE "EmailMessage" SET "status" = 'FAILED', "lockedUntil" = NULL, "lastError" = 'Queued before enrollment links were sealed; use Resend to send a new message with a new link.' WHERE "status" IN ('QUEUED', 'SENDING');
