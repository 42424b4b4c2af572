import type { Db } from "@/lib/db/client";
import { recordAudit } from "@/lib/audit/record";
import { verifyPassword } from "./password";
import { trustedDeviceId } from "./device-cookie";
import { clearRateLimit, hitRateLimit, rateRules, refundRateLimit } from "./rate-limit";
import { createSession } from "./sessions";
import { accountsForEmail, recordLockout, recordSignInFailure } from "./sign-in-audit";
import { transaction } from "@/lib/db/transaction";

export type SignInOutcome =
  | { ok: true; userId: string; sid: string }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "rate_limited"; retryAfterSeconds: number };

/**
 * Checks an email and password against the console accounts that carry that
 * email (an address may administer several workspaces; the most recently
 * used wins). A miss takes as long as a hit, so the answer never tells
 * whether an account exists.
 *
 * Failures are counted, before the password is checked (so parallel guesses
 * cannot all slip under a limit), per client address and per account
 * bucket: the browser's own bucket when it presents a device cookie signed
 * for this email (`deviceCookie`, see device-cookie.ts), else the email's
 * "untrusted" bucket. An attacker who exhausts the untrusted bucket is
 * refused, while the owner signing in from a browser that signed in before
 * is not.
 */
export async function signInWithPassword(
  db: Db,
  input: { email: string; password: string; address: string; userAgent?: string; deviceCookie?: string | null },
  now = new Date(),
): Promise<SignInOutcome> {
  const email = input.email.trim().toLowerCase();
  const addressKey = `sign-in:addr:${input.address}`;
  const deviceId = trustedDeviceId(input.deviceCookie, email);
  const accountKey = deviceId ? `sign-in:device:${deviceId}` : `sign-in:email:${email}`;
  const accountRule = deviceId ? rateRules.signInPerDevice : rateRules.signInPerEmail;

  const byAddress = await hitRateLimit(db, addressKey, rateRules.signInPerAddress, now);
  if (byAddress.limited) return { ok: false, reason: "rate_limited", retryAfterSeconds: byAddress.retryAfterSeconds };
  const byAccount = await hitRateLimit(db, accountKey, accountRule, now);
  if (byAccount.limited) {
    // The first refusal of a window is the lockout; later ones are refused failures. Counts are unique per attempt, so one request sees it.
    const accounts = await accountsForEmail(db, email);
    if (byAccount.count === accountRule.limit + 1) await recordLockout(db, accounts, input.address, { bucket: deviceId ? "device" : "untrusted", retryAfterSeconds: byAccount.retryAfterSeconds });
    else await recordSignInFailure(db, accounts, input.address, "rate_limited");
    return { ok: false, reason: "rate_limited", retryAfterSeconds: byAccount.retryAfterSeconds };
  }

  const candidates = await db.user.findMany({
    where: { emailNormalized: email, status: "ACTIVE", passwordHash: { not: null }, role: { consoleAccess: true } },
    select: { id: true, workspaceId: true, email: true, passwordHash: true },
    orderBy: [{ lastLoginAt: { sort: "desc", nulls: "last" } }, { createdAt: "asc" }],
    take: 5,
  });
  let match: (typeof candidates)[number] | undefined;
  for (const candidate of candidates) {
    if (await verifyPassword(candidate.passwordHash, input.password)) {
      match = candidate;
      break;
    }
  }
  if (candidates.length === 0) await verifyPassword(null, input.password);

  // A failure stays counted (and is audited where the email is an account); a success takes its own count back.
  if (!match) {
    await recordSignInFailure(db, candidates, input.address, "wrong_password");
    return { ok: false, reason: "invalid" };
  }
  await refundRateLimit(db, addressKey);
  // The owner's browser starts afresh; an untrusted success only takes back its own attempt, so it never hands an attacker a new five.
  if (deviceId) await clearRateLimit(db, accountKey);
  else await refundRateLimit(db, accountKey);
  const user = match;
  const sid = await transaction(db, async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { lastLoginAt: new Date() } });
    await recordAudit(tx, { workspaceId: user.workspaceId, actorId: user.id, actorEmail: user.email, address: input.address }, {
      action: "auth.sign_in",
      targetType: "user",
      targetId: user.id,
      targetLabel: user.email,
    });
    return createSession(tx, user, input.userAgent, input.address, now);
  });
  return { ok: true, userId: user.id, sid };
}
