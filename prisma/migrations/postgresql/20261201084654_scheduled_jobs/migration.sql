-- CreateTable
CREATE TABLE "ScheduledJob" (
    "name" TEXT NOT NULL,
    "nextRunAt" TIMESTAMP(3) NOT NULL,
    "lastRunAt" TIMESTAMP(3),
    "lastResult" TEXT NOT NULL DEFAULT '{}',

    CONSTRAINT "ScheduledJob_pkey" PRIMARY KEY ("name")
);
