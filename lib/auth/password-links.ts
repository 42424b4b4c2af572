import { unscopedDb, type Db, type Tx } from "@/lib/db/client";
import type { PasswordLinkPurpose } from "@/lib/db/generated/postgresql/enums.ts";
import { randomToken, sha256 } from "@/lib/crypto/tokens";

/**
 * The single-use "set your password" link: account activation, password
 * recovery and (later) invitations. Its token carries 128 random bits and
 * only its SHA-256 is stored. Opening the page only reads it
 * (`inspectPasswordLink`): mail scanners fetch links, and must not use them
 * up. Submitting the form uses it (`usePasswordLink`) by a conditional
 * update, so of two submissions exactly one wins.
 */

/** How long a link works, by purpose. */
export const LINK_LIFETIME_MS: Record<PasswordLinkPurpose, number> = {
  ACTIVATION: 24 * 60 * 60_000,
  RECOVERY: 60 * 60_000,
  INVITATION: 7 * 24 * 60 * 60_000,
};

/** The same lifetimes as people read them, for emails and pages. */
export const LINK_LIFETIME_TEXT: Record<PasswordLinkPurpose, string> = {
  ACTIVATION: "24 hours",
  RECOVERY: "1 hour",
  INVITATION: "7 days",
};

/** Tokens are 22 base64url characters; anything else is refused before a lookup. */
export const LINK_TOKEN_PATTERN = /^[A-Za-z0-9_-]{22}$/;

/**
 * Issues a new link and revokes the user's earlier unused links of the same
 * purpose, so only the newest works. Returns the token, which exists only in
 * the email that carries it. Run it in the transaction that queues that email.
 */
export async function issuePasswordLink(
  tx: Db | Tx,
  input: { workspaceId: string; userId: string; purpose: PasswordLinkPurpose; createdById: string | null },
  now = new Date(),
): Promise<{ token: string; expiresAt: Date }> {
  await tx.passwordLink.updateMany({
    where: { workspaceId: input.workspaceId, userId: input.userId, purpose: input.purpose, usedAt: null, revokedAt: null },
    data: { revokedAt: now },
  });
  const token = randomToken();
  const expiresAt = new Date(now.getTime() + LINK_LIFETIME_MS[input.purpose]);
  await tx.passwordLink.create({
    data: { workspaceId: input.workspaceId, userId: input.userId, purpose: input.purpose, tokenHash: sha256(token), expiresAt, createdById: input.createdById },
  });
  return { token, expiresAt };
}

/** Revokes every unused link of these users (their password changed another way, or they lost console access). */
export async function revokePasswordLinks(tx: Db | Tx, workspaceId: string, userIds: string[], now = new Date()): Promise<void> {
  await tx.passwordLink.updateMany({ where: { workspaceId, userId: { in: userIds }, usedAt: null, revokedAt: null }, data: { revokedAt: now } });
}

export type LinkProblem = "unknown" | "expired" | "used" | "revoked";

export type LinkState =
  | { ok: true; linkId: string; purpose: PasswordLinkPurpose; expiresAt: Date; user: { id: string; workspaceId: string; email: string; displayName: string; alias: string } }
  | { ok: false; problem: LinkProblem };

/** What a link is, without using it. "unknown" also covers a malformed token. */
export async function inspectPasswordLink(db: Db | Tx, token: string, now = new Date()): Promise<LinkState> {
  if (!LINK_TOKEN_PATTERN.test(token)) return { ok: false, problem: "unknown" };
  const link = await db.passwordLink.findUnique({
    where: { tokenHash: sha256(token) },
    include: { user: { select: { id: true, workspaceId: true, email: true, displayName: true, alias: true, status: true } } },
  });
  if (!link || link.user.status !== "ACTIVE") return { ok: false, problem: "unknown" };
  if (link.usedAt) return { ok: false, problem: "used" };
  if (link.revokedAt) return { ok: false, problem: "revoked" };
  if (link.expiresAt <= now) return { ok: false, problem: "expired" };
  const { id, workspaceId, email, displayName, alias } = link.user;
  return { ok: true, linkId: link.id, purpose: link.purpose, expiresAt: link.expiresAt, user: { id, workspaceId, email, displayName, alias } };
}

/** The set-password page's read of its link (no session, so the whole database). */
export function passwordLinkForPage(token: string): Promise<LinkState> {
  return inspectPasswordLink(unscopedDb(), token);
}

/**
 * Uses the link inside the caller's transaction: marks it used only if it is
 * still unused, unrevoked and unexpired (one conditional update, so parallel
 * submissions cannot both pass), and returns its state from before. The
 * caller then sets the password in the same transaction.
 */
export async function usePasswordLink(tx: Tx, token: string, now = new Date()): Promise<LinkState> {
  const state = await inspectPasswordLink(tx, token, now);
  if (!state.ok) return state;
  const { count } = await tx.passwordLink.updateMany({
    where: { id: state.linkId, usedAt: null, revokedAt: null, expiresAt: { gt: now } },
    data: { usedAt: now },
  });
  return count === 1 ? state : { ok: false, problem: "used" };
}

/** What a refused link shows, whatever the reason; none tells anything about an account. */
export const LINK_PROBLEM_TEXT: Record<LinkProblem, string> = {
  unknown: "This link is not valid. Check that you opened the whole link from the email, or ask for a new one.",
  expired: "This link has expired. Ask for a new one.",
  used: "This link has already been used. Each link works once; ask for a new one if you need it.",
  revoked: "A newer link replaced this one. Use the most recent email, or ask for a new link.",
};
