import { describe, expect, it } from "vitest";
import { disableTwoFactor, REQUIRED_FOR_ADMINS } from "@/lib/auth/disable-two-factor";
import { enableTwoFactor } from "@/lib/auth/enable-two-factor";
import { rateRules } from "@/lib/auth/rate-limit";
import { regenerateRecoveryCodes } from "@/lib/auth/regenerate-recovery-codes";
import { setNewPassword } from "@/lib/auth/set-new-password";
import { findSession } from "@/lib/auth/sessions";
import { checkPassword, completeSignIn, signInWithPassword } from "@/lib/auth/sign-in";
import { startTwoFactorSetup } from "@/lib/auth/start-two-factor-setup";
import { consumeTotpStep, totpCode, totpStep } from "@/lib/auth/totp";
import { openTotpSeed } from "@/lib/auth/totp-seal";
import type { Db } from "@/lib/db/client";
import { resetTwoFactor, RESET_ADMIN_REFUSED } from "@/lib/users/reset-two-factor";
import { updateUser } from "@/lib/users/update-user";
import { updateSecuritySettings } from "@/lib/workspaces/update-security-settings";
import { consoleContextFor, createRole, createUser, createWorkspace, defaultPassword } from "../factories";
import { testDb, testProviders } from "../support/db";

const T0 = new Date(Date.UTC(2026, 11, 1, 9, 0, 10));
const later = (seconds: number) => new Date(T0.getTime() + seconds * 1000);
const address = () => `203.0.113.${Math.floor(Math.random() * 250)}-${Math.random()}`;

/** An administrator with 2FA turned on at T0; returns the base32 key their app holds and their recovery codes. */
async function adminWith2fa(db: Db) {
  const w = await createWorkspace(db);
  const ctx = await consoleContextFor(db, w.admin.id);
  const setup = await startTwoFactorSetup(ctx);
  const { recoveryCodes } = await enableTwoFactor(ctx, { code: totpCode(setup.key, T0) }, T0);
  return { ...w, ctx, key: setup.key, recoveryCodes };
}

/** Password then code, as the sign-in page does. */
async function signInWithCode(db: Db, email: string, code: string | undefined, now: Date, password = defaultPassword) {
  const first = await checkPassword(db, { email, password, address: address() }, now);
  if (!first.ok) return first;
  return completeSignIn(db, { challenge: first.challenge, code, address: address() }, now);
}

describe.each(testProviders)("two-factor authentication on %s", (provider) => {
  const db = testDb(provider);

  it("enables 2FA with a code from the pending seed, keeps the seed sealed, and makes ten single-use recovery codes", async () => {
    const { workspace, admin, ctx } = await createWorkspace(db).then(async (w) => ({ ...w, ctx: await consoleContextFor(db, w.admin.id) }));
    const setup = await startTwoFactorSetup(ctx);
    // The same seed on a reload (the QR code already scanned stays valid).
    expect((await startTwoFactorSetup(ctx)).key).toBe(setup.key);
    await expect(enableTwoFactor(ctx, { code: "000000" === totpCode(setup.key, T0) ? "111111" : "000000" }, T0)).rejects.toMatchObject({ code: "BAD_INPUT" });
    const { recoveryCodes } = await enableTwoFactor(ctx, { code: totpCode(setup.key, T0) }, T0);
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);

    const row = await db.user.findUniqueOrThrow({ where: { id: admin.id }, omit: { totpSecret: false, totpPendingSecret: false } });
    expect(row.twoFactor).toBe("ACTIVE");
    expect(row.totpPendingSecret).toBeNull();
    expect(row.totpSecret).not.toContain(setup.key);
    expect(openTotpSeed(row.totpSecret!, admin.id)).toBe(setup.key);
    expect(row.totpLastStep).toBe(totpStep(T0));
    const stored = await db.recoveryCode.findMany({ where: { userId: admin.id } });
    expect(stored).toHaveLength(10);
    for (const code of recoveryCodes) expect(stored.some((s) => s.codeHash.includes(code.replace("-", "")))).toBe(false);
    expect(await db.auditEvent.count({ where: { workspaceId: workspace.id, action: "auth.2fa_enable" } })).toBe(1);
    await expect(enableTwoFactor(ctx, { code: totpCode(setup.key, later(30)) }, later(30))).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("never gives a 2FA user a session for the password alone; a code of the window signs in once, a reused one is refused", async () => {
    const { workspace, admin, key } = await adminWith2fa(db);
    const first = await signInWithPassword(db, { email: admin.email, password: admin.password, address: address() }, later(60));
    expect(first).toMatchObject({ ok: false, reason: "second_factor" });
    expect(await db.session.count({ where: { userId: admin.id } })).toBe(0);
    if (first.ok || first.reason !== "second_factor" || !first.challenge) throw new Error("expected a challenge");
    const challenge = first.challenge;
    expect(await completeSignIn(db, { challenge, address: address() }, later(60))).toEqual({ ok: false, reason: "code_required" });
    expect(await completeSignIn(db, { challenge, code: totpCode(key, later(-60)), address: address() }, later(60))).toEqual({ ok: false, reason: "wrong_code" });
    expect(await db.auditEvent.findFirst({ where: { workspaceId: workspace.id, action: "auth.sign_in_failed" }, select: { details: true } })).toEqual({ details: JSON.stringify({ reason: "wrong_code" }) });

    // The next step's code (a phone clock a little ahead) is accepted.
    const nextCode = totpCode(key, later(90));
    const done = await completeSignIn(db, { challenge, code: nextCode, address: address() }, later(60));
    expect(done).toMatchObject({ ok: true, stage: "FULL" });
    if (!done.ok) return;
    expect((await findSession(db, done.sid, later(60)))?.stage).toBe("FULL");
    // The challenge was used up.
    expect(await completeSignIn(db, { challenge, code: totpCode(key, later(60)), address: address() }, later(60))).toEqual({ ok: false, reason: "expired" });
    // The same code again, and an earlier step's, with a fresh password step: refused.
    expect(await signInWithCode(db, admin.email, nextCode, later(70))).toEqual({ ok: false, reason: "wrong_code" });
    expect(await signInWithCode(db, admin.email, totpCode(key, later(60)), later(70))).toEqual({ ok: false, reason: "wrong_code" });
    expect(await db.auditEvent.count({ where: { workspaceId: workspace.id, action: "auth.sign_in_failed", details: { contains: "reused_code" } } })).toBe(2);
    // A later step works.
    expect(await signInWithCode(db, admin.email, totpCode(key, later(120)), later(120))).toMatchObject({ ok: true });
  });

  it("expires a challenge after 5 minutes", async () => {
    const { admin, key } = await adminWith2fa(db);
    const first = await checkPassword(db, { email: admin.email, password: admin.password, address: address() }, later(60));
    if (!first.ok) throw new Error("password refused");
    expect(await completeSignIn(db, { challenge: first.challenge, code: totpCode(key, later(361)), address: address() }, later(361))).toEqual({ ok: false, reason: "expired" });
  });

  it("accepts each recovery code once, and records its use", async () => {
    const { workspace, admin, recoveryCodes } = await adminWith2fa(db);
    expect(await signInWithCode(db, admin.email, recoveryCodes[3].toUpperCase(), later(60))).toMatchObject({ ok: true });
    expect(await signInWithCode(db, admin.email, recoveryCodes[3], later(61))).toEqual({ ok: false, reason: "wrong_code" });
    expect(await db.recoveryCode.count({ where: { userId: admin.id } })).toBe(9);
    expect(await db.auditEvent.count({ where: { workspaceId: workspace.id, action: "auth.2fa_recovery_code_used" } })).toBe(1);

    // New codes replace the old ones, after the password.
    const ctx = await consoleContextFor(db, admin.id);
    await expect(regenerateRecoveryCodes(ctx, { password: "not my password", code: "" }, later(90))).rejects.toMatchObject({ code: "BAD_INPUT" });
    const { recoveryCodes: fresh } = await regenerateRecoveryCodes(ctx, { password: admin.password, code: "" }, later(90));
    expect(await db.recoveryCode.count({ where: { userId: admin.id } })).toBe(10);
    expect(await signInWithCode(db, admin.email, recoveryCodes[4], later(95))).toEqual({ ok: false, reason: "wrong_code" });
    expect(await signInWithCode(db, admin.email, fresh[0], later(96))).toMatchObject({ ok: true });
  });

  it("counts wrong codes in the account's sign-in bucket: after five failures even the right code is refused", async () => {
    const { admin, key } = await adminWith2fa(db);
    const now = later(60);
    const first = await checkPassword(db, { email: admin.email, password: admin.password, address: address() }, now);
    if (!first.ok) throw new Error("password refused");
    const wrong = totpCode(key, later(3600));
    for (let i = 0; i < rateRules.signInPerEmail.limit; i++) {
      expect(await completeSignIn(db, { challenge: first.challenge, code: wrong, address: address() }, now)).toMatchObject({ reason: "wrong_code" });
    }
    const again = await checkPassword(db, { email: admin.email, password: admin.password, address: address() }, now);
    expect(again).toMatchObject({ ok: false, reason: "rate_limited" });
  });

  it("lets exactly one of N parallel sign-ins with the same code through", async () => {
    const { admin, key } = await adminWith2fa(db);
    const now = later(60);
    const code = totpCode(key, now);
    const challenges: string[] = [];
    for (let i = 0; i < 6; i++) {
      const first = await checkPassword(db, { email: admin.email, password: admin.password, address: address() }, now);
      if (!first.ok) throw new Error("password refused");
      challenges.push(first.challenge);
    }
    const outcomes = await Promise.all(challenges.map((challenge) => completeSignIn(db, { challenge, code, address: address() }, now)));
    expect(outcomes.filter((o) => o.ok)).toHaveLength(1);
    // The others: the code was used (or, once the account's bucket is full, rate limited).
    expect(outcomes.filter((o) => !o.ok && (o.reason === "wrong_code" || o.reason === "rate_limited"))).toHaveLength(5);
    expect(await db.session.count({ where: { userId: admin.id } })).toBe(1);
  });

  it("records a step once under N parallel verifications (the conditional update)", async () => {
    const { admin, workspace } = await createWorkspace(db);
    const step = totpStep(later(60));
    const results = await Promise.all(Array.from({ length: 10 }, () => consumeTotpStep(db, { id: admin.id, workspaceId: workspace.id }, step)));
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await consumeTotpStep(db, { id: admin.id, workspaceId: workspace.id }, step - 1)).toBe(false);
    expect(await consumeTotpStep(db, { id: admin.id, workspaceId: workspace.id }, step + 1)).toBe(true);
  });

  it("Reset 2FA Token: Not configured, seed and codes gone, sessions ended; the next sign-in is password first, then 2FA setup", async () => {
    const target = await adminWith2fa(db);
    const other = await createUser(db, target.workspace.id, { roleId: target.roles.admin, password: defaultPassword });
    const signedIn = await signInWithCode(db, target.admin.email, totpCode(target.key, later(60)), later(60));
    if (!signedIn.ok) throw new Error("sign-in failed");
    const ctx = await consoleContextFor(db, other.id);
    expect(await resetTwoFactor(ctx, { userIds: [target.admin.id] })).toEqual({ reset: 1, skipped: 0 });

    const row = await db.user.findUniqueOrThrow({ where: { id: target.admin.id }, omit: { totpSecret: false } });
    expect(row).toMatchObject({ twoFactor: "NOT_CONFIGURED", totpSecret: null, totpLastStep: null });
    expect(await db.recoveryCode.count({ where: { userId: target.admin.id } })).toBe(0);
    expect(await findSession(db, signedIn.sid)).toBeNull();
    expect(await db.auditEvent.count({ where: { workspaceId: target.workspace.id, action: "auth.2fa_reset", targetId: target.admin.id } })).toBe(1);

    // The password is still asked for; then the session can only set 2FA up.
    expect(await signInWithPassword(db, { email: target.admin.email, password: "not the password", address: address() })).toMatchObject({ reason: "invalid" });
    const again = await signInWithPassword(db, { email: target.admin.email, password: target.admin.password, address: address() });
    expect(again).toMatchObject({ ok: true, stage: "SETUP_2FA" });
  });

  it("refuses resetting an administrator's 2FA to a role without admins.manage, and skips users who cannot sign in", async () => {
    const { workspace, admin, roles } = await createWorkspace(db);
    const helpdesk = await createRole(db, workspace.id, { name: "Help desk", permissions: ["users.read", "users.security"] });
    const agent = await createUser(db, workspace.id, { roleId: helpdesk.id, password: defaultPassword });
    const endUser = await createUser(db, workspace.id, { roleId: roles.user });
    const ctx = await consoleContextFor(db, agent.id);
    await expect(resetTwoFactor(ctx, { userIds: [admin.id] })).rejects.toMatchObject({ code: "FORBIDDEN", userMessage: RESET_ADMIN_REFUSED });
    expect((await db.user.findUniqueOrThrow({ where: { id: admin.id } })).twoFactor).toBe("NOT_ACTIVE");
    expect(await resetTwoFactor(ctx, { userIds: [endUser.id, agent.id] })).toEqual({ reset: 1, skipped: 1 });
    expect((await db.user.findUniqueOrThrow({ where: { id: endUser.id } })).twoFactor).toBe("NOT_AVAILABLE");
  });

  it("asks a 2FA user told to change their password for the code first, then only the new password; then the console", async () => {
    const { admin, key, workspace } = await adminWith2fa(db);
    await db.user.update({ where: { id: admin.id }, data: { mustChangePassword: true } });
    const first = await signInWithPassword(db, { email: admin.email, password: admin.password, address: address() }, later(60));
    expect(first).toMatchObject({ ok: false, reason: "second_factor" });
    const done = await signInWithCode(db, admin.email, totpCode(key, later(60)), later(60));
    expect(done).toMatchObject({ ok: true, stage: "CHANGE_PASSWORD" });
    if (!done.ok) return;
    const self = { db, sid: done.sid, workspace: { id: workspace.id }, user: { id: admin.id, email: admin.email } };
    await expect(setNewPassword(self, { newPassword: admin.password })).rejects.toMatchObject({ code: "BAD_INPUT" });
    expect(await setNewPassword(self, { newPassword: "a fresh and long passphrase" })).toBe("FULL");
    expect((await findSession(db, done.sid, later(60)))?.stage).toBe("FULL");
    expect((await db.user.findUniqueOrThrow({ where: { id: admin.id } })).mustChangePassword).toBe(false);
  });

  it("Require 2FA for administrators: an administrator without it gets a setup-only session and cannot turn it off; others are not affected", async () => {
    const { workspace, admin } = await createWorkspace(db);
    const ctx = await consoleContextFor(db, admin.id);
    await updateSecuritySettings(ctx, { requireAdminTwoFactor: true });
    expect(await db.auditEvent.count({ where: { workspaceId: workspace.id, action: "workspace.security_settings" } })).toBe(1);
    const helpdesk = await createRole(db, workspace.id, { name: "Viewer", permissions: ["users.read"] });
    const viewer = await createUser(db, workspace.id, { roleId: helpdesk.id, password: defaultPassword });
    expect(await signInWithPassword(db, { email: admin.email, password: admin.password, address: address() })).toMatchObject({ ok: true, stage: "SETUP_2FA" });
    expect(await signInWithPassword(db, { email: viewer.email, password: defaultPassword, address: address() })).toMatchObject({ ok: true, stage: "FULL" });

    const setup = await startTwoFactorSetup(ctx);
    await enableTwoFactor(ctx, { code: totpCode(setup.key, T0) }, T0);
    await expect(disableTwoFactor(ctx, { password: admin.password, code: "" }, later(60))).rejects.toMatchObject({ code: "FORBIDDEN", userMessage: REQUIRED_FOR_ADMINS });
    await updateSecuritySettings(ctx, { requireAdminTwoFactor: false });
    await expect(disableTwoFactor(ctx, { password: "wrong password here", code: "" }, later(60))).rejects.toMatchObject({ code: "BAD_INPUT" });
    await disableTwoFactor(ctx, { password: "", code: totpCode(setup.key, later(60)) }, later(60));
    // Wrong confirmations are limited per user.
    const again = await startTwoFactorSetup(ctx);
    await enableTwoFactor(ctx, { code: totpCode(again.key, later(120)) }, later(120));
    for (let i = 0; i < 4; i++) await expect(disableTwoFactor(ctx, { password: `wrong password ${i}`, code: "" }, later(130))).rejects.toMatchObject({ code: "BAD_INPUT" });
    await expect(disableTwoFactor(ctx, { password: admin.password, code: "" }, later(130))).rejects.toMatchObject({ code: "RATE_LIMITED" });
    await db.rateLimit.deleteMany({ where: { key: `confirm:user:${admin.id}` } });
    await disableTwoFactor(ctx, { password: admin.password, code: "" }, later(130));
    expect(await db.user.findUniqueOrThrow({ where: { id: admin.id }, omit: { totpSecret: false } })).toMatchObject({ twoFactor: "NOT_ACTIVE", totpSecret: null });
    expect(await db.recoveryCode.count({ where: { userId: admin.id } })).toBe(0);
    expect(await db.auditEvent.count({ where: { workspaceId: workspace.id, action: "auth.2fa_disable" } })).toBe(2);
  });

  it("forgets the seed of a user moved to a role without console access, and makes a promoted one Not active", async () => {
    const { workspace, admin, roles } = await createWorkspace(db);
    const other = await createUser(db, workspace.id, { roleId: roles.admin, password: defaultPassword });
    const otherCtx = await consoleContextFor(db, other.id);
    const setup = await startTwoFactorSetup(otherCtx);
    await enableTwoFactor(otherCtx, { code: totpCode(setup.key, T0) }, T0);
    const ctx = await consoleContextFor(db, admin.id);
    await updateUser(ctx, { userId: other.id, email: other.email, displayName: "", phone: "", roleId: roles.user });
    expect(await db.user.findUniqueOrThrow({ where: { id: other.id }, omit: { totpSecret: false } })).toMatchObject({ twoFactor: "NOT_AVAILABLE", totpSecret: null });
    expect(await db.recoveryCode.count({ where: { userId: other.id } })).toBe(0);
    await updateUser(ctx, { userId: other.id, email: other.email, displayName: "", phone: "", roleId: roles.admin });
    expect((await db.user.findUniqueOrThrow({ where: { id: other.id } })).twoFactor).toBe("NOT_ACTIVE");
  });
});
