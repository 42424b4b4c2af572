import type { Db, Tx } from "@/lib/db/client";
import { looksLikeRecoveryCode, redeemRecoveryCode } from "./recovery-codes";
import { consumeTotpStep, matchTotpStep } from "./totp";
import { openTotpSeed, resealedTotpSeed } from "./totp-seal";

export type SecondFactorVerdict =
  | { ok: true; method: "totp" | "recovery_code" }
  | { ok: false; reason: "wrong_code" | "reused_code" | "wrong_recovery_code" };

/**
 * Checks a code a 2FA user typed: six digits are a TOTP code (accepted once,
 * within the window), anything else of a recovery code's shape is one of
 * their recovery codes (used up by this). The user row must carry
 * `totpSecret` (the client omits it unless asked).
 */
export async function verifySecondFactor(
  db: Db | Tx,
  user: { id: string; workspaceId: string; totpSecret: string | null },
  code: string,
  now: Date,
): Promise<SecondFactorVerdict> {
  if (looksLikeRecoveryCode(code)) {
    return (await redeemRecoveryCode(db, user, code)) ? { ok: true, method: "recovery_code" } : { ok: false, reason: "wrong_recovery_code" };
  }
  if (!user.totpSecret) return { ok: false, reason: "wrong_code" };
  const step = matchTotpStep(openTotpSeed(user.totpSecret, user.id), code, now);
  if (step === null) return { ok: false, reason: "wrong_code" };
  if (!(await consumeTotpStep(db, user, step))) return { ok: false, reason: "reused_code" };
  // After AUTH_SECRET changed, each seed moves to the new key as its user next signs in, so AUTH_SECRET_PREVIOUS can go.
  const resealed = resealedTotpSeed(user.totpSecret, user.id);
  if (resealed) await db.user.updateMany({ where: { id: user.id, workspaceId: user.workspaceId, totpSecret: user.totpSecret }, data: { totpSecret: resealed } });
  return { ok: true, method: "totp" };
}
