import type { Db, Tx } from "@/lib/db/client";
import { bulkInsert, type BulkValue } from "@/lib/db/bulk-insert";
import { newId } from "@/lib/db/ids";
import { transaction } from "@/lib/db/transaction";
import type { Prisma } from "@/lib/db/generated/postgresql/client.ts";
import { renderForDelivery, UndeliverableError } from "./render-message";
import { emailTokenKeys, sealEmailToken } from "./token-seal";
import type { MailTransport } from "./transport";

/**
 * The sender of every message. Set `MAIL_FROM` (e.g. `Acme IT <it@acme.com>`)
 * when SMTP_URL is set: the default's `.invalid` domain is reserved and can
 * never be real, so a relay will refuse it rather than send mail that looks
 * legitimate from a made-up domain.
 */
export function mailFrom(): string {
  return process.env.MAIL_FROM || "Roster <no-reply@roster.invalid>";
}

/** After this many delivery attempts a message is FAILED; an administrator can resend it. */
export const MAX_ATTEMPTS = 8;
/** How long a worker holds a claimed row; longer than the transport's timeouts, so a live send is never taken over. */
export const LEASE_MS = 5 * 60_000;

/** Wait before the next attempt: 30 s, 1 min, 2 min, … capped at 1 h. */
export function backoffMs(attempts: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 3_600_000);
}

/**
 * A message to queue: its kind and the parameters its template is filled
 * with at send time, plus the enrollment token of its link, which is stored
 * only sealed (lib/mail/token-seal.ts), never as a rendered body.
 */
export type EmailInput = {
  workspaceId: string;
  userId: string | null;
  kind: string;
  to: string;
  subject: string;
  params: Record<string, string>;
  token: string | null;
};

/** A complete queued EmailMessage row for `bulkInsert(tx, "EmailMessage", rows)`, its token sealed to its id. */
export function emailRow(input: EmailInput, now = new Date()): Record<string, BulkValue> {
  const id = newId();
  return {
    id,
    workspaceId: input.workspaceId,
    userId: input.userId,
    kind: input.kind,
    to: input.to,
    subject: input.subject,
    params: JSON.stringify(input.params),
    sealedToken: input.token === null ? null : sealEmailToken(input.token, id),
    status: "QUEUED",
    attempts: 0,
    nextAttemptAt: now,
    lastError: null,
    lockedUntil: null,
    sentAt: null,
    createdAt: now,
  };
}

/** Queues one message in the caller's transaction, so it is sent only if the change that caused it commits. */
export async function queueEmail(tx: Db | Tx, input: EmailInput): Promise<{ id: string }> {
  const row = emailRow(input);
  await bulkInsert(tx, "EmailMessage", [row]);
  return { id: row.id as string };
}

export type DeliveryCounts = { sent: number; failed: number; retried: number };

function dueWhere(now: Date, workspaceId?: string): Prisma.EmailMessageWhereInput {
  return { ...(workspaceId ? { workspaceId } : {}), OR: [{ status: "QUEUED", nextAttemptAt: { lte: now } }, { status: "SENDING", lockedUntil: { lt: now }, attempts: { lt: MAX_ATTEMPTS } }] };
}

/**
 * Delivers up to `batch` due messages: QUEUED ones whose time has come, and
 * SENDING ones whose worker died (lease expired).
 *
 * Claiming: candidates are read without locks, then each is claimed by an
 * `updateMany` whose `where` repeats the due condition for that id, setting
 * SENDING and a lease. The database applies such an update to a row at most
 * once among concurrent workers (PostgreSQL re-checks the condition after
 * waiting for the other writer's row lock; SQLite serialises writers), so
 * the update that reports count 1 owns the row and every other gets 0. The
 * claims run in one transaction (one commit per batch) and in id order, so
 * two workers' transactions never wait on each other in a cycle. The attempt
 * is counted at claim time, so a message that crashes its worker still
 * reaches MAX_ATTEMPTS instead of being retried forever.
 *
 * Each message is rendered just before it is sent, from its kind, parameters
 * and opened token (the template itself is rendered once per company and
 * process). Once it is SENT over SMTP or FAILED, its sealed token is blanked.
 */
export async function deliverDue(
  db: Db,
  transport: MailTransport,
  options: {
    batch?: number;
    now?: Date;
    /** Sends in flight at once. */
    concurrency?: number;
    /** Only this workspace's messages (tests and tools); the worker delivers all. */
    workspaceId?: string;
  } = {},
): Promise<DeliveryCounts> {
  const { batch = 50, now = new Date(), concurrency = 10, workspaceId } = options;
  const scope = workspaceId ? { workspaceId } : {};
  const counts: DeliveryCounts = { sent: 0, failed: 0, retried: 0 };
  // A message whose worker died on every attempt has no failure to record; give up on it here.
  const abandoned = await db.emailMessage.updateMany({
    where: { ...scope, status: "SENDING", lockedUntil: { lt: now }, attempts: { gte: MAX_ATTEMPTS } },
    data: { status: "FAILED", lockedUntil: null, sealedToken: null, lastError: "Delivery was interrupted too many times." },
  });
  counts.failed += abandoned.count;

  const due = await db.emailMessage.findMany({ where: dueWhere(now, workspaceId), orderBy: [{ nextAttemptAt: "asc" }, { id: "asc" }], take: batch, select: { id: true } });
  if (due.length === 0) return counts;
  // Without AUTH_SECRET no link can be opened: fail the round (logged, retried) before claiming anything.
  emailTokenKeys();
  const lockedUntil = new Date(now.getTime() + LEASE_MS);
  const claimed = await transaction(db, async (tx) => {
    const ids: string[] = [];
    for (const id of due.map((d) => d.id).sort()) {
      const { count } = await tx.emailMessage.updateMany({
        where: { id, ...dueWhere(now) },
        data: { status: "SENDING", lockedUntil, attempts: { increment: 1 } },
      });
      if (count === 1) ids.push(id);
    }
    return ids;
  });
  if (claimed.length === 0) return counts;

  const rows = await db.emailMessage.findMany({
    where: { id: { in: claimed } },
    select: { id: true, to: true, subject: true, kind: true, params: true, sealedToken: true, attempts: true },
  });
  const from = mailFrom();
  const outcomes = await mapLimit(rows, concurrency, async (row) => {
    try {
      // Rendered here, from kind + parameters + the opened token: the row never holds the link in clear.
      const { html, text } = await renderForDelivery(row);
      await transport.send({ from, to: row.to, subject: row.subject, html, text, headers: { "X-Entity-Ref-ID": row.id } });
      return { row, error: null };
    } catch (error) {
      return { row, error };
    }
  });

  // Counted here, not in place: a SQLite busy retry runs the callback again.
  const recorded = await transaction(db, async (tx) => {
    const result: DeliveryCounts = { sent: 0, failed: 0, retried: 0 };
    const sentIds = outcomes.filter((o) => o.error === null).map((o) => o.row.id);
    if (sentIds.length > 0) {
      const done = await tx.emailMessage.updateMany({
        where: { id: { in: sentIds }, status: "SENDING" },
        // Sent over SMTP, the message leaves no way to recover its link here. The local mailbox (no SMTP_URL) is
        // the recipient's inbox itself: it keeps the sealed token so its page can show the link (README, "Mailbox").
        data: { status: "SENT", sentAt: new Date(), lockedUntil: null, lastError: null, ...(transport.kind === "mailbox" ? {} : { sealedToken: null }) },
      });
      result.sent += done.count;
    }
    for (const { row, error } of outcomes) {
      if (error === null) continue;
      const final = row.attempts >= MAX_ATTEMPTS || isPermanent(error);
      await tx.emailMessage.updateMany({
        where: { id: row.id, status: "SENDING" },
        data: final
          ? { status: "FAILED", lockedUntil: null, sealedToken: null, lastError: oneLine(error) }
          : { status: "QUEUED", lockedUntil: null, lastError: oneLine(error), nextAttemptAt: new Date(now.getTime() + backoffMs(row.attempts)) },
      });
      if (final) result.failed++;
      else result.retried++;
    }
    return result;
  });
  counts.sent += recorded.sent;
  counts.failed += recorded.failed;
  counts.retried += recorded.retried;
  return counts;
}

/** Retrying cannot help: the message cannot be rendered (e.g. its sealed link was altered), or the server refused the recipient for good (5xx to RCPT TO). */
function isPermanent(error: unknown): boolean {
  if (error instanceof UndeliverableError) return error.permanent;
  const e = error as { responseCode?: unknown; command?: unknown } | null;
  return typeof e?.responseCode === "number" && e.responseCode >= 500 && e.responseCode < 600 && e.command === "RCPT TO";
}

/** A failure as one short line for the console (no stack, no multi-line SMTP transcript). */
export function oneLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const line = message.split(/\r?\n/).find((l) => l.trim()) ?? "Unknown error";
  return line.trim().slice(0, 300);
}

/** Like Promise.all over `items`, with at most `limit` calls in flight. */
async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]);
    }
  });
  await Promise.all(lanes);
  return results;
}
