import type { Db } from "@/lib/db/client";

/**
 * Claims a periodic job for this instance if it is due: one conditional
 * update moves `nextRunAt` from the past to `now + intervalMs`, so of any
 * number of instances asking at once exactly one gets `true` per period.
 * The row is made on first use; a crashed claimer's job simply runs again
 * at the next period.
 */
export async function claimScheduledJob(db: Db, name: string, intervalMs: number, now = new Date()): Promise<boolean> {
  try {
    await db.scheduledJob.create({ data: { name, nextRunAt: now } });
  } catch (error) {
    // Already there (P2002, a unique violation); any other failure is real.
    if ((error as { code?: unknown }).code !== "P2002") throw error;
  }
  const { count } = await db.scheduledJob.updateMany({
    where: { name, nextRunAt: { lte: now } },
    data: { nextRunAt: new Date(now.getTime() + intervalMs), lastRunAt: now },
  });
  return count === 1;
}

/** Records what the last run of a job did, for operators reading the table. */
export async function recordScheduledJobResult(db: Db, name: string, result: unknown): Promise<void> {
  await db.scheduledJob.updateMany({ where: { name }, data: { lastResult: JSON.stringify(result) } });
}
