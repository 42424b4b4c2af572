import type { Db } from "@/lib/db/client";
import { recordAudit } from "@/lib/audit/record";

type Account = { id: string; workspaceId: string; email: string };

/**
 * The console accounts an email names, in the workspaces they belong to. A
 * failed sign-in for an address that matches no account has no workspace,
 * so it is recorded nowhere (the rate limits still count it).
 */
export function accountsForEmail(db: Db, email: string): Promise<Account[]> {
  return db.user.findMany({
    where: { emailNormalized: email, status: "ACTIVE", passwordHash: { not: null }, role: { consoleAccess: true } },
    select: { id: true, workspaceId: true, email: true },
    take: 5,
  });
}

/** Records a refused sign-in (`auth.sign_in_failed`) in each workspace where the email is an account; the client is told nothing more. */
export async function recordSignInFailure(db: Db, accounts: Account[], address: string, reason: "wrong_password" | "rate_limited"): Promise<void> {
  for (const account of accounts) {
    await recordAudit(db, { workspaceId: account.workspaceId, actorId: null, actorEmail: account.email, address }, {
      action: "auth.sign_in_failed",
      targetType: "user",
      targetId: account.id,
      targetLabel: account.email,
      details: { reason },
    });
  }
}

/** Records that an account's sign-in limit has just tripped (`auth.lockout`), once per window: the first refused attempt. */
export async function recordLockout(db: Db, accounts: Account[], address: string, details: { bucket: "untrusted" | "device"; retryAfterSeconds: number }): Promise<void> {
  for (const account of accounts) {
    await recordAudit(db, { workspaceId: account.workspaceId, actorId: null, actorEmail: account.email, address }, {
      action: "auth.lockout",
      targetType: "user",
      targetId: account.id,
      targetLabel: account.email,
      details,
    });
  }
}
