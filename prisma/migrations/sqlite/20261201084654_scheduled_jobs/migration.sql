-- CreateTable
CREATE TABLE "ScheduledJob" (
    "name" TEXT NOT NULL PRIMARY KEY,
    "nextRunAt" DATETIME NOT NULL,
    "lastRunAt" DATETIME,
    "lastResult" TEXT NOT NULL DEFAULT '{}'
);
