-- AlterTable
ALTER TABLE "Workspace" ADD COLUMN     "importColumnChoices" TEXT NOT NULL DEFAULT '{}';

-- AlterTable
ALTER TABLE "ImportRun" ADD COLUMN     "columnChoices" TEXT NOT NULL DEFAULT '{}',
ADD COLUMN     "headerCells" TEXT NOT NULL DEFAULT '[]';
