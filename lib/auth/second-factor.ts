import type { Db, Tx } from "@/lib/db/client";
import { looksLikeRecoveryCode, useRecoveryCode } from "./recovery-codes";
import { consumeTotpStep, matchTotpStep } from "./totp";
import { openTotpSeed } from "./totp-seal";

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
    return (await useRecoveryCode(db, user, code)) ? { ok: true, method: "recovery_code" } : { ok: false, reason: "wrong_recovery_code" };
  }
  if (!user.totpSecret) return { ok: false, reason: "wrong_code" };
  const step = matchTotpStep(openTotpSeed(user.totpSecret, user.id), code, now);
  if (step === null) return { ok: false, reason: "wrong_code" };
  return (await consumeTotpStep(db, user, step)) ? { ok: true, method: "totp" } : { ok: false, reason: "reused_code" };
}
