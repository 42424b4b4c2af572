import { describe, expect, it } from "vitest";
import { signInWithPassword } from "@/lib/auth/sign-in";
import { createSession, findSession, lookupSession } from "@/lib/auth/sessions";
import { listOwnSessions } from "@/lib/auth/list-own-sessions";
import { revokeOtherOwnSessions, revokeOwnSession, signOutSession } from "@/lib/auth/revoke-own-sessions";
import { rateRules } from "@/lib/auth/rate-limit";
import { sha256 } from "@/lib/crypto/tokens";
import { runCleanup } from "@/lib/maintenance/cleanup";
import { consoleContextFor, createUser, createWorkspace, defaultPassword } from "../factories";
import { testDb, testProviders } from "../support/db";

const chrome = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
const firefox = "Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0";
const MINUTE = 60_000;

describe.each(testProviders)("sessions on %s", (provider) => {
  const db = testDb(provider);
  const at = (base: Date, minutes: number) => new Date(base.getTime() + minutes * MINUTE);

  it("records activity at most once a minute, and refuses a session idle past the timeout (its row goes)", async () => {
    const { admin } = await createWorkspace(db);
    const t0 = new Date("2026-06-01T09:00:00.000Z");
    const sid = await createSession(db, admin, { userAgent: chrome, address: "198.51.100.4", now: t0 });
    const seen = async () => (await db.session.findUniqueOrThrow({ where: { idHash: sha256(sid) } })).lastSeenAt.getTime();

    expect(await findSession(db, sid, at(t0, 0.5), 30)).not.toBeNull();
    expect(await seen()).toBe(t0.getTime()); // within the minute: nothing written
    expect(await findSession(db, sid, at(t0, 1.5), 30)).not.toBeNull();
    expect(await seen()).toBe(at(t0, 1.5).getTime());
    // Ten requests at once a minute later write once, all with the same time.
    await Promise.all(Array.from({ length: 10 }, () => findSession(db, sid, at(t0, 3), 30)));
    expect(await seen()).toBe(at(t0, 3).getTime());

    // 29 minutes quiet: still signed in (and that counts as activity); then 30 more: idle.
    expect(await findSession(db, sid, at(t0, 32), 30)).not.toBeNull();
    expect(await lookupSession(db, sid, at(t0, 62), 30)).toEqual({ session: null, ended: "idle" });
    expect(await db.session.count({ where: { idHash: sha256(sid) } })).toBe(0);
    expect(await lookupSession(db, sid, at(t0, 63), 30)).toEqual({ session: null, ended: "none" });
  });

  it("ends an active session at its 12-hour lifetime all the same", async () => {
    const { admin } = await createWorkspace(db);
    const t0 = new Date("2026-06-01T09:00:00.000Z");
    const sid = await createSession(db, admin, { userAgent: chrome, address: "198.51.100.4", now: t0 });
    for (let m = 20; m < 12 * 60; m += 20) expect(await findSession(db, sid, at(t0, m), 30), `minute ${m}`).not.toBeNull();
    expect(await lookupSession(db, sid, at(t0, 12 * 60), 30)).toEqual({ session: null, ended: "none" });
  });

  it("lists only the signed-in person's own live sessions, this browser marked, with device and address", async () => {
    const { workspace, admin, roles } = await createWorkspace(db);
    const colleague = await createUser(db, workspace.id, { roleId: roles.admin, password: defaultPassword });
    const other = await createWorkspace(db);
    const here = await createSession(db, admin, { userAgent: chrome, address: "198.51.100.10" });
    await createSession(db, admin, { userAgent: firefox, address: "2001:db8::7" });
    await createSession(db, { id: colleague.id, workspaceId: workspace.id }, { userAgent: chrome, address: "198.51.100.11" });
    await createSession(db, other.admin, { userAgent: chrome, address: "198.51.100.12" });
    const idle = await createSession(db, admin, { userAgent: firefox, address: "198.51.100.13", now: new Date(Date.now() - 45 * MINUTE) });

    const ctx = { ...(await consoleContextFor(db, admin.id)), sid: here };
    const list = await listOwnSessions(ctx);
    expect(list).toHaveLength(2);
    expect(list[0]).toMatchObject({ current: true, address: "198.51.100.10", device: { browser: "Chrome 131", os: "Windows 10" } });
    expect(list[1]).toMatchObject({ current: false, address: "2001:db8::7", device: { browser: "Firefox 133", os: "Linux" } });
    expect(list.map((s) => s.id)).not.toContain((await db.session.findUniqueOrThrow({ where: { idHash: sha256(idle) } })).id);
  });

  it("signs out of one's own other session, audited with the address; never another person's, nor this one", async () => {
    const { workspace, admin, roles } = await createWorkspace(db);
    const colleague = await createUser(db, workspace.id, { roleId: roles.admin, password: defaultPassword });
    const other = await createWorkspace(db);
    const here = await createSession(db, admin, { userAgent: chrome, address: "198.51.100.20" });
    const laptop = await createSession(db, admin, { userAgent: firefox, address: "198.51.100.21" });
    const colleagues = await createSession(db, { id: colleague.id, workspaceId: workspace.id }, { userAgent: chrome, address: "198.51.100.22" });
    const foreign = await createSession(db, other.admin, { userAgent: chrome, address: "198.51.100.23" });
    const idOf = async (sid: string) => (await db.session.findUniqueOrThrow({ where: { idHash: sha256(sid) } })).id;
    const ctx = { ...(await consoleContextFor(db, admin.id)), sid: here };

    // Another person's session, in this workspace or another, and this browser's own: nothing matches.
    for (const sid of [colleagues, foreign, here]) {
      await expect(revokeOwnSession(ctx, { sessionId: await idOf(sid) })).rejects.toMatchObject({ code: "NOT_FOUND", userMessage: "That session has already ended." });
    }
    expect(await findSession(db, colleagues)).not.toBeNull();
    expect(await findSession(db, foreign)).not.toBeNull();
    expect(await findSession(db, here)).not.toBeNull();
    expect(await db.auditEvent.count({ where: { workspaceId: workspace.id, action: "auth.session_revoke" } })).toBe(0);

    await revokeOwnSession(ctx, { sessionId: await idOf(laptop) });
    expect(await findSession(db, laptop)).toBeNull();
    expect(await findSession(db, here)).not.toBeNull();
    const event = await db.auditEvent.findFirstOrThrow({ where: { workspaceId: workspace.id, action: "auth.session_revoke" } });
    expect(event).toMatchObject({ actorId: admin.id, address: ctx.address, targetId: admin.id });
    expect(JSON.parse(event.details)).toMatchObject({ sessions: 1, device: "Firefox 133 on Linux", sessionAddress: "198.51.100.21" });
  });

  it("signs out of all other sessions of one's own, leaving this one and everyone else's", async () => {
    const { workspace, admin, roles } = await createWorkspace(db);
    const colleague = await createUser(db, workspace.id, { roleId: roles.admin, password: defaultPassword });
    const here = await createSession(db, admin, { userAgent: chrome });
    const mine = [await createSession(db, admin, { userAgent: firefox }), await createSession(db, admin, { userAgent: chrome })];
    const colleagues = await createSession(db, { id: colleague.id, workspaceId: workspace.id }, { userAgent: chrome });
    const ctx = { ...(await consoleContextFor(db, admin.id)), sid: here };

    expect(await revokeOtherOwnSessions(ctx)).toEqual({ ended: 2 });
    for (const sid of mine) expect(await findSession(db, sid)).toBeNull();
    expect(await findSession(db, here)).not.toBeNull();
    expect(await findSession(db, colleagues)).not.toBeNull();
    expect(await revokeOtherOwnSessions(ctx)).toEqual({ ended: 0 });
    const events = await db.auditEvent.findMany({ where: { workspaceId: workspace.id, action: "auth.session_revoke" } });
    expect(events.map((e) => JSON.parse(e.details))).toEqual([{ sessions: 2, allOthers: true }]);

    await signOutSession(ctx);
    expect(await findSession(db, here)).toBeNull();
    expect(await db.auditEvent.count({ where: { workspaceId: workspace.id, action: "auth.sign_out", address: ctx.address } })).toBe(1);
  });

  it("clean-up takes idle sessions' rows away with the expired ones", async () => {
    const { admin } = await createWorkspace(db);
    const now = new Date();
    const idle = await createSession(db, admin, { userAgent: chrome, now: new Date(now.getTime() - 31 * MINUTE) });
    const live = await createSession(db, admin, { userAgent: chrome, now: new Date(now.getTime() - 5 * MINUTE) });
    await runCleanup(db, now);
    expect(await db.session.count({ where: { idHash: sha256(idle) } })).toBe(0);
    expect(await db.session.count({ where: { idHash: sha256(live) } })).toBe(1);
  });
});

describe.each(testProviders)("sign-in audit on %s", (provider) => {
  const db = testDb(provider);
  const address = () => `192.0.2.${Math.floor(Math.random() * 250)}`;

  it("records sign-ins and failed sign-ins with the client address in the account's workspace; an unknown email records nothing", async () => {
    const { workspace, admin } = await createWorkspace(db);
    const from = address();
    const ok = await signInWithPassword(db, { email: admin.email, password: admin.password, address: from, userAgent: firefox });
    expect(ok.ok).toBe(true);
    if (!ok.ok) return;
    expect(await db.session.findUniqueOrThrow({ where: { idHash: sha256(ok.sid) } })).toMatchObject({ address: from, userAgent: firefox });
    expect(await db.auditEvent.findFirstOrThrow({ where: { workspaceId: workspace.id, action: "auth.sign_in" } })).toMatchObject({ address: from, actorId: admin.id });

    expect(await signInWithPassword(db, { email: admin.email, password: "not the password", address: from })).toEqual({ ok: false, reason: "invalid" });
    const failed = await db.auditEvent.findFirstOrThrow({ where: { workspaceId: workspace.id, action: "auth.sign_in_failed" } });
    expect(failed).toMatchObject({ address: from, actorId: null, targetId: admin.id, targetLabel: admin.email });
    expect(JSON.parse(failed.details)).toEqual({ reason: "wrong_password" });

    const before = await db.auditEvent.count();
    const unknown = `nobody-${Date.now()}@nowhere.example`;
    expect(await signInWithPassword(db, { email: unknown, password: "whatever it is", address: address() })).toEqual({ ok: false, reason: "invalid" });
    expect(await db.auditEvent.count()).toBe(before);
  });

  it("records the lockout once, when the account's limit first trips, and refusals after it as failures", async () => {
    const { workspace, admin } = await createWorkspace(db);
    const limit = rateRules.signInPerEmail.limit;
    for (let i = 0; i < limit; i++) await signInWithPassword(db, { email: admin.email, password: `guess ${i}`, address: address() });
    // Parallel attempts past the limit: exactly one of them is the lockout.
    const outcomes = await Promise.all(Array.from({ length: 4 }, () => signInWithPassword(db, { email: admin.email, password: admin.password, address: address() })));
    expect(outcomes.every((o) => !o.ok && o.reason === "rate_limited")).toBe(true);
    const lockouts = await db.auditEvent.findMany({ where: { workspaceId: workspace.id, action: "auth.lockout" } });
    expect(lockouts).toHaveLength(1);
    expect(JSON.parse(lockouts[0].details)).toMatchObject({ bucket: "untrusted" });
    expect(lockouts[0].address).toMatch(/^192\.0\.2\./);
    const failures = await db.auditEvent.findMany({ where: { workspaceId: workspace.id, action: "auth.sign_in_failed" } });
    expect(failures.map((f) => JSON.parse(f.details).reason).sort()).toEqual([...Array(limit).fill("wrong_password"), "rate_limited", "rate_limited", "rate_limited"].sort());
  });
});
