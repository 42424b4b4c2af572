-- CreateTable
CREATE TABLE "SetupClaim" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "claimedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SetupClaim_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "SetupClaim_workspaceId_key" ON "SetupClaim"("workspaceId");

-- AddForeignKey
ALTER TABLE "SetupClaim" ADD CONSTRAINT "SetupClaim_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;
