-- AlterTable
ALTER TABLE "EmailMessage" DROP COLUMN "html",
DROP COLUMN "text",
ADD COLUMN     "params" TEXT NOT NULL DEFAULT '{}',
ADD COLUMN     "sealedToken" TEXT;

-- Messages still waiting have lost their rendered bodies (which held their links in clear): they fail with the
-- reason, and Resend sends each user a new message with a new link.
UPDATE "EmailMessage" SET "status" = 'FAILED', "lockedUntil" = NULL, "lastError" = 'Queued before enrollment links were sealed; use Resend to send a new message with a new link.' WHERE "status" IN ('QUEUED', 'SENDING');
