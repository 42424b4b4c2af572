import { randomUUID } from "node:crypto";
import { unscopedDb } from "@/lib/db/client";
import { runCleanup } from "./cleanup";
import { claimScheduledJob, recordScheduledJobResult } from "./scheduled-job";

const CLEANUP_EVERY_MS = 60 * 60 * 1000;
const holder = globalThis as unknown as { __rosterMaintenanceWorker?: true };

/**
 * Every instance asks every few minutes whether the hourly clean-up is due;
 * the one whose conditional update claims the period runs it (lib/maintenance/scheduled-job.ts).
 * One per process.
 */
export function startMaintenanceWorker(checkEveryMs = 5 * 60 * 1000): void {
  if (holder.__rosterMaintenanceWorker) return;
  holder.__rosterMaintenanceWorker = true;
  const tick = async () => {
    const db = unscopedDb();
    if (!(await claimScheduledJob(db, "cleanup", CLEANUP_EVERY_MS))) return;
    const result = await runCleanup(db);
    await recordScheduledJobResult(db, "cleanup", result);
    const total = Object.values(result).reduce((a, b) => a + b, 0);
    if (total > 0) console.log(`[cleanup] deleted ${Object.entries(result).map(([k, v]) => `${v} ${k}`).join(", ")}`);
  };
  const run = () => void tick().catch((error: unknown) => console.error(`[cleanup ${randomUUID().slice(0, 8)}] failed`, error));
  setTimeout(run, 30_000).unref();
  setInterval(run, checkEveryMs).unref();
}
