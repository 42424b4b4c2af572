import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { verifyPassword } from "./password";
import { hitRateLimit, rateRules, refundRateLimit } from "./rate-limit";
import { verifySecondFactor } from "./second-factor";

/**
 * Proves the signed-in person is at the keyboard before a change to their
 * own 2FA: their current password, or a code (TOTP, used up like at
 * sign-in, or a recovery code). Attempts are counted per user, so a stolen
 * session is no password oracle; a success takes its count back.
 */
export async function confirmIdentity(
  db: Db,
  user: { id: string; workspaceId: string; passwordHash: string | null; totpSecret: string | null },
  input: { password: string; code: string },
  now: Date,
): Promise<void> {
  const rateKey = `confirm:user:${user.id}`;
  const limited = await hitRateLimit(db, rateKey, rateRules.confirmPerUser, now);
  if (limited.limited) throw new AppError("RATE_LIMITED", { userMessage: "Too many failed attempts. Wait 15 minutes, then try again." });
  if (input.password) {
    if (!(await verifyPassword(user.passwordHash, input.password))) {
      throw new AppError("BAD_INPUT", { userMessage: "Check the highlighted fields.", fieldErrors: { password: ["This is not your current password"] } });
    }
  } else if (!(await verifySecondFactor(db, user, input.code, now)).ok) {
    throw new AppError("BAD_INPUT", { userMessage: "Check the highlighted fields.", fieldErrors: { code: ["That code is not right, or was used already"] } });
  }
  await refundRateLimit(db, rateKey);
}
