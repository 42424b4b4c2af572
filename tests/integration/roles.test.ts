import { describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { isAdminRole, permissions, type Permission } from "@/lib/auth/permissions";
import { createRole } from "@/lib/roles/create-role";
import { deleteRole } from "@/lib/roles/delete-role";
import { listRoles } from "@/lib/roles/list-roles";
import { updateRole } from "@/lib/roles/update-role";
import { createRoleSchema } from "@/lib/roles/schema";
import { updateUser } from "@/lib/users/update-user";
import { PASSWORD_LINK_KIND } from "@/lib/mail/account-emails";
import { consoleContextFor, createRole as createRoleRow, createUser, createWorkspace, defaultPassword } from "../factories";
import { testDb, testProviders } from "../support/db";

const baseUrl = "http://roster.test";

async function activeAdmins(db: Db, workspaceId: string): Promise<number> {
  const users = await db.user.findMany({ where: { workspaceId, status: "ACTIVE" }, select: { role: true } });
  return users.filter((u) => isAdminRole(u.role)).length;
}

const everythingBut = (...left: Permission[]) => permissions.filter((p) => !left.includes(p));

describe.each(testProviders)("roles on %s", (provider) => {
  const db = testDb(provider);

  it("creates, lists, edits and audits a custom role", async () => {
    const { workspace, admin } = await createWorkspace(db);
    const ctx = await consoleContextFor(db, admin.id);
    const { id } = await createRole(ctx, { name: "Help desk", consoleAccess: true, permissions: ["users.read"] });
    const listed = await listRoles(ctx);
    expect(listed.map((r) => r.name)).toEqual(["Administrator", "User", "Help desk"]);
    expect(listed[2]).toMatchObject({ builtIn: null, consoleAccess: true, permissions: ["users.read"], users: 0 });
    expect(listed[0].permissions.length).toBe(permissions.length);

    await updateRole(ctx, { roleId: id, name: "Service desk", consoleAccess: true, permissions: ["users.read", "users.write"] }, { baseUrl });
    const row = await db.role.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ name: "Service desk", permissions: "users.read users.write" });
    const events = await db.auditEvent.findMany({ where: { workspaceId: workspace.id, targetId: id }, orderBy: { createdAt: "asc" } });
    expect(events.map((e) => e.action)).toEqual(["role.create", "role.update"]);
  });

  it("refuses a name another role has in any case, at the name field", async () => {
    const { admin } = await createWorkspace(db);
    const ctx = await consoleContextFor(db, admin.id);
    await createRole(ctx, { name: "Help desk", consoleAccess: true, permissions: ["users.read"] });
    await expect(createRole(ctx, { name: "HELP DESK", consoleAccess: true, permissions: [] })).rejects.toMatchObject({
      code: "CONFLICT",
      fieldErrors: { name: [expect.stringMatching(/already exists/)] },
    });
    await expect(createRole(ctx, { name: "administrator", consoleAccess: true, permissions: [] })).rejects.toMatchObject({ code: "CONFLICT" });
    // Concurrent creations of the same name in two cases: exactly one wins.
    const results = await Promise.allSettled(["Auditors", "auditors", "AUDITORS"].map((name) => createRole(ctx, { name, consoleAccess: true, permissions: ["audit.read"] })));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
  });

  it("refuses permissions without console access at the field", () => {
    const parsed = createRoleSchema.safeParse({ name: "Kiosk", consoleAccess: false, permissions: ["users.read"] });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0].path).toEqual(["permissions"]);
  });

  it("never edits or deletes the built-in roles", async () => {
    const { admin, roles } = await createWorkspace(db);
    const ctx = await consoleContextFor(db, admin.id);
    for (const roleId of [roles.admin, roles.user]) {
      await expect(updateRole(ctx, { roleId, name: "Renamed", consoleAccess: true, permissions: [] }, { baseUrl })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(deleteRole(ctx, { roleId, replacementRoleId: roles.user === roleId ? roles.admin : roles.user }, { baseUrl })).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    expect(await db.role.count({ where: { id: { in: [roles.admin, roles.user] }, key: { not: null } } })).toBe(2);
  });

  it("applies the grant rule: no permissions beyond the author's own, no editing one's own role", async () => {
    const { workspace } = await createWorkspace(db);
    const lead = await createRoleRow(db, workspace.id, { name: "Lead", permissions: everythingBut("licenses.write") });
    const leadUser = await createUser(db, workspace.id, { roleId: lead.id, password: defaultPassword });
    const ctx = await consoleContextFor(db, leadUser.id);
    await expect(createRole(ctx, { name: "Licensing", consoleAccess: true, permissions: ["licenses.write"] })).rejects.toMatchObject({
      code: "FORBIDDEN",
      fieldErrors: { permissions: [expect.any(String)] },
    });
    await expect(updateRole(ctx, { roleId: lead.id, name: "Lead", consoleAccess: true, permissions: [] }, { baseUrl })).rejects.toMatchObject({
      code: "FORBIDDEN",
      userMessage: expect.stringMatching(/your own role/),
    });
    const billing = await createRoleRow(db, workspace.id, { name: "Billing", permissions: ["licenses.write"] });
    await expect(updateRole(ctx, { roleId: billing.id, name: "Billing", consoleAccess: true, permissions: [] }, { baseUrl })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(deleteRole(ctx, { roleId: billing.id }, { baseUrl })).resolves.toEqual({ moved: 0 });
  });

  it("deletes a role in use only with a replacement, moving its users in one transaction", async () => {
    const { workspace, admin, roles } = await createWorkspace(db);
    const ctx = await consoleContextFor(db, admin.id);
    const { id } = await createRole(ctx, { name: "Help desk", consoleAccess: true, permissions: ["users.read"] });
    const a = await createUser(db, workspace.id, { roleId: id, password: defaultPassword });
    const b = await createUser(db, workspace.id, { roleId: id });
    await expect(deleteRole(ctx, { roleId: id }, { baseUrl })).rejects.toMatchObject({
      code: "BAD_INPUT",
      fieldErrors: { replacementRoleId: ["Choose the role its 2 users get instead"] },
    });
    await expect(deleteRole(ctx, { roleId: id, replacementRoleId: id }, { baseUrl })).rejects.toMatchObject({ code: "BAD_INPUT" });
    await db.session.create({ data: { workspaceId: workspace.id, userId: a.id, idHash: `test-${a.id}`, expiresAt: new Date(Date.now() + 3600_000) } });

    expect(await deleteRole(ctx, { roleId: id, replacementRoleId: roles.user }, { baseUrl })).toEqual({ moved: 2 });
    expect(await db.role.count({ where: { id } })).toBe(0);
    const moved = await db.user.findMany({ where: { id: { in: [a.id, b.id] } }, select: { roleId: true, twoFactor: true } });
    expect(moved.every((u) => u.roleId === roles.user && u.twoFactor === "NOT_AVAILABLE")).toBe(true);
    expect(await db.session.count({ where: { userId: a.id } })).toBe(0);
    const audits = await db.auditEvent.findMany({ where: { workspaceId: workspace.id, action: { in: ["user.update", "role.delete"] } } });
    expect(audits.filter((e) => e.action === "user.update")).toHaveLength(2);
    expect(audits.find((e) => e.action === "role.delete")?.targetLabel).toBe("Help desk");
  });

  it("moving users to a console role by deleting theirs mails activation links to those without a password", async () => {
    const { workspace, admin } = await createWorkspace(db);
    const ctx = await consoleContextFor(db, admin.id);
    const { id: kiosk } = await createRole(ctx, { name: "Kiosk", consoleAccess: false, permissions: [] });
    const { id: desk } = await createRole(ctx, { name: "Desk", consoleAccess: true, permissions: ["users.read"] });
    const u = await createUser(db, workspace.id, { roleId: kiosk });
    await deleteRole(ctx, { roleId: kiosk, replacementRoleId: desk }, { baseUrl });
    expect(await db.emailMessage.count({ where: { userId: u.id, kind: PASSWORD_LINK_KIND } })).toBe(1);
    expect(await db.passwordLink.count({ where: { userId: u.id, purpose: "ACTIVATION", revokedAt: null } })).toBe(1);
  });

  it("refuses a replacement the grant rule does not allow", async () => {
    const { workspace, roles } = await createWorkspace(db);
    const manager = await createRoleRow(db, workspace.id, { name: "Role manager", permissions: ["admins.manage", "users.read"] });
    const managerUser = await createUser(db, workspace.id, { roleId: manager.id, password: defaultPassword });
    const ctx = await consoleContextFor(db, managerUser.id);
    const { id } = await createRole(ctx, { name: "Viewer", consoleAccess: true, permissions: ["users.read"] });
    await createUser(db, workspace.id, { roleId: id });
    await expect(deleteRole(ctx, { roleId: id, replacementRoleId: roles.admin }, { baseUrl })).rejects.toMatchObject({
      code: "FORBIDDEN",
      fieldErrors: { replacementRoleId: [expect.stringMatching(/Administrator/)] },
    });
    expect(await db.role.count({ where: { id } })).toBe(1);
  });

  it("never leaves zero administrators when administrator roles are deleted or demoted at the same time", async () => {
    for (let round = 0; round < 3; round++) {
      const { workspace, admin, roles } = await createWorkspace(db);
      const creator = await consoleContextFor(db, admin.id);
      const a = await createRole(creator, { name: "Admins A", consoleAccess: true, permissions: [...permissions] });
      const b = await createRole(creator, { name: "Admins B", consoleAccess: true, permissions: [...permissions] });
      const userA = await createUser(db, workspace.id, { roleId: a.id, password: defaultPassword });
      const userB = await createUser(db, workspace.id, { roleId: b.id, password: defaultPassword });
      // The creator leaves the administrators, so A's and B's holders are the only two.
      await updateUser(await consoleContextFor(db, userA.id), { userId: admin.id, email: admin.email, displayName: "Alex Admin", phone: "", roleId: roles.user }, { baseUrl });
      const [ctxA, ctxB] = await Promise.all([consoleContextFor(db, userA.id), consoleContextFor(db, userB.id)]);
      const results = await Promise.allSettled([
        deleteRole(ctxA, { roleId: b.id, replacementRoleId: roles.user }, { baseUrl }),
        updateRole(ctxB, { roleId: a.id, name: "Admins A", consoleAccess: true, permissions: ["users.read"] }, { baseUrl }),
      ]);
      expect(await activeAdmins(db, workspace.id)).toBe(1);
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      for (const r of results) if (r.status === "rejected") expect(r.reason).toMatchObject({ code: "CONFLICT" });
    }
  });
});
