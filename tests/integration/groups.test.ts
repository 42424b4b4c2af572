import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { addMembers } from "@/lib/groups/add-members";
import { bulkMembership, bulkMembershipSchema, countSelection } from "@/lib/groups/bulk-membership";
import { createGroup } from "@/lib/groups/create-group";
import { deleteGroup } from "@/lib/groups/delete-group";
import { listGroupHistory } from "@/lib/groups/get-group";
import { listGroups, listUserGroups } from "@/lib/groups/list-groups";
import { removeMembers } from "@/lib/groups/remove-members";
import { renameGroup } from "@/lib/groups/rename-group";
import { createGroupSchema, groupListQuerySchema } from "@/lib/groups/schema";
import { suggestGroups, suggestUsers } from "@/lib/groups/suggest";
import { consoleContextFor, createGroups, createUser, createUsers, createWorkspace } from "../factories";
import { testDb, testProviders } from "../support/db";

const named = (name: string) => createGroupSchema.parse({ name });

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe.each(testProviders)("groups on %s", (provider) => {
  const db = testDb(provider);

  it("creates, renames and deletes a group, with audit events, keeping the users", async () => {
    const { workspace, admin, roles } = await createWorkspace(db);
    const ctx = await consoleContextFor(db, admin.id);
    const { userIds } = await createUsers(db, workspace.id, 3, { roleId: roles.user });
    const group = await createGroup(ctx, named("  Field   Sales "));
    expect(await db.group.findUniqueOrThrow({ where: { id: group.id } })).toMatchObject({ name: "Field Sales", nameNormalized: "field sales", createdById: admin.id, workspaceId: workspace.id });
    await addMembers(ctx, { groupIds: [group.id], userIds });
    await renameGroup(ctx, { id: group.id, name: "Sales" });
    // Only the letter case changes: the group's own name does not collide with itself.
    await renameGroup(ctx, { id: group.id, name: "SALES" });
    expect(await deleteGroup(ctx, { id: group.id })).toEqual({ name: "SALES", members: 3 });
    expect(await db.group.count({ where: { workspaceId: workspace.id } })).toBe(0);
    expect(await db.groupMember.count({ where: { workspaceId: workspace.id } })).toBe(0);
    expect(await db.user.count({ where: { id: { in: userIds } } })).toBe(3);
    const events = await db.auditEvent.findMany({ where: { workspaceId: workspace.id, targetId: group.id }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
    expect(events.map((e) => [e.action, JSON.parse(e.details)])).toEqual([
      ["group.create", {}],
      ["group.add_members", { count: 3 }],
      ["group.rename", { from: "Field Sales", to: "Sales" }],
      ["group.rename", { from: "Sales", to: "SALES" }],
      ["group.delete", { members: 3 }],
    ]);
    expect((await listGroupHistory(db, workspace.id, group.id)).map((e) => e.action)[0]).toBe("group.delete");
  });

  it("refuses a duplicate name in any letter case at the name field, on create and rename", async () => {
    const { admin } = await createWorkspace(db);
    const ctx = await consoleContextFor(db, admin.id);
    await createGroup(ctx, named("Help Desk"));
    const other = await createGroup(ctx, named("Finance"));
    const dup = await refusal(createGroup(ctx, named("help DESK")));
    expect(dup.code).toBe("CONFLICT");
    expect(dup.fieldErrors?.name?.[0]).toContain("A group named “help DESK” already exists");
    expect((await refusal(renameGroup(ctx, { id: other.id, name: "HELP desk" }))).fieldErrors?.name).toHaveLength(1);
    // Another workspace may use the name.
    const b = await createWorkspace(db);
    await expect(createGroup(await consoleContextFor(db, b.admin.id), named("Help Desk"))).resolves.toMatchObject({ name: "Help Desk" });
  });

  it("creates one group when many administrators create the same name at once; the others are refused at the field", async () => {
    const { workspace, admin } = await createWorkspace(db);
    const ctx = await consoleContextFor(db, admin.id);
    const results = await Promise.allSettled(Array.from({ length: 8 }, (_, i) => createGroup(ctx, named(i % 2 ? "Night Shift" : "NIGHT shift"))));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results.filter((r) => r.status === "rejected")) {
      expect(r.reason).toBeInstanceOf(AppError);
      expect((r.reason as AppError).fieldErrors?.name?.[0]).toMatch(/already exists/);
    }
    expect(await db.group.count({ where: { workspaceId: workspace.id } })).toBe(1);
    expect(await db.auditEvent.count({ where: { workspaceId: workspace.id, action: "group.create" } })).toBe(1);
  });

  it("adds and removes idempotently, counting only real changes, also when adds race", async () => {
    const { workspace, admin, roles } = await createWorkspace(db);
    const ctx = await consoleContextFor(db, admin.id);
    const { userIds } = await createUsers(db, workspace.id, 5, { roleId: roles.user });
    const { groupIds } = await createGroups(db, workspace.id, [{ name: "A", memberIds: userIds.slice(0, 2) }, { name: "B", memberIds: [] }]);
    expect((await addMembers(ctx, { groupIds, userIds })).added).toBe(3 + 5);
    expect((await addMembers(ctx, { groupIds, userIds })).added).toBe(0);
    await Promise.all(Array.from({ length: 4 }, () => addMembers(ctx, { groupIds: [groupIds[1]], userIds: [...userIds, ...userIds] })));
    expect(await db.groupMember.count({ where: { groupId: { in: groupIds } } })).toBe(10);
    const member = await db.groupMember.findFirstOrThrow({ where: { groupId: groupIds[1] } });
    expect(member).toMatchObject({ workspaceId: workspace.id, createdById: admin.id });
    expect(member.createdAt.getTime()).toBeGreaterThan(Date.now() - 60_000);

    expect((await removeMembers(ctx, { groupIds: [groupIds[0]], userIds: userIds.slice(0, 3) })).removed).toBe(3);
    expect((await removeMembers(ctx, { groupIds: [groupIds[0]], userIds: userIds.slice(0, 3) })).removed).toBe(0);
    expect(await db.groupMember.count({ where: { groupId: groupIds[0] } })).toBe(2);
    const audit = await db.auditEvent.findMany({ where: { workspaceId: workspace.id, action: { in: ["group.add_members", "group.remove_members"] } }, select: { action: true, details: true } });
    // Nothing changed, nothing recorded.
    expect(audit.map((a) => [a.action, JSON.parse(a.details).count])).toEqual(expect.arrayContaining([["group.add_members", 3], ["group.add_members", 5], ["group.remove_members", 3]]));
    expect(audit).toHaveLength(3);
  });

  it("refuses another workspace's group or user ids, changing nothing", async () => {
    const a = await createWorkspace(db);
    const b = await createWorkspace(db);
    const ctx = await consoleContextFor(db, a.admin.id);
    const mine = await createGroup(ctx, named("Mine"));
    const { groupIds: [theirs] } = await createGroups(db, b.workspace.id, [{ name: "Theirs", memberIds: [b.admin.id] }]);
    const outsider = await createUser(db, b.workspace.id, { roleId: b.roles.user });
    expect((await refusal(addMembers(ctx, { groupIds: [theirs], userIds: [a.admin.id] }))).code).toBe("NOT_FOUND");
    expect((await refusal(addMembers(ctx, { groupIds: [mine.id], userIds: [a.admin.id, outsider.id] }))).code).toBe("NOT_FOUND");
    expect((await refusal(removeMembers(ctx, { groupIds: [theirs], userIds: [b.admin.id] }))).code).toBe("NOT_FOUND");
    expect((await refusal(renameGroup(ctx, { id: theirs, name: "Hijacked" }))).code).toBe("NOT_FOUND");
    expect((await refusal(deleteGroup(ctx, { id: theirs }))).code).toBe("NOT_FOUND");
    expect(await db.groupMember.count({ where: { groupId: mine.id } })).toBe(0);
    expect(await db.group.findUniqueOrThrow({ where: { id: theirs }, include: { _count: { select: { members: true } } } })).toMatchObject({ name: "Theirs", _count: { members: 1 } });
    expect(await suggestUsers(ctx.db, a.workspace.id, { q: outsider.email.slice(0, 8) })).toEqual([]);
    expect(await suggestGroups(ctx.db, a.workspace.id, { q: "theirs" })).toEqual([]);
  });

  it("lists groups keyset-paged with search and sort, counts and creators; suggests users and groups", async () => {
    const { workspace, admin, roles } = await createWorkspace(db);
    const ctx = await consoleContextFor(db, admin.id);
    const { userIds } = await createUsers(db, workspace.id, 4, { roleId: roles.user });
    const names = Array.from({ length: 7 }, (_, i) => `Team ${String.fromCharCode(71 - i)}`); // Team G … Team A
    const { groupIds } = await createGroups(db, workspace.id, names.map((name, i) => ({ name, memberIds: userIds.slice(0, i % 5) })), { createdById: admin.id });
    const q = (raw: Record<string, string>) => groupListQuerySchema.parse(raw);
    const first = await listGroups(ctx.db, workspace.id, q({}), 3);
    expect(first.rows.map((r) => r.name)).toEqual(["Team A", "Team B", "Team C"]);
    expect(first.rows[0]).toMatchObject({ members: 1, createdBy: admin.email });
    expect(first.total).toBe(7);
    const second = await listGroups(ctx.db, workspace.id, q({ cursor: first.next! }), 3);
    expect(second.rows.map((r) => r.name)).toEqual(["Team D", "Team E", "Team F"]);
    expect((await listGroups(ctx.db, workspace.id, q({ cursor: second.prev! }), 3)).rows.map((r) => r.name)).toEqual(["Team A", "Team B", "Team C"]);
    expect((await listGroups(ctx.db, workspace.id, q({ cursor: first.last! }), 3)).rows.map((r) => r.name)).toEqual(["Team G"]);
    expect((await listGroups(ctx.db, workspace.id, q({ dir: "desc" }), 2)).rows.map((r) => r.name)).toEqual(["Team G", "Team F"]);
    expect((await listGroups(ctx.db, workspace.id, q({ q: "m c" }))).rows.map((r) => r.name)).toEqual(["Team C"]);

    expect((await listUserGroups(ctx.db, workspace.id, userIds[0])).map((g) => g.name)).toEqual(["Team A", "Team C", "Team D", "Team E", "Team F"]);
    expect((await suggestGroups(ctx.db, workspace.id, { q: "TEAM", exclude: userIds[0] })).map((g) => g.name)).toEqual(["Team B", "Team G"]);
    const target = await db.user.findUniqueOrThrow({ where: { id: userIds[3] } });
    const found = await suggestUsers(ctx.db, workspace.id, { q: target.email.toUpperCase() });
    expect(found.map((u) => u.id)).toEqual([target.id]);
    // Group i holds the first i % 5 users: Team C (index 4) holds user 3, Team D (index 3) does not.
    expect(await suggestUsers(ctx.db, workspace.id, { q: target.email, exclude: groupIds[names.indexOf("Team C")] })).toEqual([]);
    expect(await suggestUsers(ctx.db, workspace.id, { q: target.email, exclude: groupIds[names.indexOf("Team D")] })).toHaveLength(1);
  });

  it("adds and removes all users matching the list's search and filters, in batches, idempotently, in the workspace only", async () => {
    const { workspace, admin, roles } = await createWorkspace(db);
    const other = await createWorkspace(db);
    const ctx = await consoleContextFor(db, admin.id);
    await createUsers(db, workspace.id, 2100, { roleId: roles.user });
    await createUsers(db, workspace.id, 3, { roleId: roles.user, emailDomain: "branch.example", startAt: 5000 });
    await createUsers(db, other.workspace.id, 4, { roleId: other.roles.user, emailDomain: "branch.example" });
    const group = await createGroup(ctx, named("Everyone"));
    const bulk = (raw: unknown) => bulkMembership(ctx, bulkMembershipSchema.parse(raw));

    expect(await countSelection(ctx, { matching: { q: "BRANCH.example" } })).toBe(3);
    expect(await bulk({ op: "add", groupIds: [group.id], selection: { matching: { q: "branch.example" } } })).toEqual({ users: 3, changed: 3 });
    // Every user of the workspace (2,100 + 3 + the administrator), across five batches; the three already in are skipped.
    expect(await bulk({ op: "add", groupIds: [group.id], selection: { matching: {} } })).toEqual({ users: 2104, changed: 2101 });
    expect(await bulk({ op: "add", groupIds: [group.id], selection: { matching: {} } })).toEqual({ users: 2104, changed: 0 });
    expect(await db.groupMember.count({ where: { groupId: group.id } })).toBe(2104);
    expect(await db.groupMember.count({ where: { workspaceId: other.workspace.id } })).toBe(0);
    // A filter narrows it as on the list: only the administrator has the Administrator role.
    expect(await bulk({ op: "remove", groupIds: [group.id], selection: { matching: { role: roles.admin } } })).toEqual({ users: 1, changed: 1 });
    expect(await bulk({ op: "remove", groupIds: [group.id], selection: { matching: { q: "branch.example" } } })).toEqual({ users: 3, changed: 3 });
    expect(await db.groupMember.count({ where: { groupId: group.id } })).toBe(2100);
    const ids = (await db.groupMember.findMany({ where: { groupId: group.id }, take: 2, select: { userId: true } })).map((m) => m.userId);
    expect(await bulk({ op: "remove", groupIds: [group.id], selection: { userIds: ids } })).toEqual({ users: 2, changed: 2 });
    // Another workspace's group is refused, for "matching" too.
    const { groupIds: [theirs] } = await createGroups(db, other.workspace.id, [{ name: "Theirs", memberIds: [] }]);
    expect((await refusal(bulk({ op: "add", groupIds: [theirs], selection: { matching: {} } }))).code).toBe("NOT_FOUND");
    expect(await db.groupMember.count({ where: { groupId: theirs } })).toBe(0);
  }, 60_000);
});
