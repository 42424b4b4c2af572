import { describe, expect, it } from "vitest";
import { signInWithPassword } from "@/lib/auth/sign-in";
import { changePassword } from "@/lib/auth/passwords";
import { createSession, endUserSessions, findSession } from "@/lib/auth/sessions";
import { deviceCookieAfterSignIn } from "@/lib/auth/device-cookie";
import { rateRules } from "@/lib/auth/rate-limit";
import { consoleContextFor, createUsers, createWorkspace } from "../factories";
import { testDb, testProviders } from "../support/db";

process.env.AUTH_SECRET ??= "sign-in-test-secret-0123456789abcdef";

describe.each(testProviders)("sign-in on %s", (provider) => {
  const db = testDb(provider);
  const address = () => `198.51.100.${Math.floor(Math.random() * 250)}-${Math.random()}`;

  it("signs an administrator in with a revocable session and records it", async () => {
    const { workspace, admin } = await createWorkspace(db);
    const outcome = await signInWithPassword(db, { email: admin.email.toUpperCase(), password: admin.password, address: address() });
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.userId).toBe(admin.id);
    const session = await findSession(db, outcome.sid);
    expect(session?.user.id).toBe(admin.id);
    expect((await db.user.findUniqueOrThrow({ where: { id: admin.id } })).lastLoginAt).not.toBeNull();
    expect(await db.auditEvent.count({ where: { workspaceId: workspace.id, action: "auth.sign_in" } })).toBe(1);
    // The session id itself is never stored.
    expect(await db.session.count({ where: { idHash: outcome.sid } })).toBe(0);

    await endUserSessions(db, workspace.id, [admin.id]);
    expect(await findSession(db, outcome.sid)).toBeNull();
  });

  it("gives the same answer for a wrong password, an unknown email and a user who cannot sign in", async () => {
    const { workspace, admin, roles } = await createWorkspace(db);
    const { userIds } = await createUsers(db, workspace.id, 1, { roleId: roles.user });
    const endUser = await db.user.findUniqueOrThrow({ where: { id: userIds[0] } });
    const attempts = [
      { email: admin.email, password: "wrong password" },
      { email: `nobody-${Date.now()}@nowhere.example`, password: admin.password },
      { email: endUser.email, password: admin.password },
    ];
    for (const attempt of attempts) {
      expect(await signInWithPassword(db, { ...attempt, address: address() })).toEqual({ ok: false, reason: "invalid" });
    }
  });

  it("refuses further attempts for an email after five failures, even with the right password", async () => {
    const { admin } = await createWorkspace(db);
    for (let i = 0; i < 5; i++) {
      expect(await signInWithPassword(db, { email: admin.email, password: `nope ${i}`, address: address() })).toMatchObject({ reason: "invalid" });
    }
    const outcome = await signInWithPassword(db, { email: admin.email, password: admin.password, address: address() });
    expect(outcome).toMatchObject({ ok: false, reason: "rate_limited" });
    if (!outcome.ok && outcome.reason === "rate_limited") expect(outcome.retryAfterSeconds).toBeGreaterThan(0);
  });

  it("counts failures per client address across emails", async () => {
    const from = address();
    for (let i = 0; i < 30; i++) {
      await signInWithPassword(db, { email: `spray-${i}-${Date.now()}@victims.example`, password: "Winter2026!", address: from });
    }
    const { admin } = await createWorkspace(db);
    expect(await signInWithPassword(db, { email: admin.email, password: admin.password, address: from })).toMatchObject({ reason: "rate_limited" });
    expect((await signInWithPassword(db, { email: admin.email, password: admin.password, address: address() })).ok).toBe(true);
  });
});

describe.each(testProviders)("sign-in under attack on %s", (provider) => {
  const db = testDb(provider);
  const address = () => `192.0.2.${Math.floor(Math.random() * 250)}-${Math.random()}`;

  it("counts parallel wrong passwords before checking them: of 10 at once against a limit of 5, at most 5 reach the password", async () => {
    const { admin } = await createWorkspace(db);
    expect(rateRules.signInPerEmail.limit).toBe(5);
    const outcomes = await Promise.all(
      Array.from({ length: 10 }, (_, i) => signInWithPassword(db, { email: admin.email, password: `guess ${i}`, address: address() })),
    );
    const reasons = outcomes.map((o) => (o.ok ? "ok" : o.reason));
    expect(reasons.filter((r) => r === "invalid").length).toBeLessThanOrEqual(5);
    expect(reasons.filter((r) => r === "rate_limited").length).toBeGreaterThanOrEqual(5);
    expect(reasons.filter((r) => r === "invalid").length + reasons.filter((r) => r === "rate_limited").length).toBe(10);
  });

  it("an attacker's five failures lock the untrusted bucket, but not the owner's browser that signed in before", async () => {
    const { admin } = await createWorkspace(db);
    // The owner signed in from this browser once and kept its device cookie.
    expect((await signInWithPassword(db, { email: admin.email, password: admin.password, address: address() })).ok).toBe(true);
    const ownerCookie = deviceCookieAfterSignIn(admin.email, undefined);

    // The attacker, from five addresses, without the cookie.
    for (let i = 0; i < 5; i++) {
      expect(await signInWithPassword(db, { email: admin.email, password: `guess ${i}`, address: address() })).toEqual({ ok: false, reason: "invalid" });
    }
    // The untrusted bucket is now closed, even to the right password (so guessing gains nothing)...
    expect(await signInWithPassword(db, { email: admin.email, password: admin.password, address: address() })).toMatchObject({ reason: "rate_limited" });
    // ...while the owner's browser signs in, as often as needed.
    for (let i = 0; i < 3; i++) {
      expect((await signInWithPassword(db, { email: admin.email.toUpperCase(), password: admin.password, address: address(), deviceCookie: ownerCookie })).ok).toBe(true);
    }
  });

  it("treats a forged cookie, or one signed for another email, as untrusted", async () => {
    const { admin } = await createWorkspace(db);
    const otherEmailsCookie = deviceCookieAfterSignIn(`someone-else-${Date.now()}@example.com`, undefined);
    const genuine = deviceCookieAfterSignIn(admin.email, undefined);
    const [v, id, sig] = genuine.split(".");
    const forgedId = `${v}.${id.slice(0, -1)}${id.endsWith("A") ? "B" : "A"}.${sig}`;
    const forgedSig = `${v}.${id}.${sig.slice(0, -2)}AA`;
    const cookies = [undefined, otherEmailsCookie, forgedId, forgedSig, "garbage", `${genuine}.extra`];
    for (let i = 0; i < 5; i++) {
      expect(await signInWithPassword(db, { email: admin.email, password: `guess ${i}`, address: address(), deviceCookie: cookies[i] })).toMatchObject({ reason: "invalid" });
    }
    for (const deviceCookie of cookies) {
      expect(await signInWithPassword(db, { email: admin.email, password: admin.password, address: address(), deviceCookie })).toMatchObject({ reason: "rate_limited" });
    }
    expect((await signInWithPassword(db, { email: admin.email, password: admin.password, address: address(), deviceCookie: genuine })).ok).toBe(true);
  });

  it("limits a device's own failures without touching the untrusted bucket or other devices", async () => {
    const { admin } = await createWorkspace(db);
    const stolen = deviceCookieAfterSignIn(admin.email, undefined);
    const owners = deviceCookieAfterSignIn(admin.email, undefined);
    expect(stolen).not.toBe(owners);
    for (let i = 0; i < rateRules.signInPerDevice.limit; i++) {
      expect(await signInWithPassword(db, { email: admin.email, password: `guess ${i}`, address: address(), deviceCookie: stolen })).toMatchObject({ reason: "invalid" });
    }
    expect(await signInWithPassword(db, { email: admin.email, password: admin.password, address: address(), deviceCookie: stolen })).toMatchObject({ reason: "rate_limited" });
    expect((await signInWithPassword(db, { email: admin.email, password: admin.password, address: address(), deviceCookie: owners })).ok).toBe(true);
    expect((await signInWithPassword(db, { email: admin.email, password: admin.password, address: address() })).ok).toBe(true);
  });

  it("keeps a browser's device cookie across sign-ins and gives a new one for another email", () => {
    const first = deviceCookieAfterSignIn("a@example.com", undefined);
    expect(deviceCookieAfterSignIn("A@Example.com", first)).toBe(first);
    expect(deviceCookieAfterSignIn("b@example.com", first)).not.toBe(first);
  });
});

describe.each(testProviders)("password change on %s", (provider) => {
  const db = testDb(provider);

  it("checks the current password, then ends the user's other sessions but not this one", async () => {
    const { workspace, admin } = await createWorkspace(db);
    const here = await createSession(db, admin);
    const elsewhere = await createSession(db, admin);
    const ctx = { ...(await consoleContextFor(db, admin.id)), sid: here };

    await expect(changePassword(ctx, { currentPassword: "not it", newPassword: "a brand new passphrase" })).rejects.toMatchObject({
      fieldErrors: { currentPassword: ["This is not your current password"] },
    });
    expect(await findSession(db, elsewhere)).not.toBeNull();

    expect((await db.user.findUniqueOrThrow({ where: { id: admin.id } })).passwordChangedAt).toBeNull();
    await changePassword(ctx, { currentPassword: admin.password, newPassword: "a brand new passphrase" });
    expect((await db.user.findUniqueOrThrow({ where: { id: admin.id } })).passwordChangedAt).toBeInstanceOf(Date);
    expect(await findSession(db, here)).not.toBeNull();
    expect(await findSession(db, elsewhere)).toBeNull();
    const address = `203.0.113.${Date.now() % 250}`;
    expect(await signInWithPassword(db, { email: admin.email, password: admin.password, address })).toMatchObject({ reason: "invalid" });
    expect((await signInWithPassword(db, { email: admin.email, password: "a brand new passphrase", address })).ok).toBe(true);
    expect(await db.auditEvent.count({ where: { workspaceId: workspace.id, action: "auth.password_change" } })).toBe(1);
    // The owner is told by email that it happened (the password itself is never mailed).
    expect(await db.emailMessage.findMany({ where: { workspaceId: workspace.id }, select: { kind: true, to: true } })).toEqual([{ kind: "password_changed", to: admin.email }]);
  });

  it("holds every new password to the policy on the server, at the field, whatever the browser checked", async () => {
    const { admin } = await createWorkspace(db, { adminEmail: `nora.newcomer.${Date.now()}@acme.test` });
    const ctx = { ...(await consoleContextFor(db, admin.id)), sid: await createSession(db, admin) };
    const mailbox = admin.email.split("@")[0];
    for (const [newPassword, message] of [
      ["password1234", /too common/],
      [`${mailbox}-2026!`, /email's name/],
      ["eleven char", /at least 12/],
    ] as const) {
      await expect(changePassword(ctx, { currentPassword: admin.password, newPassword })).rejects.toMatchObject({ fieldErrors: { newPassword: [expect.stringMatching(message)] } });
    }
    // Nothing changed: the old password still signs in.
    expect((await signInWithPassword(db, { email: admin.email, password: admin.password, address: `203.0.113.${Date.now() % 250}` })).ok).toBe(true);
    // Setup holds its first administrator to the same policy.
    await expect(createWorkspace(db, { adminEmail: "someone@acme.test", password: "password1234" })).rejects.toMatchObject({ fieldErrors: { password: [expect.stringMatching(/too common/)] } });
  });
});
