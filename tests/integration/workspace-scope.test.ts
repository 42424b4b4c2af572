import { describe, expect, it } from "vitest";
import { scopedDb, CrossWorkspaceWrite } from "@/lib/db/scoped";
import { derivedUserColumns } from "@/lib/users/fields";
import { createWorkspace } from "../factories";
import { testDb, testProviders } from "../support/db";

describe.each(testProviders)("the workspace-scoped client on %s", (provider) => {
  const db = testDb(provider);

  it("keeps every query in its workspace, even one that forgets to say so", async () => {
    const a = await createWorkspace(db);
    const b = await createWorkspace(db);
    const scoped = scopedDb(db, a.workspace.id);

    // Reads without a workspace condition see only the workspace's rows.
    const users = await scoped.user.findMany({ select: { workspaceId: true } });
    expect(users.length).toBeGreaterThan(0);
    expect(new Set(users.map((u) => u.workspaceId))).toEqual(new Set([a.workspace.id]));
    expect(await scoped.user.findUnique({ where: { id: b.admin.id } })).toBeNull();
    expect(await scoped.user.findFirst({ where: { email: b.admin.email } })).toBeNull();
    expect(await scoped.role.count()).toBe(await db.role.count({ where: { workspaceId: a.workspace.id } }));
    expect((await scoped.workspace.findMany()).map((w) => w.id)).toEqual([a.workspace.id]);
    expect(await scoped.workspace.findUnique({ where: { id: b.workspace.id } })).toBeNull();

    // Writes by another workspace's id match nothing.
    await expect(scoped.user.update({ where: { id: b.admin.id }, data: { displayName: "Hijacked" } })).rejects.toMatchObject({ code: "P2025" });
    expect((await scoped.user.updateMany({ data: { phone: "+1 555" } })).count).toBe(1);
    expect((await scoped.user.deleteMany({ where: { id: b.admin.id } })).count).toBe(0);
    await expect(scoped.workspace.update({ where: { id: b.workspace.id }, data: { name: "Hijacked" } })).rejects.toMatchObject({ code: "P2025" });
    const bAdmin = await db.user.findUniqueOrThrow({ where: { id: b.admin.id } });
    expect(bAdmin.displayName).not.toBe("Hijacked");
    expect(bAdmin.phone).toBe("");
    expect((await db.workspace.findUniqueOrThrow({ where: { id: b.workspace.id } })).name).not.toBe("Hijacked");

    // Creates get the workspace; naming another is refused.
    const group = await scoped.group.create({ data: { name: "Scoped", nameNormalized: "scoped" } as never });
    expect(group.workspaceId).toBe(a.workspace.id);
    await expect(scoped.group.create({ data: { workspaceId: b.workspace.id, name: "Elsewhere", nameNormalized: "elsewhere" } })).rejects.toBeInstanceOf(CrossWorkspaceWrite);
    await expect(scoped.group.updateMany({ data: { workspaceId: b.workspace.id } })).rejects.toBeInstanceOf(CrossWorkspaceWrite);
    await expect(scoped.workspace.create({ data: { name: "New" } })).rejects.toBeInstanceOf(CrossWorkspaceWrite);

    // Inside a transaction too.
    const inTx = await scoped.$transaction(async (tx) => tx.user.findMany({ select: { workspaceId: true } }));
    expect(new Set(inTx.map((u) => u.workspaceId))).toEqual(new Set([a.workspace.id]));
  });

  it("refuses, in the database itself, a membership, token or device that links two workspaces", async () => {
    const a = await createWorkspace(db);
    const b = await createWorkspace(db);
    const group = await db.group.create({ data: { workspaceId: a.workspace.id, name: "G", nameNormalized: "g" } });
    // Even the unscoped client: the foreign keys carry the workspace.
    await expect(db.groupMember.create({ data: { groupId: group.id, userId: b.admin.id, workspaceId: a.workspace.id } })).rejects.toThrow();
    await expect(db.groupMember.create({ data: { groupId: group.id, userId: b.admin.id, workspaceId: b.workspace.id } })).rejects.toThrow();
    await expect(
      db.enrollmentToken.create({ data: { workspaceId: a.workspace.id, userId: b.admin.id, tokenHash: `h-${Date.now()}-${provider}`, prefix: "x", expiresAt: new Date(Date.now() + 1e9) } }),
    ).rejects.toThrow();
    await expect(
      db.device.create({ data: { workspaceId: a.workspace.id, userId: b.admin.id, osFamily: "WINDOWS", credentialHash: `c-${Date.now()}-${provider}` } }),
    ).rejects.toThrow();
    const email = `x-${Date.now()}@${provider}.test`;
    const profile = { email, alias: "x", displayName: "", phone: "" };
    await expect(db.user.create({ data: { workspaceId: a.workspace.id, ...profile, ...derivedUserColumns(profile), roleId: b.roles.user } })).rejects.toThrow();
    expect(await db.groupMember.count({ where: { groupId: group.id } })).toBe(0);
    // The same rows within one workspace are fine.
    await db.groupMember.create({ data: { groupId: group.id, userId: a.admin.id, workspaceId: a.workspace.id } });
    expect(await db.groupMember.count({ where: { groupId: group.id } })).toBe(1);
  });
});
