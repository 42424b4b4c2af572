import type { Db } from "@/lib/db/client";

export type RateRule = { limit: number; windowSeconds: number };

/** Limits in force, by what they protect. */
export const rateRules = {
  /** Failed sign-ins for an email from browsers that have not signed in to it before (the "untrusted" bucket). */
  signInPerEmail: { limit: 5, windowSeconds: 15 * 60 },
  /** Failed sign-ins from one browser holding a valid device cookie for the email. */
  signInPerDevice: { limit: 5, windowSeconds: 15 * 60 },
  signInPerAddress: { limit: 30, windowSeconds: 15 * 60 },
  setupPerAddress: { limit: 10, windowSeconds: 60 * 60 },
  /** "Forgot password?" requests from one address, and for one email (past them, nothing is sent; the answer is the same). */
  recoveryPerAddress: { limit: 10, windowSeconds: 15 * 60 },
  recoveryPerEmail: { limit: 3, windowSeconds: 60 * 60 },
  /** Submissions of the set-password form with a wrong, used or expired link, from one address. */
  passwordLinkPerAddress: { limit: 20, windowSeconds: 15 * 60 },
  /** Password or code confirmations by a signed-in person (turning 2FA off), per user. */
  confirmPerUser: { limit: 5, windowSeconds: 15 * 60 },
} satisfies Record<string, RateRule>;

export type RateState = { limited: boolean; count: number; retryAfterSeconds: number };

/**
 * Counts one event against the key, then says whether this event is past
 * the limit: the limit-th event still passes, the next is refused. Counting
 * comes first, atomically (one upsert), so N parallel requests get counts
 * 1..N and never all pass a check made before any of them was counted.
 * Fixed-window counters kept in the database, so every console instance
 * behind a load balancer shares them.
 */
export async function hitRateLimit(db: Db, key: string, rule: RateRule, now = new Date()): Promise<RateState> {
  const resetAt = new Date(now.getTime() + rule.windowSeconds * 1000);
  // Start a new window when the old one has run out, then count atomically.
  await db.rateLimit.updateMany({ where: { key, resetAt: { lte: now } }, data: { count: 0, resetAt } });
  const row = await db.rateLimit.upsert({
    where: { key },
    create: { key, count: 1, resetAt },
    update: { count: { increment: 1 } },
  });
  const limited = row.count > rule.limit;
  return { limited, count: row.count, retryAfterSeconds: limited ? Math.max(1, Math.ceil((row.resetAt.getTime() - now.getTime()) / 1000)) : 0 };
}

/** Takes back one counted event that turned out not to be a failure (e.g. a successful sign-in). */
export async function refundRateLimit(db: Db, key: string): Promise<void> {
  await db.rateLimit.updateMany({ where: { key, count: { gt: 0 } }, data: { count: { decrement: 1 } } });
}

/** Forgets a key's events, e.g. after a successful sign-in. */
export async function clearRateLimit(db: Db, key: string): Promise<void> {
  await db.rateLimit.deleteMany({ where: { key } });
}
