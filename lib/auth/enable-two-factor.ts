import { recordAudit } from "@/lib/audit/record";
import { sha256 } from "@/lib/crypto/tokens";
import { transaction } from "@/lib/db/transaction";
import { AppError } from "@/lib/errors";
import { hashRecoveryCodes, newRecoveryCodes, storeRecoveryCodes } from "./recovery-codes";
import { selfActor, selfRef, type SelfContext } from "./self-context";
import { matchTotpStep } from "./totp";
import { openTotpSeed } from "./totp-seal";

export const WRONG_SETUP_CODE = "That code does not match. Check that your phone's clock is right, and type the code the app shows now.";

/**
 * Turns 2FA on with the seed being set up, once a code from it proves the
 * app has it: the seed moves to totpSecret (sealed), the code's step is
 * recorded as used, ten recovery codes replace any earlier ones, and the
 * person's other sessions end. Returns the recovery codes, shown once.
 */
export async function enableTwoFactor(self: SelfContext, input: { code: string }, now = new Date()): Promise<{ recoveryCodes: string[] }> {
  const where = { id: self.user.id, workspaceId: self.workspace.id };
  const user = await self.db.user.findFirstOrThrow({ where, select: { twoFactor: true, totpPendingSecret: true } });
  if (user.twoFactor === "ACTIVE") throw new AppError("CONFLICT", { userMessage: "Two-factor authentication is already on." });
  if (!user.totpPendingSecret) throw new AppError("CONFLICT", { userMessage: "Reload the page to start the setup again." });
  const step = matchTotpStep(openTotpSeed(user.totpPendingSecret, self.user.id), input.code, now);
  if (step === null) throw new AppError("BAD_INPUT", { userMessage: "Check the highlighted fields.", fieldErrors: { code: [WRONG_SETUP_CODE] } });

  const recoveryCodes = newRecoveryCodes();
  const hashes = await hashRecoveryCodes(recoveryCodes);
  await transaction(self.db, async (tx) => {
    // Only the seed this code was checked against, and only once.
    const { count } = await tx.user.updateMany({
      where: { ...where, twoFactor: { not: "ACTIVE" }, totpPendingSecret: user.totpPendingSecret },
      data: { totpSecret: user.totpPendingSecret, totpPendingSecret: null, totpLastStep: step, twoFactor: "ACTIVE" },
    });
    if (count !== 1) throw new AppError("CONFLICT", { userMessage: "Two-factor authentication was changed meanwhile. Reload the page." });
    await storeRecoveryCodes(tx, selfRef(self), hashes);
    await tx.session.deleteMany({ where: { workspaceId: self.workspace.id, userId: self.user.id, idHash: { not: sha256(self.sid) } } });
    await recordAudit(tx, selfActor(self), { action: "auth.2fa_enable", targetType: "user", targetId: self.user.id, targetLabel: self.user.email });
  });
  return { recoveryCodes };
}
