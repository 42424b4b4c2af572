import type { Db } from "@/lib/db/client";

/** How long the rows of a finished import are kept for its error report; the history keeps its counts for good. */
export const IMPORT_ROWS_RETENTION_DAYS = 30;

/** Whether an import's rows have been deleted (it ended more than the retention period before `now`). */
export function importRowsExpired(run: { finishedAt: Date | null }, now = new Date()): boolean {
  return run.finishedAt !== null && now.getTime() - run.finishedAt.getTime() > IMPORT_ROWS_RETENTION_DAYS * 86_400_000;
}

/**
 * Deletes the stored rows of imports that ended (done or cancelled) more
 * than IMPORT_ROWS_RETENTION_DAYS before `now`, of one workspace (when a new
 * file is uploaded) or of all (the periodic clean-up, lib/maintenance).
 * Returns how many rows went.
 */
export async function deleteOldImportRows(db: Db, workspaceId: string | null, now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - IMPORT_ROWS_RETENTION_DAYS * 86_400_000);
  const { count } = await db.importRow.deleteMany({ where: { importRun: { ...(workspaceId ? { workspaceId } : {}), finishedAt: { lt: cutoff } } } });
  return count;
}
