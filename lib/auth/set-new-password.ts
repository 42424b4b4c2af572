import type { SessionStage } from "@/lib/db/generated/postgresql/enums.ts";
import { transaction } from "@/lib/db/transaction";
import { AppError } from "@/lib/errors";
import { hashPassword, verifyPassword } from "./password";
import { storeNewPassword } from "./passwords";
import { assertPasswordPolicy } from "./password-policy";
import { selfActor, type SelfContext } from "./self-context";
import { advanceSession } from "./session-stage";

/**
 * The forced step "Set a new password" (mustChangePassword): the person has
 * just signed in with the old one (and their 2FA code, when on), so it is
 * not asked again; the new one must meet the policy and differ from it.
 * Other sessions end; this one moves to its next step, or to the console.
 */
export async function setNewPassword(self: SelfContext, input: { newPassword: string }): Promise<SessionStage> {
  const where = { id: self.user.id, workspaceId: self.workspace.id };
  const user = await self.db.user.findFirstOrThrow({ where, select: { id: true, workspaceId: true, email: true, displayName: true, alias: true, passwordHash: true, mustChangePassword: true } });
  if (!user.mustChangePassword) throw new AppError("CONFLICT", { userMessage: "Your password was already changed." });
  assertPasswordPolicy(input.newPassword, self.user.email, "newPassword");
  if (await verifyPassword(user.passwordHash, input.newPassword)) {
    throw new AppError("BAD_INPUT", { userMessage: "Check the highlighted fields.", fieldErrors: { newPassword: ["Choose a password different from the one you signed in with"] } });
  }
  const passwordHash = await hashPassword(input.newPassword);
  return transaction(self.db, async (tx) => {
    // Claimed by a conditional update, so two submissions cannot both change it.
    const { count } = await tx.user.updateMany({ where: { ...where, mustChangePassword: true }, data: { mustChangePassword: false } });
    if (count !== 1) throw new AppError("CONFLICT", { userMessage: "Your password was already changed." });
    const account = { id: user.id, workspaceId: user.workspaceId, email: user.email, displayName: user.displayName, alias: user.alias };
    await storeNewPassword(tx, { user: account, passwordHash, how: "self", mustChange: false, keepSid: self.sid, notify: true, actor: selfActor(self), details: { asked: true } }, new Date());
    return advanceSession(tx, self.sid, where);
  });
}
