import type { Db } from "@/lib/db/client";
import { deleteOldExports } from "@/lib/exports/delete-old-exports";
import { deleteOldImportRows } from "@/lib/imports/delete-old-import-rows";
import { UPLOAD_ABANDONED_MS, UPLOAD_KEPT_MS } from "@/lib/imports/upload-import";
import { idleCutoff } from "@/lib/auth/sessions";

const DAY = 86_400_000;

/** How long what only grows is kept; the audit log is kept for good. */
export const retention = {
  /** Idempotency records of one-off actions (a retried wizard Finish); a retry comes within minutes. */
  actionRunDays: 7,
  /** Sent and failed email, shown on the Mailbox page and a user's Messages. */
  emailDays: 90,
} as const;

const BATCH = 2_000;

/** Deletes the rows `findIds` returns, a batch at a time, so no transaction holds many locks for long. */
async function inBatches(findIds: () => Promise<string[]>, remove: (ids: string[]) => Promise<{ count: number }>): Promise<number> {
  let total = 0;
  for (;;) {
    const ids = await findIds();
    if (ids.length === 0) return total;
    total += (await remove(ids)).count;
    if (ids.length < BATCH) return total;
  }
}

export type CleanupResult = { sessions: number; signInChallenges: number; rateLimits: number; actionRuns: number; emails: number; exports: number; importRows: number; uploads: number };

/**
 * Deletes what is past its use: ended sessions, expired sign-in challenges, spent rate-limit windows,
 * old action-run records, sent or failed email older than the retention,
 * exports and import rows past theirs, uploads abandoned part-way (their
 * connection dropped) an hour on. Queued email is never touched.
 * Safe to run at any time and from any instance (each delete has its own
 * condition); lib/maintenance/worker.ts runs it once an hour across all.
 */
export async function runCleanup(db: Db, now = new Date()): Promise<CleanupResult> {
  // Past their lifetime, or idle past the timeout (such a session is refused already; this takes its row away).
  const ended = { OR: [{ expiresAt: { lte: now } }, { lastSeenAt: { lte: idleCutoff(now) } }] };
  const sessions = await inBatches(
    async () => (await db.session.findMany({ where: ended, select: { id: true }, take: BATCH })).map((r) => r.id),
    (ids) => db.session.deleteMany({ where: { id: { in: ids } } }),
  );
  // Sign-ins whose second step never came (5 minutes each).
  const signInChallenges = (await db.signInChallenge.deleteMany({ where: { expiresAt: { lte: now } } })).count;
  const rateLimits = await inBatches(
    async () => (await db.rateLimit.findMany({ where: { resetAt: { lte: now } }, select: { key: true }, take: BATCH })).map((r) => r.key),
    // The window is checked again: a key counted again since it was read has a new window and stays.
    (keys) => db.rateLimit.deleteMany({ where: { key: { in: keys }, resetAt: { lte: now } } }),
  );
  const actionRunCutoff = new Date(now.getTime() - retention.actionRunDays * DAY);
  const actionRuns = await inBatches(
    async () => (await db.actionRun.findMany({ where: { createdAt: { lt: actionRunCutoff } }, select: { key: true }, take: BATCH })).map((r) => r.key),
    (keys) => db.actionRun.deleteMany({ where: { key: { in: keys } } }),
  );
  const emailCutoff = new Date(now.getTime() - retention.emailDays * DAY);
  const doneEmail = { status: { in: ["SENT" as const, "FAILED" as const] }, createdAt: { lt: emailCutoff } };
  const emails = await inBatches(
    async () => (await db.emailMessage.findMany({ where: doneEmail, select: { id: true }, take: BATCH })).map((r) => r.id),
    (ids) => db.emailMessage.deleteMany({ where: { id: { in: ids }, ...doneEmail } }),
  );
  const exports = await deleteOldExports(db, null, now);
  const importRows = await deleteOldImportRows(db, null, now);
  // Deleting the import deletes its chunks (the foreign key cascades).
  const abandoned = { status: "UPLOADING" as const, createdAt: { lt: new Date(now.getTime() - UPLOAD_ABANDONED_MS) } };
  const uploads = await inBatches(
    async () => (await db.importRun.findMany({ where: abandoned, select: { id: true }, take: BATCH })).map((r) => r.id),
    (ids) => db.importRun.deleteMany({ where: { id: { in: ids }, ...abandoned } }),
  );
  // Files kept for choosing their columns again go a day after upload; the import itself stays (its rows, or its refusal).
  const keptCutoff = new Date(now.getTime() - UPLOAD_KEPT_MS);
  const kept = await db.importUpload.deleteMany({ where: { importRun: { status: { in: ["REVIEW", "REFUSED"] }, createdAt: { lt: keptCutoff } } } });
  return { sessions, signInChallenges, rateLimits, actionRuns, emails, exports, importRows, uploads: uploads + kept.count };
}
