import { describe, expect, it } from "vitest";
import { generatePassword, requestPasswordRecovery, sendRecoveryEmails, setPasswordWithLink, setUserPasswords } from "@/lib/auth/passwords";
import { inspectPasswordLink, LINK_LIFETIME_MS } from "@/lib/auth/password-links";
import { passwordProblem } from "@/lib/auth/password-policy";
import { rateRules } from "@/lib/auth/rate-limit";
import { createSession, findSession } from "@/lib/auth/sessions";
import { signInWithPassword } from "@/lib/auth/sign-in";
import type { Db } from "@/lib/db/client";
import { PASSWORD_CHANGED_KIND, PASSWORD_LINK_KIND } from "@/lib/mail/account-emails";
import { renderForViewing } from "@/lib/mail/render-message";
import { consoleContextFor, createRole, createUser, createWorkspace } from "../factories";
import { testDb, testProviders } from "../support/db";
import { renderQueued } from "../support/mail";

process.env.AUTH_SECRET ??= "passwords-test-secret-0123456789abcdef";

const baseUrl = "https://roster.example";
const newPassword = "violet tractor harbour lantern";
const noWait = () => Promise.resolve();
let n = 0;
const address = () => `203.0.113.${++n % 250}-${Math.random()}`;

/** The token of the newest set-password link mailed to an address, read from the message as the outbox renders it. */
async function mailedLinkToken(db: Db, to: string): Promise<string> {
  const row = await db.emailMessage.findFirstOrThrow({ where: { to, kind: PASSWORD_LINK_KIND }, orderBy: { createdAt: "desc" } });
  const { text } = await renderQueued(db, row.id);
  const token = /\/set-password\/([A-Za-z0-9_-]{22})/.exec(text)?.[1];
  expect(token).toBeDefined();
  return token!;
}

async function signsIn(db: Db, email: string, password: string): Promise<boolean> {
  return (await signInWithPassword(db, { email, password, address: address() })).ok;
}

/** A second administrator who can sign in, with a live session. */
async function secondAdmin(db: Db, workspaceId: string, roleId: string) {
  const user = await createUser(db, workspaceId, { roleId, password: "an old password of hers", displayName: "Dana Admin" });
  const sid = await createSession(db, { id: user.id, workspaceId });
  return { ...user, sid };
}

describe.each(testProviders)("set-password links and password changes on %s", (provider) => {
  const db = testDb(provider);

  it("mails a recovery link that opens without being used, sets the password once, and then refuses", async () => {
    const { workspace, admin, roles } = await createWorkspace(db);
    const dana = await secondAdmin(db, workspace.id, roles.admin);
    const ctx = await consoleContextFor(db, admin.id);
    expect(await sendRecoveryEmails(ctx, { userIds: [dana.id] }, { baseUrl })).toEqual({ sent: 1, skipped: [] });

    const token = await mailedLinkToken(db, dana.email);
    // Only the hash is stored.
    expect(await db.passwordLink.count({ where: { tokenHash: token } })).toBe(0);
    // Opening the page (twice: a mail scanner, then the person) uses nothing.
    for (let i = 0; i < 2; i++) expect(await inspectPasswordLink(db, token)).toMatchObject({ ok: true, purpose: "RECOVERY", user: { id: dana.id } });
    // Until the link is used, the old password still works.
    expect(await signsIn(db, dana.email, "an old password of hers")).toBe(true);

    await expect(setPasswordWithLink({ token, password: newPassword, confirm: newPassword, address: address() }, new Date(), db)).resolves.toEqual({ email: dana.email });
    expect(await signsIn(db, dana.email, newPassword)).toBe(true);
    expect(await signsIn(db, dana.email, "an old password of hers")).toBe(false);
    // Every session from before ends; the change is audited and mailed (without the password).
    expect(await findSession(db, dana.sid)).toBeNull();
    expect(await db.auditEvent.count({ where: { workspaceId: workspace.id, action: "auth.password_reset", targetId: dana.id } })).toBe(1);
    const notice = await db.emailMessage.findFirstOrThrow({ where: { to: dana.email, kind: PASSWORD_CHANGED_KIND } });
    const rendered = await renderQueued(db, notice.id);
    expect(rendered.text).toContain("reset with a recovery link");
    expect(rendered.text).not.toContain(newPassword);
    expect((await db.user.findUniqueOrThrow({ where: { id: dana.id } })).passwordChangedAt).not.toBeNull();

    // The link works once.
    await expect(setPasswordWithLink({ token, password: "another fine passphrase", confirm: "another fine passphrase", address: address() }, new Date(), db)).rejects.toMatchObject({
      code: "GONE",
      userMessage: expect.stringMatching(/already been used/),
    });
    expect(await signsIn(db, dana.email, newPassword)).toBe(true);
  });

  it("never shows a set-password link in the Mailbox", async () => {
    const { workspace, admin, roles } = await createWorkspace(db);
    const dana = await secondAdmin(db, workspace.id, roles.admin);
    await sendRecoveryEmails(await consoleContextFor(db, admin.id), { userIds: [dana.id] }, { baseUrl });
    const row = await db.emailMessage.findFirstOrThrow({ where: { to: dana.email, kind: PASSWORD_LINK_KIND }, select: { id: true, kind: true, params: true, sealedToken: true } });
    expect(row.sealedToken).not.toBeNull(); // still queued: the link is there, and still not shown
    const viewed = await renderForViewing(row);
    expect(viewed.link).toBe("hidden");
    expect(viewed.text).not.toMatch(/set-password\/[A-Za-z0-9_-]{22}/);
  });

  it("expires a recovery link after an hour and an activation link after a day (injected clock)", async () => {
    const { workspace, admin, roles } = await createWorkspace(db);
    const dana = await secondAdmin(db, workspace.id, roles.admin);
    const fresh = await createUser(db, workspace.id, { roleId: roles.admin, displayName: "No Password Yet" });
    const ctx = await consoleContextFor(db, admin.id);
    const sent = new Date();
    await sendRecoveryEmails(ctx, { userIds: [dana.id, fresh.id] }, { baseUrl }, sent);
    const recovery = await mailedLinkToken(db, dana.email);
    const activation = await mailedLinkToken(db, fresh.email);
    expect(LINK_LIFETIME_MS.RECOVERY).toBe(60 * 60_000);

    const at = (ms: number) => new Date(sent.getTime() + ms);
    expect(await inspectPasswordLink(db, recovery, at(59 * 60_000))).toMatchObject({ ok: true });
    expect(await inspectPasswordLink(db, recovery, at(61 * 60_000))).toEqual({ ok: false, problem: "expired" });
    expect(await inspectPasswordLink(db, activation, at(23 * 3_600_000))).toMatchObject({ ok: true, purpose: "ACTIVATION" });
    await expect(setPasswordWithLink({ token: activation, password: newPassword, confirm: newPassword, address: address() }, at(25 * 3_600_000), db)).rejects.toMatchObject({
      userMessage: expect.stringMatching(/expired/),
    });
    const { text } = await renderQueued(db, (await db.emailMessage.findFirstOrThrow({ where: { to: fresh.email } })).id);
    expect(text).toContain("24 hours");
  });

  it("revokes a user's earlier link when a newer one is sent, and every link when the password changes", async () => {
    const { workspace, admin, roles } = await createWorkspace(db);
    const dana = await secondAdmin(db, workspace.id, roles.admin);
    const ctx = await consoleContextFor(db, admin.id);
    await sendRecoveryEmails(ctx, { userIds: [dana.id] }, { baseUrl });
    const first = await mailedLinkToken(db, dana.email);
    await new Promise((r) => setTimeout(r, 5)); // distinct createdAt for ordering
    await sendRecoveryEmails(ctx, { userIds: [dana.id] }, { baseUrl });
    const second = await mailedLinkToken(db, dana.email);
    expect(second).not.toBe(first);
    expect(await inspectPasswordLink(db, first)).toEqual({ ok: false, problem: "revoked" });

    await setUserPasswords(ctx, { userIds: [dana.id], mode: "generate", mustChange: true, notify: false });
    expect(await inspectPasswordLink(db, second)).toEqual({ ok: false, problem: "revoked" });
  });

  it("uses a link exactly once when the form is submitted many times at once", async () => {
    const { workspace, admin, roles } = await createWorkspace(db);
    const dana = await secondAdmin(db, workspace.id, roles.admin);
    await sendRecoveryEmails(await consoleContextFor(db, admin.id), { userIds: [dana.id] }, { baseUrl });
    const token = await mailedLinkToken(db, dana.email);
    const passwords = Array.from({ length: 6 }, (_, i) => `parallel passphrase number ${i}`);
    const outcomes = await Promise.allSettled(passwords.map((password) => setPasswordWithLink({ token, password, confirm: password, address: address() }, new Date(), db)));
    const won = outcomes.flatMap((o, i) => (o.status === "fulfilled" ? [passwords[i]] : []));
    expect(won).toHaveLength(1);
    for (const o of outcomes) if (o.status === "rejected") expect(o.reason).toMatchObject({ code: "GONE" });
    expect(await signsIn(db, dana.email, won[0])).toBe(true);
    expect(await db.auditEvent.count({ where: { workspaceId: workspace.id, action: "auth.password_reset", targetId: dana.id } })).toBe(1);
    expect(await db.emailMessage.count({ where: { to: dana.email, kind: PASSWORD_CHANGED_KIND } })).toBe(1);
  });

  it("refuses a weak password at the field, keeping the link", async () => {
    const { workspace, admin, roles } = await createWorkspace(db);
    const dana = await secondAdmin(db, workspace.id, roles.admin);
    await sendRecoveryEmails(await consoleContextFor(db, admin.id), { userIds: [dana.id] }, { baseUrl });
    const token = await mailedLinkToken(db, dana.email);
    await expect(setPasswordWithLink({ token, password: "password1234", confirm: "password1234", address: address() }, new Date(), db)).rejects.toMatchObject({
      fieldErrors: { password: [expect.stringMatching(/common/)] },
    });
    expect(await inspectPasswordLink(db, token)).toMatchObject({ ok: true });
  });

  it("counts wrong links toward a limit per address", async () => {
    const from = address();
    const bogus = "AAAAAAAAAAAAAAAAAAAAAA";
    for (let i = 0; i < rateRules.passwordLinkPerAddress.limit; i++) {
      await expect(setPasswordWithLink({ token: bogus, password: newPassword, confirm: newPassword, address: from }, new Date(), db)).rejects.toMatchObject({ code: "GONE" });
    }
    await expect(setPasswordWithLink({ token: bogus, password: newPassword, confirm: newPassword, address: from }, new Date(), db)).rejects.toMatchObject({ code: "RATE_LIMITED" });
  });

  it("skips directory-managed users and users without console access, and keeps administrators' credentials to those who manage administrators", async () => {
    const { workspace, admin, roles } = await createWorkspace(db);
    const synced = await createUser(db, workspace.id, { roleId: roles.admin, password: "directory password 1", displayName: "Synced Sam" });
    await db.user.update({ where: { id: synced.id }, data: { source: "DIRECTORY" } });
    const endUser = await createUser(db, workspace.id, { roleId: roles.user, displayName: "End User" });
    const ctx = await consoleContextFor(db, admin.id);
    const result = await sendRecoveryEmails(ctx, { userIds: [synced.id, endUser.id] }, { baseUrl });
    expect(result.sent).toBe(0);
    expect(result.skipped.map((s) => s.reason)).toEqual(expect.arrayContaining([expect.stringMatching(/managed by a directory/), expect.stringMatching(/does not give access/)]));
    expect(await db.passwordLink.count({ where: { workspaceId: workspace.id } })).toBe(0);

    const helpDesk = await createRole(db, workspace.id, { name: "Help desk", permissions: ["users.read", "users.security"] });
    const agent = await createUser(db, workspace.id, { roleId: helpDesk.id, password: "help desk password 1" });
    const dana = await secondAdmin(db, workspace.id, roles.admin);
    const agentCtx = await consoleContextFor(db, agent.id);
    await expect(setUserPasswords(agentCtx, { userIds: [dana.id], mode: "generate", mustChange: false, notify: false })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(sendRecoveryEmails(agentCtx, { userIds: [dana.id] }, { baseUrl })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await signsIn(db, dana.email, "an old password of hers")).toBe(true);
  });

  it("Change Password: generated passwords meet the policy, sign the users out, and ask for a new one at the next sign-in", async () => {
    const { workspace, admin, roles } = await createWorkspace(db);
    const dana = await secondAdmin(db, workspace.id, roles.admin);
    const ctx = await consoleContextFor(db, admin.id);
    const result = await setUserPasswords(ctx, { userIds: [dana.id], mode: "generate", mustChange: true, notify: true });
    const password = result.changed[0].password!;
    expect(passwordProblem(password, dana.email)).toBeNull();
    expect(password).toHaveLength(16);
    expect(await findSession(db, dana.sid)).toBeNull();
    const row = await db.user.findUniqueOrThrow({ where: { id: dana.id } });
    expect(row.mustChangePassword).toBe(true);
    expect(await signsIn(db, dana.email, password)).toBe(true);
    const notice = await db.emailMessage.findFirstOrThrow({ where: { to: dana.email, kind: PASSWORD_CHANGED_KIND } });
    const { text } = await renderQueued(db, notice.id);
    expect(text).toContain("An administrator");
    expect(text).toContain("choose a password of your own");
    expect(text).not.toContain(password);
    // A typed password is checked against the policy and the target's own mailbox name.
    const alias = dana.email.split("@")[0];
    await expect(setUserPasswords(ctx, { userIds: [dana.id], mode: "type", password: `${alias} is my password`, mustChange: false, notify: false })).rejects.toMatchObject({
      fieldErrors: { password: [expect.any(String)] },
    });
    // Not one's own: that goes through Settings and the current password.
    await expect(setUserPasswords(ctx, { userIds: [admin.id], mode: "generate", mustChange: false, notify: false })).rejects.toMatchObject({ code: "BAD_INPUT" });
    expect(generatePassword()).not.toBe(generatePassword());
  });

  it("Forgot password? sends a link for a known address and nothing for an unknown one, within its limits", async () => {
    const { workspace, admin } = await createWorkspace(db);
    await requestPasswordRecovery({ email: admin.email.toUpperCase(), address: address(), baseUrl }, { db, wait: noWait });
    const token = await mailedLinkToken(db, admin.email);
    expect(await inspectPasswordLink(db, token)).toMatchObject({ ok: true, purpose: "RECOVERY" });
    expect(await db.auditEvent.count({ where: { workspaceId: workspace.id, action: "auth.recovery_request", actorId: null } })).toBe(1);

    const unknown = `nobody-${Date.now()}@nowhere.example`;
    await expect(requestPasswordRecovery({ email: unknown, address: address(), baseUrl }, { db, wait: noWait })).resolves.toBeUndefined();
    expect(await db.emailMessage.count({ where: { to: unknown } })).toBe(0);

    // Past the limit per email, nothing more is sent, and the answer is the same.
    for (let i = 1; i < rateRules.recoveryPerEmail.limit + 2; i++) await requestPasswordRecovery({ email: admin.email, address: address(), baseUrl }, { db, wait: noWait });
    expect(await db.emailMessage.count({ where: { to: admin.email, kind: PASSWORD_LINK_KIND } })).toBe(rateRules.recoveryPerEmail.limit);

    // Without a base URL it can trust (no ROSTER_URL, a foreign Host), nothing is sent.
    const other = await createWorkspace(db);
    await requestPasswordRecovery({ email: other.admin.email, address: address(), baseUrl: null }, { db, wait: noWait });
    expect(await db.emailMessage.count({ where: { to: other.admin.email } })).toBe(0);
  });

  it("Forgot password? takes at least its floor, known address or not", async () => {
    const { admin } = await createWorkspace(db);
    const waits: number[] = [];
    const wait = (ms: number) => (waits.push(ms), Promise.resolve());
    await requestPasswordRecovery({ email: admin.email, address: address(), baseUrl }, { db, wait });
    await requestPasswordRecovery({ email: `nobody-${Date.now()}@nowhere.example`, address: address(), baseUrl }, { db, wait });
    // Each call padded itself up to the floor (whatever its own work took).
    expect(waits).toHaveLength(2);
    for (const ms of waits) expect(ms).toBeGreaterThan(0);
  });
});
