import type { Db } from "@/lib/db/client";

/** A page of the workspace's outbox, newest first, without the bodies. */
export async function listEmailMessages(db: Db, workspaceId: string, page: number, size = 50) {
  const [rows, total] = await Promise.all([
    db.emailMessage.findMany({
      where: { workspaceId },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * size,
      take: size,
      select: { id: true, to: true, subject: true, kind: true, status: true, attempts: true, nextAttemptAt: true, lockedUntil: true, lastError: true, sentAt: true, createdAt: true },
    }),
    db.emailMessage.count({ where: { workspaceId } }),
  ]);
  return { rows, total, page, pages: Math.max(1, Math.ceil(total / size)) };
}

/** One message of the workspace without its body (its parameters and sealed token), or null. */
export async function getEmailMessage(db: Db, workspaceId: string, id: string) {
  return db.emailMessage.findFirst({
    where: { id, workspaceId },
    select: { id: true, to: true, subject: true, kind: true, status: true, attempts: true, nextAttemptAt: true, lockedUntil: true, lastError: true, sentAt: true, createdAt: true, userId: true },
  });
}

/** How each message kind is named in the console. */
export const emailKindLabels: Record<string, string> = { instructions: "Installation instructions" };

/** A user's latest outbox messages in the workspace, newest first, without the bodies (the user page). */
export async function listUserEmailMessages(db: Db, workspaceId: string, userId: string, take = 10) {
  return db.emailMessage.findMany({
    where: { workspaceId, userId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
    select: { id: true, to: true, subject: true, kind: true, status: true, attempts: true, nextAttemptAt: true, lockedUntil: true, lastError: true, sentAt: true, createdAt: true },
  });
}
