import { hitRateLimit, type RateRule } from "@/lib/auth/rate-limit";
import type { Db } from "@/lib/db/client";
import { RateLimitedError } from "@/lib/http/json";

/** Limits on the agent API, shared by every instance through the database. */
export const agentRateRules = {
  enrollPerToken: { limit: 20, windowSeconds: 60 * 60 },
  enrollPerAddress: { limit: 60, windowSeconds: 10 * 60 },
  heartbeatPerCredential: { limit: 30, windowSeconds: 10 * 60 },
  // A whole office may sit behind one NAT address.
  heartbeatPerAddress: { limit: 2000, windowSeconds: 10 * 60 },
  // Agents poll their policy; an unchanged one costs a 304.
  policyPerCredential: { limit: 60, windowSeconds: 10 * 60 },
  policyPerAddress: { limit: 4000, windowSeconds: 10 * 60 },
} satisfies Record<string, RateRule>;

/**
 * Counts one attempt against each key (atomically, before deciding) and
 * throws RateLimitedError when a key is past its limit: the limit-th attempt
 * still runs, the next is refused, however many arrive at once.
 */
export async function consumeRateLimits(db: Db, limits: { key: string; rule: RateRule }[], now = new Date()): Promise<void> {
  for (const { key, rule } of limits) {
    const state = await hitRateLimit(db, key, rule, now);
    if (state.limited) throw new RateLimitedError(state.retryAfterSeconds);
  }
}
