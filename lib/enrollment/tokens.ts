import { actorOf, type ConsoleContext } from "@/lib/auth/console-context";
import { recordAudit } from "@/lib/audit/record";
import type { BulkValue } from "@/lib/db/bulk-insert";
import { unscopedDb, type Db, type Tx } from "@/lib/db/client";
import { newId } from "@/lib/db/ids";
import { transaction } from "@/lib/db/transaction";
import { randomToken, sha256 } from "@/lib/crypto/tokens";
import { AppError } from "@/lib/errors";
import { isTokenShaped } from "./schema";

/** How long an emailed enrollment link works. */
export const ENROLLMENT_TOKEN_TTL_DAYS = 720;
const DAY_MS = 86_400_000;

/** A fresh token: the secret goes into the email link once; only its hash and prefix are stored. */
export type NewEnrollmentToken = { token: string; tokenHash: string; prefix: string; expiresAt: Date };

/** Makes a new 128-bit enrollment token with its SHA-256, display prefix and expiry (pure, no database). */
export function newEnrollmentToken(now = new Date()): NewEnrollmentToken {
  const token = randomToken();
  return { token, tokenHash: sha256(token), prefix: token.slice(0, 6), expiresAt: new Date(now.getTime() + ENROLLMENT_TOKEN_TTL_DAYS * DAY_MS) };
}

export type EnrollmentTokenOwner = { workspaceId: string; userId: string; createdById: string | null };

/** A complete EnrollmentToken row (every column) for `bulkInsert(tx, "EnrollmentToken", rows)`. */
export function enrollmentTokenRow(input: EnrollmentTokenOwner & { token: NewEnrollmentToken; now?: Date }): Record<string, BulkValue> {
  return {
    id: newId(),
    workspaceId: input.workspaceId,
    userId: input.userId,
    tokenHash: input.token.tokenHash,
    prefix: input.token.prefix,
    kind: "EMAIL",
    expiresAt: input.token.expiresAt,
    revokedAt: null,
    mobileDevicesAllowed: 1,
    mobileDevicesUsed: 0,
    createdById: input.createdById,
    createdAt: input.now ?? new Date(),
  };
}

/** Creates one emailed enrollment token in the caller's transaction; the returned token is shown once. */
export async function createEnrollmentToken(tx: Db | Tx, input: EnrollmentTokenOwner & { now?: Date }): Promise<{ id: string; token: string }> {
  const now = input.now ?? new Date();
  const fresh = newEnrollmentToken(now);
  const row = await tx.enrollmentToken.create({
    data: {
      workspaceId: input.workspaceId,
      userId: input.userId,
      createdById: input.createdById,
      tokenHash: fresh.tokenHash,
      prefix: fresh.prefix,
      kind: "EMAIL",
      expiresAt: fresh.expiresAt,
      createdAt: now,
    },
    select: { id: true },
  });
  return { id: row.id, token: fresh.token };
}

/** The link an email carries. */
export function enrollmentLink(baseUrl: string, token: string): string {
  return `${baseUrl.replace(/\/+$/, "")}/enroll/${token}`;
}

export type TokenPageState =
  | { status: "valid"; user: { displayName: string; alias: string }; companyName: string; expiresAt: Date; mobileUsed: boolean }
  | { status: "unknown" | "expired" | "revoked" };

/**
 * What the public enrollment page may show for a token. Read-only: opening a
 * link (a person or a mail scanner) never counts, consumes or changes anything.
 */
export async function findTokenForPage(db: Db, token: string, now = new Date()): Promise<TokenPageState> {
  if (!isTokenShaped(token)) return { status: "unknown" };
  const row = await db.enrollmentToken.findUnique({
    where: { tokenHash: sha256(token) },
    select: {
      expiresAt: true, revokedAt: true, mobileDevicesAllowed: true, mobileDevicesUsed: true,
      user: { select: { displayName: true, alias: true } },
      workspace: { select: { name: true } },
    },
  });
  if (!row) return { status: "unknown" };
  if (row.revokedAt) return { status: "revoked" };
  if (row.expiresAt <= now) return { status: "expired" };
  return {
    status: "valid",
    user: { displayName: row.user.displayName, alias: row.user.alias },
    companyName: row.workspace.name,
    expiresAt: row.expiresAt,
    mobileUsed: row.mobileDevicesUsed >= row.mobileDevicesAllowed,
  };
}

/** Revokes a token of the context's workspace; revoking a revoked token changes nothing. */
export async function revokeEnrollmentToken(ctx: ConsoleContext, tokenId: string): Promise<{ revoked: boolean }> {
  return transaction(ctx.db, async (tx) => {
    const token = await tx.enrollmentToken.findFirst({
      where: { id: tokenId, workspaceId: ctx.workspace.id },
      select: { id: true, prefix: true, revokedAt: true, user: { select: { id: true, email: true } } },
    });
    if (!token) throw new AppError("NOT_FOUND", { userMessage: "That token no longer exists." });
    if (token.revokedAt) return { revoked: false };
    await tx.enrollmentToken.updateMany({ where: { id: token.id, workspaceId: ctx.workspace.id, revokedAt: null }, data: { revokedAt: new Date() } });
    await recordAudit(tx, actorOf(ctx), {
      action: "token.revoke",
      targetType: "enrollmentToken",
      targetId: token.id,
      targetLabel: `${token.prefix}… (${token.user.email})`,
      details: { userId: token.user.id, prefix: token.prefix },
    });
    return { revoked: true };
  });
}

/** A user's enrollment tokens, newest first, with their state and days left as of `now`, for the User Tokens tab. */
export async function listUserTokens(db: Db, workspaceId: string, userId: string, now = new Date()) {
  const rows = await db.enrollmentToken.findMany({
    where: { workspaceId, userId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: {
      id: true, prefix: true, kind: true, expiresAt: true, revokedAt: true, createdAt: true,
      mobileDevicesAllowed: true, mobileDevicesUsed: true,
      _count: { select: { devices: true } },
    },
  });
  return rows.map((row) => ({
    ...row,
    state: row.revokedAt ? ("revoked" as const) : row.expiresAt <= now ? ("expired" as const) : ("active" as const),
    daysLeft: Math.max(0, Math.ceil((row.expiresAt.getTime() - now.getTime()) / DAY_MS)),
    mobileUsed: row.mobileDevicesUsed >= row.mobileDevicesAllowed,
    deviceCount: row._count.devices,
  }));
}

/** The public enrollment page's view of a link: the visitor has no workspace yet, so the token is looked up through the unscoped client. */
export function enrollmentPageState(token: string): Promise<TokenPageState> {
  return findTokenForPage(unscopedDb(), token);
}
