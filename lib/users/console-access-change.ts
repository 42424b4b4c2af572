import { actorOf, type ConsoleContext } from "@/lib/auth/console-context";
import { revokePasswordLinks } from "@/lib/auth/password-links";
import { queueActivationEmail } from "@/lib/auth/passwords";
import { endUserSessions } from "@/lib/auth/sessions";
import { clearedTotp, twoFactorForRole } from "@/lib/auth/two-factor-state";
import type { Tx } from "@/lib/db/client";

/**
 * What follows when users move between a role without console access and
 * one with it, in the caller's transaction. Joining the console: 2FA starts
 * not set up and a user without a password is mailed an activation link
 * (24 h, single use), since there is no other way to get one. Leaving it:
 * their sessions end, their password links and recovery codes stop
 * working and their TOTP seed is forgotten. Returns how many activation
 * emails were queued.
 */
export async function applyConsoleAccessChange(
  tx: Tx,
  ctx: ConsoleContext,
  ids: readonly string[],
  change: { from: { consoleAccess: boolean }; to: { consoleAccess: boolean } },
  opts: { baseUrl: string; now?: Date },
): Promise<number> {
  const { from, to } = change;
  if (ids.length === 0 || from.consoleAccess === to.consoleAccess) return 0;
  const ws = ctx.workspace.id;
  const userIds = [...ids];
  await tx.user.updateMany({ where: { workspaceId: ws, id: { in: userIds } }, data: { twoFactor: twoFactorForRole(to), ...clearedTotp } });
  if (!to.consoleAccess) {
    await endUserSessions(tx, ws, userIds);
    await tx.recoveryCode.deleteMany({ where: { workspaceId: ws, userId: { in: userIds } } });
    await revokePasswordLinks(tx, ws, userIds, opts.now);
    return 0;
  }
  const withoutPassword = await tx.user.findMany({
    where: { workspaceId: ws, id: { in: userIds }, passwordHash: null },
    select: { id: true, workspaceId: true, email: true, displayName: true, alias: true },
  });
  for (const user of withoutPassword) {
    await queueActivationEmail(tx, user, { companyName: ctx.workspace.name, baseUrl: opts.baseUrl, createdById: actorOf(ctx).actorId }, opts.now);
  }
  return withoutPassword.length;
}
