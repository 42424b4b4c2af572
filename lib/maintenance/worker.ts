import type { Db } from "@/lib/db/client";
import { pollLoop, type PollLoop } from "@/lib/jobs/poll-loop";
import { runCleanup } from "./cleanup";
import { claimScheduledJob, recordScheduledJobResult } from "./scheduled-job";

const CLEANUP_EVERY_MS = 60 * 60 * 1000;

/**
 * The worker process's clean-up loop (scripts/worker.ts): every instance
 * asks every few minutes whether the hourly clean-up is due; the one whose
 * conditional update claims the period runs it (lib/maintenance/scheduled-job.ts).
 */
export function startMaintenanceWorker(db: () => Db, checkEveryMs = 5 * 60 * 1000): PollLoop {
  return pollLoop(
    "cleanup",
    async () => {
      if (!(await claimScheduledJob(db(), "cleanup", CLEANUP_EVERY_MS))) return false;
      const result = await runCleanup(db());
      await recordScheduledJobResult(db(), "cleanup", result);
      const total = Object.values(result).reduce((a, b) => a + b, 0);
      if (total > 0) console.log(`[cleanup] deleted ${Object.entries(result).map(([k, v]) => `${v} ${k}`).join(", ")}`);
      return false;
    },
    { intervalMs: checkEveryMs },
  );
}
