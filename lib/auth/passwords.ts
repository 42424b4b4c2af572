import { randomInt } from "node:crypto";
import type { z } from "zod";
import { recordAudit, type Actor } from "@/lib/audit/record";
import { unscopedDb, type Db, type Tx } from "@/lib/db/client";
import { sha256 } from "@/lib/crypto/tokens";
import { transaction } from "@/lib/db/transaction";
import { AppError } from "@/lib/errors";
import { PASSWORD_CHANGED_KIND, PASSWORD_LINK_KIND, passwordChangedSubject, passwordLinkSubject, type PasswordChangedParams, type PasswordLinkParams } from "@/lib/mail/account-emails";
import { queueEmail } from "@/lib/mail/outbox";
import { actorOf, type ConsoleContext } from "./console-context";
import { hashPassword, verifyPassword } from "./password";
import { issuePasswordLink, LINK_LIFETIME_TEXT, LINK_PROBLEM_TEXT, revokePasswordLinks, usePasswordLink, inspectPasswordLink } from "./password-links";
import { assertPasswordPolicy, passwordProblem } from "./password-policy";
import type { selectedUsersSchema, setPasswordSchema, setUserPasswordsSchema } from "./schema";
import { MANAGE_ADMINS, rolePermissions } from "./permissions";
import { credentialsProblem } from "./credentials";
import { hitRateLimit, rateRules, refundRateLimit } from "./rate-limit";

/**
 * Every way a password is set — by its owner in Settings, through a
 * set-password link, by an administrator — ends in `storeNewPassword`: the
 * hash and time are written, every other session of the user ends, unused
 * links are revoked, the event is audited and (unless an administrator chose
 * not to) the user is told by email. One path, so no way of changing a
 * password can forget a step.
 */

export type Account = { id: string; workspaceId: string; email: string; displayName: string; alias: string };

export async function storeNewPassword(
  tx: Tx,
  input: {
    user: Account;
    passwordHash: string;
    how: PasswordChangedParams["how"];
    mustChange: boolean;
    /** The session that stays signed in (the owner changing their own password), if any. */
    keepSid: string | null;
    notify: boolean;
    actor: Actor;
    details?: Record<string, unknown>;
  },
  now: Date,
): Promise<void> {
  const { user } = input;
  await tx.user.update({
    where: { id: user.id, workspaceId: user.workspaceId },
    data: { passwordHash: input.passwordHash, mustChangePassword: input.mustChange, passwordChangedAt: now },
  });
  await tx.session.deleteMany({
    where: { workspaceId: user.workspaceId, userId: user.id, ...(input.keepSid ? { idHash: { not: sha256(input.keepSid) } } : {}) },
  });
  await revokePasswordLinks(tx, user.workspaceId, [user.id], now);
  await recordAudit(tx, input.actor, {
    action: input.how === "self" ? "auth.password_change" : "auth.password_reset",
    targetType: "user",
    targetId: user.id,
    targetLabel: user.email,
    details: { how: input.how, mustChange: input.mustChange, notified: input.notify, ...input.details },
  });
  if (!input.notify) return;
  const workspace = await tx.workspace.findUniqueOrThrow({ where: { id: user.workspaceId }, select: { name: true } });
  const params: PasswordChangedParams = {
    companyName: workspace.name,
    name: user.displayName || user.alias,
    how: input.how,
    when: formatUtc(now),
    mustChange: input.mustChange ? "yes" : "no",
  };
  await queueEmail(tx, { workspaceId: user.workspaceId, userId: user.id, kind: PASSWORD_CHANGED_KIND, to: user.email, subject: passwordChangedSubject(workspace.name), params, token: null });
}

/** "1 December 2026, 14:05 UTC": the mail names the moment of the change, read anywhere. */
function formatUtc(date: Date): string {
  const day = date.toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
  const time = date.toLocaleTimeString("en-GB", { hour: "2-digit", minute: "2-digit", timeZone: "UTC" });
  return `${day}, ${time} UTC`;
}

const accountSelect = { id: true, workspaceId: true, email: true, displayName: true, alias: true } as const;

// ---------------------------------------------------------------- own password

/**
 * Changes the signed-in person's password after checking the current one;
 * this session stays signed in, every other ends.
 */
export async function changePassword(ctx: ConsoleContext, input: { currentPassword: string; newPassword: string }, now = new Date()): Promise<void> {
  const user = await ctx.db.user.findFirstOrThrow({ where: { id: ctx.user.id, workspaceId: ctx.workspace.id }, select: { ...accountSelect, passwordHash: true } });
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw new AppError("BAD_INPUT", { userMessage: "Check the highlighted fields.", fieldErrors: { currentPassword: ["This is not your current password"] } });
  }
  assertPasswordPolicy(input.newPassword, ctx.user.email, "newPassword");
  const passwordHash = await hashPassword(input.newPassword);
  await transaction(ctx.db, (tx) =>
    storeNewPassword(tx, { user, passwordHash, how: "self", mustChange: false, keepSid: ctx.sid, notify: true, actor: actorOf(ctx) }, now),
  );
}

// ---------------------------------------------------------------- the set-password link

/**
 * Sets a password through a set-password link, using the link up. Wrong,
 * used and expired links count toward a limit per client address. The new
 * password ends every session of the user; signing in afterwards still asks
 * for the second factor of a user who has one (a link never bypasses it).
 */
export async function setPasswordWithLink(
  input: z.infer<typeof setPasswordSchema> & { address: string },
  now = new Date(),
  db: Db = unscopedDb(),
): Promise<{ email: string }> {
  const limitKey = `set-password:addr:${input.address}`;
  const limit = await hitRateLimit(db, limitKey, rateRules.passwordLinkPerAddress, now);
  if (limit.limited) throw new AppError("RATE_LIMITED", { userMessage: `Too many attempts. Wait ${Math.ceil(limit.retryAfterSeconds / 60)} minutes, then try again.` });

  const state = await inspectPasswordLink(db, input.token, now);
  if (!state.ok) throw new AppError("GONE", { userMessage: LINK_PROBLEM_TEXT[state.problem] });
  if (input.password !== input.confirm) {
    await refundRateLimit(db, limitKey);
    throw new AppError("BAD_INPUT", { userMessage: "Check the highlighted fields.", fieldErrors: { confirm: ["The two passwords differ"] } });
  }
  try {
    assertPasswordPolicy(input.password, state.user.email, "password");
  } catch (error) {
    await refundRateLimit(db, limitKey); // a weak password is not a guess at a link
    throw error;
  }
  const passwordHash = await hashPassword(input.password);
  const used = await transaction(db, async (tx) => {
    const link = await usePasswordLink(tx, input.token, now);
    if (!link.ok) return link;
    await storeNewPassword(
      tx,
      {
        user: link.user,
        passwordHash,
        how: "link",
        mustChange: false,
        keepSid: null,
        notify: true,
        actor: { workspaceId: link.user.workspaceId, actorId: link.user.id, actorEmail: link.user.email, address: input.address },
        details: { purpose: link.purpose.toLowerCase() },
      },
      now,
    );
    return link;
  });
  if (!used.ok) throw new AppError("GONE", { userMessage: LINK_PROBLEM_TEXT[used.problem] });
  await refundRateLimit(db, limitKey);
  return { email: used.user.email };
}

// ---------------------------------------------------------------- recovery emails

/** Who may get a set-password link or a new password: users who may sign in to the console and whose password is Roster's. */
type Target = Account & { source: string; status: string; hasPassword: boolean; consoleAccess: boolean; isAdmin: boolean };

async function loadTargets(db: Db | Tx, workspaceId: string, where: { id: { in: string[] } } | { emailNormalized: string }): Promise<Target[]> {
  const users = await db.user.findMany({
    where: { workspaceId, ...where },
    select: { ...accountSelect, source: true, status: true, passwordHash: true, role: { select: { key: true, permissions: true, consoleAccess: true } } },
    orderBy: { id: "asc" },
  });
  return users.map(({ passwordHash, role, ...u }) => ({
    ...u,
    hasPassword: passwordHash !== null,
    consoleAccess: role.consoleAccess,
    isAdmin: rolePermissions(role).has(MANAGE_ADMINS),
  }));
}

/** Only someone who may make administrators may take over an administrator's credentials. */
function assertMayManage(ctx: ConsoleContext, targets: Target[]): void {
  if (targets.some((t) => t.isAdmin) && !ctx.permissions.has(MANAGE_ADMINS)) {
    throw new AppError("FORBIDDEN", { userMessage: "Only an administrator who can manage administrators may change another administrator's password." });
  }
}

/**
 * The activation email of a new user whose role reaches the console: a
 * link to set their first password, valid 24 hours. Run in the transaction
 * that creates the user.
 */
export async function queueActivationEmail(tx: Tx, user: Account, input: { companyName: string; baseUrl: string; createdById: string }, now = new Date()): Promise<void> {
  await queuePasswordLink(tx, { ...user, hasPassword: false }, { ...input, requestedBy: "administrator" }, now);
}

async function queuePasswordLink(tx: Tx, user: Account & { hasPassword: boolean }, input: { companyName: string; baseUrl: string; createdById: string | null; requestedBy: PasswordLinkParams["requestedBy"] }, now: Date) {
  const purpose = user.hasPassword ? "RECOVERY" : "ACTIVATION";
  const { token } = await issuePasswordLink(tx, { workspaceId: user.workspaceId, userId: user.id, purpose, createdById: input.createdById }, now);
  const params: PasswordLinkParams = {
    companyName: input.companyName,
    name: user.displayName || user.alias,
    purpose: purpose === "RECOVERY" ? "recovery" : "activation",
    baseUrl: input.baseUrl,
    validFor: LINK_LIFETIME_TEXT[purpose],
    requestedBy: input.requestedBy,
  };
  await queueEmail(tx, { workspaceId: user.workspaceId, userId: user.id, kind: PASSWORD_LINK_KIND, to: user.email, subject: passwordLinkSubject(params), params, token });
}

export type RecoveryResult = { sent: number; skipped: { name: string; reason: string }[] };

/**
 * "Send Password Recovery Email" for selected users: each who may sign in
 * gets a new link (recovery, 1 hour; activation, 24 hours, when they have no
 * password yet); their earlier links stop working. Users who cannot are
 * skipped and named with the reason.
 */
export async function sendRecoveryEmails(ctx: ConsoleContext, input: z.infer<typeof selectedUsersSchema>, opts: { baseUrl: string }, now = new Date()): Promise<RecoveryResult> {
  return transaction(ctx.db, async (tx) => {
    const targets = await loadTargets(tx, ctx.workspace.id, { id: { in: input.userIds } });
    if (targets.length === 0) throw new AppError("NOT_FOUND", { userMessage: "Those users no longer exist." });
    assertMayManage(ctx, targets);
    const result: RecoveryResult = { sent: 0, skipped: [] };
    for (const user of targets) {
      const problem = credentialsProblem(user);
      if (problem) {
        result.skipped.push({ name: user.displayName || user.alias, reason: problem });
        continue;
      }
      await queuePasswordLink(tx, user, { companyName: ctx.workspace.name, baseUrl: opts.baseUrl, createdById: ctx.user.id, requestedBy: "administrator" }, now);
      await recordAudit(tx, actorOf(ctx), { action: "auth.recovery_request", targetType: "user", targetId: user.id, targetLabel: user.email, details: { by: "administrator" } });
      result.sent++;
    }
    return result;
  });
}

/** The least time "Forgot password?" takes, so a known address (a link issued, a message queued) answers no later than an unknown one. */
export const FORGOT_PASSWORD_FLOOR_MS = 400;

/**
 * "Forgot password?": every account of the address that may sign in gets a
 * recovery link. Nothing in the result, its time, or an error says whether
 * there was one: over the limits, or without a usable base URL, it does
 * nothing and answers the same.
 */
export async function requestPasswordRecovery(
  input: { email: string; address: string; baseUrl: string | null },
  { now = new Date(), db = unscopedDb(), wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)) }: { now?: Date; db?: Db; wait?: (ms: number) => Promise<void> } = {},
): Promise<void> {
  const started = performance.now();
  try {
    const email = input.email.trim().toLowerCase();
    const byAddress = await hitRateLimit(db, `recovery:addr:${input.address}`, rateRules.recoveryPerAddress, now);
    const byEmail = await hitRateLimit(db, `recovery:email:${email}`, rateRules.recoveryPerEmail, now);
    if (byAddress.limited || byEmail.limited || !input.baseUrl) return;
    const baseUrl = input.baseUrl;
    const workspaces = await db.user.findMany({ where: { emailNormalized: email }, select: { workspaceId: true, workspace: { select: { name: true } } }, take: 5 });
    for (const { workspaceId, workspace } of workspaces) {
      await transaction(db, async (tx) => {
        const [user] = await loadTargets(tx, workspaceId, { emailNormalized: email });
        if (!user || credentialsProblem(user)) return;
        await queuePasswordLink(tx, user, { companyName: workspace.name, baseUrl, createdById: null, requestedBy: "self" }, now);
        await recordAudit(tx, { workspaceId, actorId: null, actorEmail: user.email, address: input.address }, { action: "auth.recovery_request", targetType: "user", targetId: user.id, targetLabel: user.email, details: { by: "self" } });
      });
    }
  } finally {
    const left = FORGOT_PASSWORD_FLOOR_MS - (performance.now() - started);
    if (left > 0) await wait(left);
  }
}

// ---------------------------------------------------------------- Change Password (administrators)

export type SetPasswordsResult = { changed: { id: string; name: string; email: string; password: string | null }[]; skipped: { name: string; reason: string }[] };

// No 0/O, 1/l/I: a generated password is often read aloud or copied by hand.
const GENERATED_ALPHABET = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
const GENERATED_LENGTH = 16; // about 93 bits

/** A random password that meets the policy. */
export function generatePassword(email = ""): string {
  for (;;) {
    const password = Array.from({ length: GENERATED_LENGTH }, () => GENERATED_ALPHABET[randomInt(GENERATED_ALPHABET.length)]).join("");
    if (!passwordProblem(password, email)) return password;
  }
}

/**
 * Change Password for selected users: a typed password (the same for all)
 * or a generated one (each their own, returned once to be shown and never
 * stored in clear). Each changed user is signed out everywhere; with
 * `mustChange` they choose their own at the next sign-in. Changing one's own
 * password goes through Settings (it asks for the current one).
 */
export async function setUserPasswords(ctx: ConsoleContext, input: z.infer<typeof setUserPasswordsSchema>, now = new Date()): Promise<SetPasswordsResult> {
  if (input.userIds.includes(ctx.user.id)) {
    throw new AppError("BAD_INPUT", { userMessage: "Change your own password in Settings, where it asks for your current one." });
  }
  const targets = await loadTargets(ctx.db, ctx.workspace.id, { id: { in: input.userIds } });
  if (targets.length === 0) throw new AppError("NOT_FOUND", { userMessage: "Those users no longer exist." });
  assertMayManage(ctx, targets);
  const result: SetPasswordsResult = { changed: [], skipped: [] };
  const planned: { user: Target; password: string; hash: string }[] = [];
  for (const user of targets) {
    const problem = credentialsProblem(user);
    if (problem) {
      result.skipped.push({ name: user.displayName || user.alias, reason: problem });
      continue;
    }
    const password = input.mode === "generate" ? generatePassword(user.email) : input.password!;
    if (input.mode === "type") assertPasswordPolicy(password, user.email, "password");
    planned.push({ user, password, hash: await hashPassword(password) });
  }
  await transaction(ctx.db, async (tx) => {
    for (const { user, hash } of planned) {
      await storeNewPassword(
        tx,
        { user, passwordHash: hash, how: "administrator", mustChange: input.mustChange, keepSid: null, notify: input.notify, actor: actorOf(ctx), details: { generated: input.mode === "generate" } },
        now,
      );
    }
  });
  result.changed = planned.map(({ user, password }) => ({ id: user.id, name: user.displayName || user.alias, email: user.email, password: input.mode === "generate" ? password : null }));
  return result;
}
