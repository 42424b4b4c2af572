import { describe, expect, it } from "vitest";
import { issuePasswordLink } from "@/lib/auth/password-links";
import { PASSWORD_LINK_KIND } from "@/lib/mail/account-emails";
import { updateUser } from "@/lib/users/update-user";
import { consoleContextFor, createRole, createUser, createWorkspace, defaultPassword } from "../factories";
import { testDb, testProviders } from "../support/db";

const baseUrl = "http://roster.test";

describe.each(testProviders)("role changes and console access on %s", (provider) => {
  const db = testDb(provider);

  async function setUp() {
    const made = await createWorkspace(db);
    const ctx = await consoleContextFor(db, made.admin.id);
    const desk = await createRole(db, made.workspace.id, { name: "Help desk", permissions: ["users.read"], consoleAccess: true });
    return { ...made, ctx, desk };
  }
  const edit = (u: { id: string; email: string }, roleId: string) => ({ userId: u.id, email: u.email, displayName: "", phone: "", roleId });

  it("mails an activation link (24 h) when a user without a password gets a console role, in the same transaction", async () => {
    const { ctx, roles, desk, workspace } = await setUp();
    const user = await createUser(db, workspace.id, { roleId: roles.user });
    const now = new Date("2026-12-01T10:00:00Z");
    await updateUser(ctx, edit(user, desk.id), { baseUrl, now });
    const mails = await db.emailMessage.findMany({ where: { userId: user.id, kind: PASSWORD_LINK_KIND } });
    expect(mails).toHaveLength(1);
    expect(mails[0].to).toBe(user.email);
    const links = await db.passwordLink.findMany({ where: { userId: user.id } });
    expect(links).toHaveLength(1);
    expect(links[0]).toMatchObject({ purpose: "ACTIVATION", revokedAt: null });
    expect(links[0].expiresAt.getTime() - now.getTime()).toBe(24 * 3600_000);
    const row = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.twoFactor).toBe("NOT_ACTIVE");
    const audit = await db.auditEvent.findFirstOrThrow({ where: { workspaceId: workspace.id, action: "user.update", targetId: user.id } });
    expect(audit.details).toMatch(/"activation":true/);
  });

  it("mails nothing to a user who already has a password, nor on a change between two console roles", async () => {
    const { ctx, roles, desk, workspace } = await setUp();
    const withPassword = await createUser(db, workspace.id, { roleId: roles.user, password: defaultPassword });
    await updateUser(ctx, edit(withPassword, desk.id), { baseUrl });
    const viewer = await createRole(db, workspace.id, { name: "Viewer", permissions: ["users.read"], consoleAccess: true });
    const consoleUser = await createUser(db, workspace.id, { roleId: desk.id });
    await updateUser(ctx, edit(consoleUser, viewer.id), { baseUrl });
    expect(await db.emailMessage.count({ where: { userId: { in: [withPassword.id, consoleUser.id] }, kind: PASSWORD_LINK_KIND } })).toBe(0);
  });

  it("ends the sessions and revokes the password links of a user whose role loses console access", async () => {
    const { ctx, roles, desk, workspace } = await setUp();
    const user = await createUser(db, workspace.id, { roleId: desk.id, password: defaultPassword });
    await db.session.create({ data: { workspaceId: workspace.id, userId: user.id, idHash: `s-${user.id}`, expiresAt: new Date(Date.now() + 3600_000) } });
    await db.$transaction((tx) => issuePasswordLink(tx, { workspaceId: workspace.id, userId: user.id, purpose: "RECOVERY", createdById: null }));
    await updateUser(ctx, edit(user, roles.user), { baseUrl });
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
    expect(await db.passwordLink.count({ where: { userId: user.id, revokedAt: null } })).toBe(0);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).twoFactor).toBe("NOT_AVAILABLE");
  });

  it("writes nothing when the grant rule refuses the change", async () => {
    const { workspace, roles, desk } = await setUp();
    const deskUser = await createUser(db, workspace.id, { roleId: desk.id, password: defaultPassword });
    const deskCtx = await consoleContextFor(db, deskUser.id);
    const user = await createUser(db, workspace.id, { roleId: roles.user });
    await expect(updateUser(deskCtx, edit(user, roles.admin), { baseUrl })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await db.emailMessage.count({ where: { userId: user.id } })).toBe(0);
    expect(await db.passwordLink.count({ where: { userId: user.id } })).toBe(0);
  });
});
