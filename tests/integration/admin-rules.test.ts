import { describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { isAdminRole, permissions } from "@/lib/auth/permissions";
import { countCategories, listImportRows } from "@/lib/imports/read-import";
import { setExistingMode } from "@/lib/imports/review-import";
import { processImport, startImport } from "@/lib/imports/run-import";
import { stageImport } from "@/lib/imports/stage-import";
import { createUser as createUserRecord } from "@/lib/users/create-user";
import { deleteUsers } from "@/lib/users/delete-users";
import { updateUser } from "@/lib/users/update-user";
import { consoleContextFor, createRole, createUser, createWorkspace, defaultPassword } from "../factories";
import { testDb, testProviders } from "../support/db";

const utf8 = (text: string) => new TextEncoder().encode(text);

/** Active users whose role holds admins.manage. */
async function activeAdmins(db: Db, workspaceId: string): Promise<number> {
  const users = await db.user.findMany({ where: { workspaceId, status: "ACTIVE" }, select: { role: true } });
  return users.filter((u) => isAdminRole(u.role)).length;
}

describe.each(testProviders)("roles and administrators on %s", (provider) => {
  const db = testDb(provider);

  /** A workspace with `n` administrators (the creator and n − 1 more), each with a context. */
  async function withAdmins(n: number) {
    const made = await createWorkspace(db);
    const admins = [made.admin.id];
    for (let i = 1; i < n; i++) admins.push((await createUser(db, made.workspace.id, { roleId: made.roles.admin, password: defaultPassword })).id);
    const users = await Promise.all(admins.map((id) => db.user.findUniqueOrThrow({ where: { id } })));
    const contexts = await Promise.all(admins.map((id) => consoleContextFor(db, id)));
    return { ...made, users, contexts };
  }

  it("never leaves zero administrators when administrators demote each other at the same time", async () => {
    for (let round = 0; round < 3; round++) {
      const w = await withAdmins(4);
      // Each demotes the next one, all at once: without the lock every count would still see others.
      const results = await Promise.allSettled(
        w.users.map((_, i) => {
          const target = w.users[(i + 1) % w.users.length];
          return updateUser(w.contexts[i], { userId: target.id, email: target.email, displayName: target.displayName, phone: target.phone, roleId: w.roles.user });
        }),
      );
      expect(await activeAdmins(db, w.workspace.id)).toBeGreaterThanOrEqual(1);
      for (const r of results) if (r.status === "rejected") expect(r.reason).toMatchObject({ code: "CONFLICT" });
      expect(results.filter((r) => r.status === "fulfilled").length).toBeLessThanOrEqual(3);
    }
  });

  it("never leaves zero administrators when administrators delete each other at the same time", async () => {
    for (let round = 0; round < 3; round++) {
      const w = await withAdmins(4);
      const results = await Promise.allSettled(w.users.map((_, i) => deleteUsers(w.contexts[i], { userIds: [w.users[(i + 1) % w.users.length].id] })));
      expect(await activeAdmins(db, w.workspace.id)).toBeGreaterThanOrEqual(1);
      for (const r of results) if (r.status === "rejected") expect(r.reason).toMatchObject({ code: "CONFLICT" });
    }
  });

  it("counts any role holding admins.manage as administrator, whatever it is called", async () => {
    const { workspace, admin, roles } = await createWorkspace(db);
    const lead = await createRole(db, workspace.id, { name: "Security lead", permissions });
    const leadUser = await createUser(db, workspace.id, { roleId: lead.id, password: defaultPassword });
    const leadCtx = await consoleContextFor(db, leadUser.id);
    // The lead may demote the creator: the lead remains an administrator.
    const adminRow = await db.user.findUniqueOrThrow({ where: { id: admin.id } });
    await updateUser(leadCtx, { userId: admin.id, email: adminRow.email, displayName: adminRow.displayName, phone: "", roleId: roles.user });
    expect(await activeAdmins(db, workspace.id)).toBe(1);
    // Deleting takes the role away, so the grant rule applies: a deputy without admins.manage may not delete the lead.
    const deputyRole = await createRole(db, workspace.id, { name: "Deputy", permissions: permissions.filter((p) => p !== "admins.manage") });
    const deputy = await createUser(db, workspace.id, { roleId: deputyRole.id, password: defaultPassword });
    await expect(deleteUsers(await consoleContextFor(db, deputy.id), { userIds: [leadUser.id] })).rejects.toMatchObject({
      code: "FORBIDDEN",
      userMessage: expect.stringMatching(/Only a user who may manage administrators can delete an administrator/),
    });
    expect(await db.user.count({ where: { id: leadUser.id } })).toBe(1);
    // The last holder is counted whatever the role is called (the first administrator's role no longer counts): another lead may delete this one.
    const second = await createUser(db, workspace.id, { roleId: lead.id, password: defaultPassword });
    await deleteUsers(await consoleContextFor(db, second.id), { userIds: [leadUser.id] });
    expect(await activeAdmins(db, workspace.id)).toBe(1);
    expect((await db.user.findUniqueOrThrow({ where: { id: second.id } })).roleId).toBe(lead.id);
  });

  it("lets a user give only roles within their own permissions, never their own role, and administrators only with admins.manage", async () => {
    const { workspace, admin, roles } = await createWorkspace(db);
    const helpdesk = await createRole(db, workspace.id, { name: "Help desk", permissions: ["users.read", "users.write"] });
    const allButManage = await createRole(db, workspace.id, { name: "Deputy", permissions: ["users.read", "users.write", "users.delete", "groups.write", "devices.write", "licenses.write", "audit.read", "settings.write"] });
    const desk = await createUser(db, workspace.id, { roleId: helpdesk.id, password: defaultPassword });
    const deputy = await createUser(db, workspace.id, { roleId: allButManage.id, password: defaultPassword });
    const someone = await createUser(db, workspace.id, { roleId: roles.user });
    const deskCtx = await consoleContextFor(db, desk.id);
    const deputyCtx = await consoleContextFor(db, deputy.id);
    const edit = (userId: string, email: string, roleId: string) => ({ userId, email, displayName: "", phone: "", roleId });

    // User Info: no one makes themself or anyone else an administrator without admins.manage.
    for (const ctx of [deskCtx, deputyCtx]) {
      await expect(updateUser(ctx, edit(someone.id, someone.email, roles.admin))).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(updateUser(ctx, edit(ctx.user.id, ctx.user.email, roles.admin))).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    // Nor unmakes one, nor gives a role holding more than their own.
    const adminRow = await db.user.findUniqueOrThrow({ where: { id: admin.id } });
    await expect(updateUser(deputyCtx, edit(admin.id, adminRow.email, roles.user))).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(updateUser(deskCtx, edit(someone.id, someone.email, allButManage.id))).rejects.toMatchObject({ code: "FORBIDDEN" });
    // Within their own permissions it works, and the administrator may do it all (but not to their own role).
    await updateUser(deskCtx, edit(someone.id, someone.email, helpdesk.id));
    await updateUser(deputyCtx, edit(desk.id, desk.email, allButManage.id));
    await expect(updateUser(await consoleContextFor(db, admin.id), edit(admin.id, adminRow.email, roles.user))).rejects.toMatchObject({ code: "FORBIDDEN" });
    await updateUser(await consoleContextFor(db, admin.id), edit(someone.id, someone.email, roles.admin));
    expect((await db.user.findUniqueOrThrow({ where: { id: someone.id }, include: { role: true } })).role.key).toBe("admin");

    // Create user: the same rule.
    const create = (roleId: string) => ({ email: `new-${Math.random().toString(36).slice(2, 8)}@corp.example`, displayName: "", phone: "", group: "", roleId, exchangeDomain: "", exchangeUsername: "", sendInstructions: false });
    const before = await db.user.count({ where: { workspaceId: workspace.id } });
    await expect(createUserRecord(deputyCtx, create(roles.admin), { baseUrl: "https://roster.test" })).rejects.toMatchObject({ code: "FORBIDDEN", fieldErrors: { roleId: [expect.stringContaining("Administrator")] } });
    await expect(createUserRecord(deskCtx, create(allButManage.id), { baseUrl: "https://roster.test" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await db.user.count({ where: { workspaceId: workspace.id } })).toBe(before);
    await createUserRecord(deskCtx, create(roles.user), { baseUrl: "https://roster.test" });
  });

  it("flags import rows naming a role the importer may not give, fails them at run time, and audits each role change", async () => {
    const { workspace, admin, roles } = await createWorkspace(db, { name: "Initech" });
    const helpdesk = await createRole(db, workspace.id, { name: "Help desk", permissions: ["users.read", "users.write"] });
    const desk = await createUser(db, workspace.id, { roleId: helpdesk.id, email: "desk@initech.example", password: defaultPassword });
    const plain = await createUser(db, workspace.id, { roleId: roles.user, email: "plain@initech.example" });
    const deskCtx = await consoleContextFor(db, desk.id);
    const csv = [
      "email,name,role",
      "new.admin@initech.example,New Admin,Administrator",
      "plain@initech.example,Plain,Administrator",
      "desk@initech.example,Desk,User",
      `${admin.email},Boss,User`,
      "new.desk@initech.example,New Desk,Help desk",
    ].join("\n");
    const { id } = await stageImport(deskCtx, { bytes: utf8(csv), fileName: "roles.csv" });
    const attention = await listImportRows(db, id, "attention", { number: 1, size: 50 });
    expect(attention.map((r) => [r.rowNumber, r.issues.map((i) => i.message)])).toEqual([
      [2, ['You cannot give the role "Administrator": it holds permissions your role does not']],
      [3, ['You cannot give the role "Administrator": it holds permissions your role does not']],
    ]);
    await setExistingMode(deskCtx, { importId: id, mode: "UPDATE" });
    await startImport(deskCtx, { importId: id });
    await processImport(db, id);
    const rows = await db.importRow.findMany({ where: { importRunId: id }, orderBy: { rowNumber: "asc" }, select: { rowNumber: true, outcome: true, outcomeReason: true } });
    expect(rows.map((r) => [r.rowNumber, r.outcome, r.outcomeReason])).toEqual([
      [2, "FAILED", 'You cannot give the role "Administrator": it holds permissions your role does not'],
      [3, "FAILED", 'You cannot give the role "Administrator": it holds permissions your role does not'],
      [4, "FAILED", "You cannot change your own role. Ask another administrator."],
      [5, "FAILED", 'Only a user who may manage administrators can take the role "Administrator" away'],
      [6, null, null],
    ]);
    expect((await db.user.findUniqueOrThrow({ where: { id: plain.id }, include: { role: true } })).role.key).toBe("user");
    expect((await db.user.findUniqueOrThrow({ where: { id: admin.id }, include: { role: true } })).role.key).toBe("admin");
    expect(await countCategories(db, id)).toBeDefined();

    // An administrator's import changes roles, one user.update event per user with role from/to.
    const adminCtx = await consoleContextFor(db, admin.id);
    const second = await stageImport(adminCtx, { bytes: utf8("email,role\nplain@initech.example,Help desk\ndesk@initech.example,User\n"), fileName: "promote.csv" });
    await setExistingMode(adminCtx, { importId: second.id, mode: "UPDATE" });
    await startImport(adminCtx, { importId: second.id });
    await processImport(db, second.id);
    const events = await db.auditEvent.findMany({ where: { workspaceId: workspace.id, action: "user.update" }, orderBy: { targetLabel: "asc" } });
    expect(events.map((e) => [e.targetLabel, e.actorId, JSON.parse(e.details ?? "{}").role])).toEqual([
      ["desk@initech.example", admin.id, { from: "Help desk", to: "User" }],
      ["plain@initech.example", admin.id, { from: "User", to: "Help desk" }],
    ]);
  });
});
