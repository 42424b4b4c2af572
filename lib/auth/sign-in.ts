import type { Db } from "@/lib/db/client";
import { recordAudit } from "@/lib/audit/record";
import { verifyPassword } from "./password";
import { clearRateLimit, hitRateLimit, peekRateLimit, rateRules } from "./rate-limit";
import { createSession } from "./sessions";
import { transaction } from "@/lib/db/transaction";

export type SignInOutcome =
  | { ok: true; userId: string; sid: string }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "rate_limited"; retryAfterSeconds: number };

/**
 * Checks an email and password against the console accounts that carry that
 * email (an address may administer several workspaces; the most recently
 * used wins). Failures are counted per address and per client, and a miss
 * takes as long as a hit, so the answer never tells whether an account exists.
 */
export async function signInWithPassword(
  db: Db,
  input: { email: string; password: string; address: string; userAgent?: string },
): Promise<SignInOutcome> {
  const email = input.email.trim().toLowerCase();
  const keys = [`sign-in:email:${email}`, `sign-in:addr:${input.address}`] as const;
  const rules = [rateRules.signInPerEmail, rateRules.signInPerAddress] as const;
  for (const [i, key] of keys.entries()) {
    const state = await peekRateLimit(db, key, rules[i]);
    if (state.limited) return { ok: false, reason: "rate_limited", retryAfterSeconds: state.retryAfterSeconds };
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

  if (!match) {
    for (const [i, key] of keys.entries()) await hitRateLimit(db, key, rules[i]);
    return { ok: false, reason: "invalid" };
  }

  await clearRateLimit(db, keys[0]);
  const user = match;
  const sid = await transaction(db, async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { lastLoginAt: new Date() } });
    await recordAudit(tx, { workspaceId: user.workspaceId, actorId: user.id, actorEmail: user.email }, {
      action: "auth.sign_in",
      targetType: "user",
      targetId: user.id,
      targetLabel: user.email,
    });
    return createSession(tx, user, input.userAgent);
  });
  return { ok: true, userId: user.id, sid };
}
