import type { Db, Tx } from "@/lib/db/client";
import type { SessionStage } from "@/lib/db/generated/postgresql/enums.ts";
import { randomToken, sha256 } from "@/lib/crypto/tokens";
import { LAST_SEEN_RESOLUTION_MS, SESSION_MAX_AGE_SECONDS, sessionIdleMinutes } from "./session-policy";

export { SESSION_MAX_AGE_SECONDS } from "./session-policy";

/**
 * Starts a session row and returns its secret id (only its hash is stored).
 * `stage` other than FULL makes a restricted session that reaches only the
 * page of that forced step (lib/auth/restricted.ts).
 */
export async function createSession(
  db: Db | Tx,
  user: { id: string; workspaceId: string },
  { userAgent = "", address = "", now = new Date(), stage = "FULL" }: { userAgent?: string; address?: string; now?: Date; stage?: SessionStage } = {},
): Promise<string> {
  const sid = randomToken();
  await db.session.create({
    data: {
      idHash: sha256(sid),
      userId: user.id,
      workspaceId: user.workspaceId,
      userAgent: userAgent.slice(0, 300),
      address: address.slice(0, 64),
      stage,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + SESSION_MAX_AGE_SECONDS * 1000),
    },
  });
  return sid;
}

type SessionWithUser = NonNullable<Awaited<ReturnType<typeof readSession>>>;
export type SessionLookup = { session: SessionWithUser; ended?: undefined } | { session: null; ended: "idle" | "none" };

function readSession(db: Db, sid: string) {
  return db.session.findUnique({
    where: { idHash: sha256(sid) },
    include: { user: { include: { role: true } }, workspace: true },
  });
}

/** The moment before which a session's last activity makes it idle. */
export function idleCutoff(now: Date, idleMinutes = sessionIdleMinutes()): Date {
  return new Date(now.getTime() - idleMinutes * 60_000);
}

/**
 * The live session for a secret id, in any stage, with its user, role and workspace, and
 * its activity recorded; or why there is none. A session past its lifetime
 * or idle longer than the timeout is over (an idle one's row is deleted, so
 * the next request reads as signed out). Last activity is written at most
 * once a minute per session, by a conditional update, so requests do not
 * each write and concurrent ones write once.
 */
export async function lookupSession(db: Db, sid: string, now = new Date(), idleMinutes = sessionIdleMinutes()): Promise<SessionLookup> {
  const session = await readSession(db, sid);
  if (!session || session.expiresAt <= now) return { session: null, ended: "none" };
  if (session.lastSeenAt <= idleCutoff(now, idleMinutes)) {
    await db.session.deleteMany({ where: { id: session.id } });
    return { session: null, ended: "idle" };
  }
  const stale = new Date(now.getTime() - LAST_SEEN_RESOLUTION_MS);
  if (session.lastSeenAt < stale) {
    await db.session.updateMany({ where: { id: session.id, lastSeenAt: { lt: stale } }, data: { lastSeenAt: now } });
  }
  return { session };
}

/** The live session for a secret id (see lookupSession); null when ended, expired or idle. */
export async function findSession(db: Db, sid: string, now = new Date(), idleMinutes = sessionIdleMinutes()) {
  return (await lookupSession(db, sid, now, idleMinutes)).session;
}

/** Ends one session. */
export async function endSession(db: Db, sid: string): Promise<void> {
  await db.session.deleteMany({ where: { idHash: sha256(sid) } });
}

/** Ends every session of these users (password change, 2FA reset, deletion, demotion). */
export async function endUserSessions(tx: Db | Tx, workspaceId: string, userIds: string[]): Promise<void> {
  await tx.session.deleteMany({ where: { workspaceId, userId: { in: userIds } } });
}
