import type { Db, Tx } from "@/lib/db/client";
import type { SessionStage } from "@/lib/db/generated/postgresql/enums.ts";
import { randomToken, sha256 } from "@/lib/crypto/tokens";

/** How long a console session lasts without signing in again. */
export const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;

/**
 * Starts a session row and returns its secret id (only its hash is stored).
 * `stage` other than FULL makes a restricted session that reaches only the
 * page of that forced step (lib/auth/restricted.ts).
 */
export async function createSession(
  db: Db | Tx,
  user: { id: string; workspaceId: string },
  userAgent = "",
  stage: SessionStage = "FULL",
): Promise<string> {
  const sid = randomToken();
  await db.session.create({
    data: {
      idHash: sha256(sid),
      userId: user.id,
      workspaceId: user.workspaceId,
      userAgent: userAgent.slice(0, 300),
      stage,
      expiresAt: new Date(Date.now() + SESSION_MAX_AGE_SECONDS * 1000),
    },
  });
  return sid;
}

/** The live session for a secret id, in any stage, with its user, role and workspace; null when ended or expired. */
export async function findSession(db: Db, sid: string) {
  const session = await db.session.findUnique({
    where: { idHash: sha256(sid) },
    include: { user: { include: { role: true } }, workspace: true },
  });
  if (!session || session.expiresAt <= new Date()) return null;
  return session;
}

/** Ends one session. */
export async function endSession(db: Db, sid: string): Promise<void> {
  await db.session.deleteMany({ where: { idHash: sha256(sid) } });
}

/** Ends every session of these users (password change, 2FA reset, deletion, demotion). */
export async function endUserSessions(tx: Db | Tx, workspaceId: string, userIds: string[]): Promise<void> {
  await tx.session.deleteMany({ where: { workspaceId, userId: { in: userIds } } });
}
