import type { Db } from "@/lib/db/client";
import type { Provider } from "@/lib/db/schema-source";
import { pollLoop, type PollLoop } from "@/lib/jobs/poll-loop";
import { claimImport, IMPORT_BATCH, processImport } from "./run-import";
import type { Pacing } from "./pacing";
import { checkImport } from "./stage-import";

/**
 * SQLite has one writer at a time: while a batch commits, a console write
 * (a sign-in's session, an edit) waits for the lock, polling at growing
 * intervals (SQLite's busy handler: 1, 2, 5, … up to 100 ms apart). Short
 * batches, each followed by a pause as long as it took, let such a write in
 * between two batches, whatever the machine's speed: a waiter never sleeps
 * longer than it has waited. The import takes about twice as long.
 * PostgreSQL locks rows, not the database: no pause.
 */
export function pacingFor(provider: Provider): Pacing {
  return provider === "sqlite" ? { batch: 500, pauseFactor: 1 } : { batch: IMPORT_BATCH, pauseFactor: 0 };
}

/**
 * One round of the import worker: every import waiting for a worker (an
 * upload to check, or accounts to create) that no worker holds (no lease, or
 * its lease lapsed because its worker stopped) is taken and done, oldest
 * first. Returns how many were found, so the loop goes on at once while
 * there are more.
 */
export async function runWaitingImports(db: Db, opts: { now?: Date; workspaceId?: string; pacing?: Pacing } = {}): Promise<number> {
  const now = opts.now ?? new Date();
  const waiting = await db.importRun.findMany({
    where: {
      status: { in: ["CHECKING", "RUNNING"] },
      OR: [{ lockedUntil: null }, { lockedUntil: { lt: now } }],
      // Tests: one workspace's imports only.
      ...(opts.workspaceId ? { workspaceId: opts.workspaceId } : {}),
    },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, status: true },
    take: 10,
  });
  for (const run of waiting) {
    if (run.status === "CHECKING") await checkImport(db, run.id, { pacing: opts.pacing });
    else if (await claimImport(db, run.id, now)) await processImport(db, run.id, opts.pacing);
  }
  return waiting.length;
}

/**
 * The worker process's import loop (scripts/worker.ts): checks uploads and
 * creates accounts outside the web process, whose requests never wait for
 * an import's work. It asks every half second, so an import starts at most
 * that long after the admin's click.
 */
export function startImportWorker(db: () => Db, pacing: Pacing, intervalMs = 500): PollLoop {
  return pollLoop("imports", async () => (await runWaitingImports(db(), { pacing })) > 0, { intervalMs });
}
