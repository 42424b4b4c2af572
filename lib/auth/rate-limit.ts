import type { Db } from "@/lib/db/client";

export type RateRule = { limit: number; windowSeconds: number };

/** Limits in force, by what they protect. */
export const rateRules = {
  signInPerEmail: { limit: 5, windowSeconds: 15 * 60 },
  signInPerAddress: { limit: 30, windowSeconds: 15 * 60 },
  setupPerAddress: { limit: 10, windowSeconds: 60 * 60 },
} satisfies Record<string, RateRule>;

export type RateState = { limited: boolean; retryAfterSeconds: number };

/**
 * Fixed-window counters kept in the database, so every console instance
 * behind a load balancer shares them. `peek` reads, `hit` counts one event.
 */
export async function peekRateLimit(db: Db, key: string, rule: RateRule, now = new Date()): Promise<RateState> {
  const row = await db.rateLimit.findUnique({ where: { key } });
  if (!row || row.resetAt <= now) return { limited: false, retryAfterSeconds: 0 };
  return stateOf(row.count, row.resetAt, rule, now);
}

/** Counts one event against the key and says whether the limit is now exceeded. */
export async function hitRateLimit(db: Db, key: string, rule: RateRule, now = new Date()): Promise<RateState> {
  const resetAt = new Date(now.getTime() + rule.windowSeconds * 1000);
  // Start a new window when the old one has run out, then count atomically.
  await db.rateLimit.updateMany({ where: { key, resetAt: { lte: now } }, data: { count: 0, resetAt } });
  const row = await db.rateLimit.upsert({
    where: { key },
    create: { key, count: 1, resetAt },
    update: { count: { increment: 1 } },
  });
  return stateOf(row.count, row.resetAt, rule, now);
}

/** Forgets a key's events, e.g. after a successful sign-in. */
export async function clearRateLimit(db: Db, key: string): Promise<void> {
  await db.rateLimit.deleteMany({ where: { key } });
}

function stateOf(count: number, resetAt: Date, rule: RateRule, now: Date): RateState {
  const limited = count >= rule.limit;
  return { limited, retryAfterSeconds: limited ? Math.max(1, Math.ceil((resetAt.getTime() - now.getTime()) / 1000)) : 0 };
}
