import { recordAudit } from "@/lib/audit/record";
import { transaction } from "@/lib/db/transaction";
import { AppError } from "@/lib/errors";
import { confirmIdentity } from "./confirm-identity";
import { hashRecoveryCodes, newRecoveryCodes, storeRecoveryCodes } from "./recovery-codes";
import { selfActor, selfRef, type SelfContext } from "./self-context";

/** Ten new recovery codes for the signed-in person (after their password or a code); the old ones stop working. Shown once. */
export async function regenerateRecoveryCodes(self: SelfContext, input: { password: string; code: string }, now = new Date()): Promise<{ recoveryCodes: string[] }> {
  const user = await self.db.user.findFirstOrThrow({ where: { id: self.user.id, workspaceId: self.workspace.id }, omit: { passwordHash: false, totpSecret: false } });
  if (user.twoFactor !== "ACTIVE") throw new AppError("CONFLICT", { userMessage: "Two-factor authentication is not on." });
  await confirmIdentity(self.db, user, input, now);
  const recoveryCodes = newRecoveryCodes();
  const hashes = await hashRecoveryCodes(recoveryCodes);
  await transaction(self.db, async (tx) => {
    await storeRecoveryCodes(tx, selfRef(self), hashes);
    await recordAudit(tx, selfActor(self), { action: "auth.2fa_recovery_codes_new", targetType: "user", targetId: self.user.id, targetLabel: self.user.email });
  });
  return { recoveryCodes };
}
