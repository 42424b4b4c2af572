import { recordAudit } from "@/lib/audit/record";
import { sha256 } from "@/lib/crypto/tokens";
import { transaction } from "@/lib/db/transaction";
import { AppError } from "@/lib/errors";
import { readWorkspaceSettings } from "@/lib/workspaces/settings";
import { confirmIdentity } from "./confirm-identity";
import { isAdminRole } from "./permissions";
import { selfActor, type SelfContext } from "./self-context";
import { clearedTotp } from "./two-factor-state";

export const REQUIRED_FOR_ADMINS = "Your workspace requires two-factor authentication for administrators, so it cannot be turned off.";

/**
 * Turns the signed-in person's 2FA off after their current password or a
 * code (TOTP or recovery) proves it is them; the seed and recovery codes are
 * deleted, and their other sessions end. Refused when the workspace
 * requires 2FA of administrators and they are one.
 */
export async function disableTwoFactor(self: SelfContext, input: { password: string; code: string }, now = new Date()): Promise<void> {
  const where = { id: self.user.id, workspaceId: self.workspace.id };
  const user = await self.db.user.findFirstOrThrow({ where, include: { role: true }, omit: { passwordHash: false, totpSecret: false } });
  if (user.twoFactor !== "ACTIVE") throw new AppError("CONFLICT", { userMessage: "Two-factor authentication is not on." });
  const settings = await readWorkspaceSettings(self.db, self.workspace.id);
  if (settings.requireAdminTwoFactor && isAdminRole(user.role)) throw new AppError("FORBIDDEN", { userMessage: REQUIRED_FOR_ADMINS });
  await confirmIdentity(self.db, user, input, now);
  await transaction(self.db, async (tx) => {
    await tx.user.updateMany({ where, data: { twoFactor: "NOT_ACTIVE", ...clearedTotp } });
    await tx.recoveryCode.deleteMany({ where: { workspaceId: self.workspace.id, userId: self.user.id } });
    await tx.session.deleteMany({ where: { workspaceId: self.workspace.id, userId: self.user.id, idHash: { not: sha256(self.sid) } } });
    await recordAudit(tx, selfActor(self), {
      action: "auth.2fa_disable",
      targetType: "user",
      targetId: self.user.id,
      targetLabel: self.user.email,
      details: { confirmedWith: input.password ? "password" : "code" },
    });
  });
}
