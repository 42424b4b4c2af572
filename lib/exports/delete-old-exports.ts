import type { Db } from "@/lib/db/client";

/** How long a stored export can be downloaded again. */
export const EXPORT_RETENTION_DAYS = 30;

/**
 * Deletes the exports created more than EXPORT_RETENTION_DAYS before `now`
 * (their chunks go with them: ON DELETE CASCADE), of one workspace (when a
 * new export starts) or of all (the periodic clean-up, lib/maintenance).
 * Returns how many were deleted.
 */
export async function deleteOldExports(db: Db, workspaceId: string | null, now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - EXPORT_RETENTION_DAYS * 86_400_000);
  const { count } = await db.export.deleteMany({ where: { ...(workspaceId ? { workspaceId } : {}), createdAt: { lt: cutoff } } });
  return count;
}
