import { recordAudit } from "@/lib/audit/record";
import { sha256 } from "@/lib/crypto/tokens";
import { AppError } from "@/lib/errors";
import { actorOf, type ConsoleContext } from "./console-context";
import { hashPassword, verifyPassword } from "./password";
import { assertPasswordPolicy } from "./password-policy";
import { transaction } from "@/lib/db/transaction";

/**
 * Changes the signed-in administrator's password after checking the current
 * one, and ends every other session of theirs (this one stays signed in).
 */
export async function changePassword(ctx: ConsoleContext, input: { currentPassword: string; newPassword: string }) {
  const user = await ctx.db.user.findFirstOrThrow({
    where: { id: ctx.user.id, workspaceId: ctx.workspace.id },
    select: { passwordHash: true },
  });
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw new AppError("BAD_INPUT", { userMessage: "Check the highlighted fields.", fieldErrors: { currentPassword: ["This is not your current password"] } });
  }
  assertPasswordPolicy(input.newPassword, ctx.user.email, "newPassword");
  const passwordHash = await hashPassword(input.newPassword);
  await transaction(ctx.db, async (tx) => {
    await tx.user.update({ where: { id: ctx.user.id }, data: { passwordHash, mustChangePassword: false, passwordChangedAt: new Date() } });
    await tx.session.deleteMany({ where: { userId: ctx.user.id, idHash: { not: sha256(ctx.sid) } } });
    await recordAudit(tx, actorOf(ctx), { action: "auth.password_change", targetType: "user", targetId: ctx.user.id, targetLabel: ctx.user.email });
  });
}
