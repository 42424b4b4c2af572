import type { Db, Tx } from "@/lib/db/client";

/**
 * How many more users the workspace's licenses allow: the user limits of its
 * active licenses added up (a license without a user limit counts its
 * seats), less the users it has. Null when no license is active: an
 * unlicensed (evaluation) workspace has no limit to enforce.
 */
export async function remainingUserCapacity(db: Db | Tx, workspaceId: string, now = new Date()): Promise<number | null> {
  const licenses = await db.license.findMany({
    where: { workspaceId, revokedAt: null, expiresAt: { gt: now } },
    select: { seats: true, userLimit: true },
  });
  if (licenses.length === 0) return null;
  const limit = licenses.reduce((sum, l) => sum + (l.userLimit ?? l.seats), 0);
  const users = await db.user.count({ where: { workspaceId } });
  return Math.max(limit - users, 0);
}
