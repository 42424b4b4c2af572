import type { Db } from "@/lib/db/client";
import type { SessionStage } from "@/lib/db/generated/postgresql/enums.ts";
import { recordAudit } from "@/lib/audit/record";
import { randomToken, sha256 } from "@/lib/crypto/tokens";
import { verifyPassword } from "./password";
import { trustedDeviceId } from "./device-cookie";
import { clearRateLimit, hitRateLimit, rateRules, refundRateLimit } from "./rate-limit";
import { createSession } from "./sessions";
import { accountsForEmail, recordLockout, recordSignInFailure } from "./sign-in-audit";
import { stageFor } from "./session-stage";
import { verifySecondFactor } from "./second-factor";
import { transaction } from "@/lib/db/transaction";

/** How long the second step of a sign-in may take. */
export const CHALLENGE_TTL_SECONDS = 5 * 60;
/** Wrong codes one challenge takes before the password must be given again. */
export const CHALLENGE_MAX_FAILURES = 5;

export type PasswordOutcome =
  | { ok: true; challenge: string; secondFactor: boolean; email: string }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "rate_limited"; retryAfterSeconds: number };

export type CompleteOutcome =
  | { ok: true; userId: string; sid: string; stage: SessionStage }
  | { ok: false; reason: "expired" | "code_required" | "wrong_code" }
  | { ok: false; reason: "rate_limited"; retryAfterSeconds: number };

export type SignInOutcome =
  | { ok: true; userId: string; sid: string; stage: SessionStage }
  | { ok: false; reason: "invalid" | "second_factor"; challenge?: string }
  | { ok: false; reason: "rate_limited"; retryAfterSeconds: number };

type ClientInput = { address: string; userAgent?: string };

/**
 * The first step: an email and password checked against the console
 * accounts that carry that email (an address may administer several
 * workspaces; the most recently used wins). A miss takes as long as a hit,
 * so the answer never tells whether an account exists.
 *
 * Failures are counted, before the password is checked (so parallel guesses
 * cannot all slip under a limit), per client address and per account
 * bucket: the browser's own bucket when it presents a device cookie signed
 * for this email (`deviceCookie`, see device-cookie.ts), else the email's
 * "untrusted" bucket. An attacker who exhausts the untrusted bucket is
 * refused, while the owner signing in from a browser that signed in before
 * is not.
 *
 * A right password starts no session: it gives a sign-in challenge (a
 * random token, stored as its SHA-256, 5 minutes, single use) that
 * `completeSignIn` turns into a session, with a 2FA code when the user has
 * 2FA on. So a password alone never signs a 2FA user in.
 */
export async function checkPassword(
  db: Db,
  input: ClientInput & { email: string; password: string; deviceCookie?: string | null },
  now = new Date(),
): Promise<PasswordOutcome> {
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
    select: { id: true, workspaceId: true, email: true, passwordHash: true, twoFactor: true },
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
  const secondFactor = match.twoFactor === "ACTIVE";
  // The owner's browser starts afresh once signed in; before a 2FA code, only this attempt is taken back,
  // so wrong codes counted in the same bucket stay counted. An untrusted success never hands an attacker a new five.
  if (deviceId && !secondFactor) await clearRateLimit(db, accountKey);
  else await refundRateLimit(db, accountKey);

  const challenge = randomToken();
  await db.signInChallenge.create({
    data: {
      tokenHash: sha256(challenge),
      workspaceId: match.workspaceId,
      userId: match.id,
      rateKey: accountKey,
      expiresAt: new Date(now.getTime() + CHALLENGE_TTL_SECONDS * 1000),
    },
  });
  return { ok: true, challenge, secondFactor, email: match.email };
}

/** The email of a live challenge's user (to remember the browser after the second step), or null. */
export async function challengeEmail(db: Db, challenge: string, now = new Date()): Promise<string | null> {
  const row = await db.signInChallenge.findUnique({ where: { tokenHash: sha256(challenge) }, select: { expiresAt: true, user: { select: { email: true } } } });
  return row && row.expiresAt > now ? row.user.email : null;
}

/**
 * The second step: consumes a challenge from `checkPassword` and starts the
 * session. When the user has 2FA on, `code` must be a TOTP code of the
 * accepted window not used before, or an unused recovery code. Wrong codes
 * count against the same account bucket as wrong passwords (and the client
 * address), and after CHALLENGE_MAX_FAILURES the challenge is gone. The
 * session starts in the stage the user's state calls for (a new password or
 * 2FA setup first; lib/auth/session-stage.ts).
 */
export async function completeSignIn(db: Db, input: ClientInput & { challenge: string; code?: string }, now = new Date()): Promise<CompleteOutcome> {
  const found = await db.signInChallenge.findUnique({
    where: { tokenHash: sha256(input.challenge) },
    include: { user: { include: { role: true, workspace: { select: { settings: true } } }, omit: { totpSecret: false } } },
  });
  if (!found || found.expiresAt <= now || found.failures >= CHALLENGE_MAX_FAILURES) return { ok: false, reason: "expired" };
  const user = found.user;
  if (user.status !== "ACTIVE" || !user.role.consoleAccess) return { ok: false, reason: "expired" };
  const actor = { workspaceId: user.workspaceId, actorId: user.id, actorEmail: user.email, address: input.address };

  let method: "password" | "totp" | "recovery_code" = "password";
  if (user.twoFactor === "ACTIVE") {
    const code = input.code?.trim() ?? "";
    if (!code) return { ok: false, reason: "code_required" };
    const addressKey = `sign-in:addr:${input.address}`;
    const byAddress = await hitRateLimit(db, addressKey, rateRules.signInPerAddress, now);
    const onDevice = found.rateKey.startsWith("sign-in:device:");
    const accountRule = onDevice ? rateRules.signInPerDevice : rateRules.signInPerEmail;
    const byAccount = await hitRateLimit(db, found.rateKey, accountRule, now);
    if (byAccount.count === accountRule.limit + 1) {
      await recordLockout(db, [{ id: user.id, workspaceId: user.workspaceId, email: user.email }], input.address, { bucket: onDevice ? "device" : "untrusted", retryAfterSeconds: byAccount.retryAfterSeconds });
    }
    if (byAddress.limited || byAccount.limited) {
      return { ok: false, reason: "rate_limited", retryAfterSeconds: Math.max(byAddress.retryAfterSeconds, byAccount.retryAfterSeconds) };
    }
    const verdict = await verifySecondFactor(db, user, code, now);
    if (!verdict.ok) {
      await db.signInChallenge.updateMany({ where: { id: found.id }, data: { failures: { increment: 1 } } });
      await recordAudit(db, actor, { action: "auth.sign_in_failed", targetType: "user", targetId: user.id, targetLabel: user.email, details: { reason: verdict.reason } });
      return { ok: false, reason: "wrong_code" };
    }
    method = verdict.method;
    await refundRateLimit(db, addressKey);
    if (onDevice) await clearRateLimit(db, found.rateKey);
    else await refundRateLimit(db, found.rateKey);
  }

  // Single use: of two submissions of one challenge, only the one that deletes it goes on.
  const { count } = await db.signInChallenge.deleteMany({ where: { id: found.id, expiresAt: { gt: now } } });
  if (count !== 1) return { ok: false, reason: "expired" };
  const stage = stageFor(user);
  const sid = await transaction(db, async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { lastLoginAt: now } });
    if (method === "recovery_code") {
      await recordAudit(tx, actor, { action: "auth.2fa_recovery_code_used", targetType: "user", targetId: user.id, targetLabel: user.email });
    }
    await recordAudit(tx, actor, {
      action: "auth.sign_in",
      targetType: "user",
      targetId: user.id,
      targetLabel: user.email,
      details: { secondFactor: method === "password" ? null : method, ...(stage === "FULL" ? {} : { stage }) },
    });
    return createSession(tx, user, { userAgent: input.userAgent, address: input.address, now, stage });
  });
  return { ok: true, userId: user.id, sid, stage };
}

/**
 * Both steps in one, for a caller holding no code: signs a user without 2FA
 * in; for a 2FA user answers `second_factor` with the challenge to complete.
 */
export async function signInWithPassword(
  db: Db,
  input: ClientInput & { email: string; password: string; deviceCookie?: string | null },
  now = new Date(),
): Promise<SignInOutcome> {
  const first = await checkPassword(db, input, now);
  if (!first.ok) return first;
  if (first.secondFactor) return { ok: false, reason: "second_factor", challenge: first.challenge };
  const done = await completeSignIn(db, { challenge: first.challenge, address: input.address, userAgent: input.userAgent }, now);
  if (done.ok || done.reason === "rate_limited") return done;
  return { ok: false, reason: "invalid" };
}
