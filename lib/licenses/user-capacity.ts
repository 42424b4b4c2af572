import { lockWorkspaceRow } from "@/lib/db/workspace-lock";
import type { Db, Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { formatCount, plural } from "@/lib/format";

/**
 * Most users the workspace's licenses allow: the user limits of its active
 * licenses added up (a license without a user limit counts its seats). Null
 * when no license is active: an unlicensed (evaluation) workspace has no
 * limit to enforce.
 */
async function userLimit(db: Db | Tx, workspaceId: string, now: Date): Promise<number | null> {
  const licenses = await db.license.findMany({
    where: { workspaceId, revokedAt: null, expiresAt: { gt: now } },
    select: { seats: true, userLimit: true },
  });
  if (licenses.length === 0) return null;
  return licenses.reduce((sum, l) => sum + (l.userLimit ?? l.seats), 0);
}

/**
 * How many more users the workspace's licenses allow (the limit less the
 * users it has), or null for no limit. A plain read, for showing the line
 * (the import's review flags); writes go through `lockUserSeats`.
 */
export async function remainingUserCapacity(db: Db | Tx, workspaceId: string, now = new Date()): Promise<number | null> {
  const limit = await userLimit(db, workspaceId, now);
  if (limit === null) return null;
  const users = await db.user.count({ where: { workspaceId } });
  return Math.max(limit - users, 0);
}

export type UserSeats = { limit: number; users: number; remaining: number };

/**
 * The seat rule's lock: holds the workspace row for the rest of `tx`, then
 * counts. Every path that creates users (the Add users wizard, Create user,
 * the CSV import's create step) takes it in the transaction that inserts
 * them, so two of them never count the same free seats (lib/db/workspace-lock.ts).
 * Null when no license is active (no limit).
 */
export async function lockUserSeats(tx: Tx, workspaceId: string, now = new Date()): Promise<UserSeats | null> {
  await lockWorkspaceRow(tx, workspaceId);
  const limit = await userLimit(tx, workspaceId, now);
  if (limit === null) return null;
  const users = await tx.user.count({ where: { workspaceId } });
  return { limit, users, remaining: Math.max(limit - users, 0) };
}

/** What a refused reservation says: the limit, the users there are, and what to do. */
export function seatLimitMessage(seats: UserSeats, wanted: number): string {
  return (
    `Your licenses cover ${plural(seats.limit, "user")}; the workspace has ${formatCount(seats.users)}. ` +
    `Adding ${formatCount(wanted)} would go past it (room for ${formatCount(seats.remaining)} more). Add a license or remove users.`
  );
}

/**
 * Reserves seats for `count` new users inside the transaction that will
 * insert them, or refuses (AppError, nothing written) when the licenses do
 * not cover them all. No active license means no limit.
 */
export async function reserveUserSeats(tx: Tx, workspaceId: string, count: number, now = new Date()): Promise<void> {
  if (count <= 0) return;
  const seats = await lockUserSeats(tx, workspaceId, now);
  if (seats && count > seats.remaining) throw new AppError("CONFLICT", { userMessage: seatLimitMessage(seats, count) });
}
