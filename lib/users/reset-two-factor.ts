import { actorOf, type ConsoleContext } from "@/lib/auth/console-context";
import { isAdminRole, MANAGE_ADMINS } from "@/lib/auth/permissions";
import { endUserSessions } from "@/lib/auth/sessions";
import { clearedTotp } from "@/lib/auth/two-factor-state";
import { recordAudit } from "@/lib/audit/record";
import { transaction } from "@/lib/db/transaction";
import { AppError } from "@/lib/errors";

export const RESET_ADMIN_REFUSED = "Only those who may manage administrators can reset an administrator's 2FA.";

/**
 * "Reset 2FA Token": forgets the selected users' TOTP seeds and recovery
 * codes and marks them Not configured, so their next sign-in (password
 * first, as always) goes to 2FA setup before anything else; their sessions
 * end now. Users who cannot sign in to the console (Not available) are
 * skipped. Resetting an administrator takes admins.manage, as making one does.
 */
export async function resetTwoFactor(ctx: ConsoleContext, input: { userIds: string[] }): Promise<{ reset: number; skipped: number }> {
  const ws = ctx.workspace.id;
  return transaction(ctx.db, async (tx) => {
    const users = await tx.user.findMany({ where: { workspaceId: ws, id: { in: input.userIds } }, include: { role: true } });
    if (users.length === 0) throw new AppError("NOT_FOUND", { userMessage: "These users no longer exist." });
    if (!ctx.permissions.has(MANAGE_ADMINS) && users.some((u) => isAdminRole(u.role))) throw new AppError("FORBIDDEN", { userMessage: RESET_ADMIN_REFUSED });
    const targets = users.filter((u) => u.twoFactor !== "NOT_AVAILABLE");
    const ids = targets.map((u) => u.id);
    if (ids.length > 0) {
      await tx.user.updateMany({ where: { workspaceId: ws, id: { in: ids } }, data: { twoFactor: "NOT_CONFIGURED", ...clearedTotp } });
      await tx.recoveryCode.deleteMany({ where: { workspaceId: ws, userId: { in: ids } } });
      await tx.signInChallenge.deleteMany({ where: { workspaceId: ws, userId: { in: ids } } });
      await endUserSessions(tx, ws, ids);
    }
    for (const u of targets) {
      await recordAudit(tx, actorOf(ctx), { action: "auth.2fa_reset", targetType: "user", targetId: u.id, targetLabel: u.email, details: { from: u.twoFactor } });
    }
    return { reset: targets.length, skipped: users.length - targets.length };
  });
}
