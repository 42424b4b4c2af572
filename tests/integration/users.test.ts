import { describe, expect, it } from "vitest";
import { deleteUsers } from "@/lib/users/delete-users";
import { listUsers } from "@/lib/users/list-users";
import { twoFactorStates, userListQuerySchema, userSortKeys, type UserListQuery } from "@/lib/users/schema";
import { updateUser } from "@/lib/users/update-user";
import { sendInstructions } from "@/lib/users/send-instructions";
import { createSession, findSession } from "@/lib/auth/sessions";
import { hashPassword } from "@/lib/auth/password";
import { derivedUserColumns } from "@/lib/users/fields";
import { consoleContextFor, createUsers, createWorkspace } from "../factories";
import { testDb, testProviders } from "../support/db";
import type { Db } from "@/lib/db/client";

const query = (q: Partial<UserListQuery> = {}): UserListQuery => ({ ...userListQuerySchema.parse({}), ...q });

/** Walks the whole list with Next and returns the ids in order. */
async function walkForward(db: Db, workspaceId: string, q: UserListQuery) {
  const ids: string[] = [];
  let cursor = "";
  for (let guard = 0; guard < 100; guard++) {
    const page = await listUsers(db, workspaceId, { ...q, cursor });
    expect(page.start).toBe(ids.length);
    ids.push(...page.rows.map((r) => r.id));
    if (!page.next) return { ids, total: page.total };
    expect(page.rows).toHaveLength(q.size);
    cursor = page.next;
  }
  throw new Error("pagination did not end");
}

/** Another administrator in the workspace who can sign in. */
async function addAdmin(db: Db, workspaceId: string, roleId: string, email: string) {
  return db.user.create({
    data: {
      workspaceId, email, alias: email.split("@")[0], displayName: "Second Admin", roleId,
      ...derivedUserColumns({ email, alias: email.split("@")[0], displayName: "Second Admin", phone: "" }),
      passwordHash: await hashPassword("another long password"), twoFactor: "NOT_ACTIVE",
    },
  });
}

describe.each(testProviders)("users on %s", (provider) => {
  const db = testDb(provider);

  it("lists only the workspace's users, and every sort walks each user exactly once, in order", async () => {
    const { workspace, roles } = await createWorkspace(db);
    const other = await createWorkspace(db);
    await createUsers(db, workspace.id, 130, { roleId: roles.user, seed: 3 });
    await createUsers(db, other.workspace.id, 20, { roleId: other.roles.user, seed: 4 });
    const some = await db.user.findMany({ where: { workspaceId: workspace.id }, take: 60, orderBy: { id: "asc" } });
    for (const [i, u] of some.entries()) {
      await db.user.update({ where: { id: u.id }, data: { twoFactor: (["ACTIVE", "NOT_ACTIVE", "NOT_CONFIGURED"] as const)[i % 3] } });
    }
    const all = await db.user.findMany({ where: { workspaceId: workspace.id } });
    expect(all).toHaveLength(131);

    for (const sort of userSortKeys) {
      for (const dir of ["asc", "desc"] as const) {
        const { ids, total } = await walkForward(db, workspace.id, query({ sort, dir, size: 25 }));
        expect(total).toBe(131);
        expect(new Set(ids).size).toBe(131);
        expect(ids.sort()).toEqual(all.map((u) => u.id).sort());
      }
    }

    // The order is the column's order: check the name sort against a sort done here.
    const { ids } = await walkForward(db, workspace.id, query({ sort: "name", size: 50 }));
    const byId = new Map(all.map((u) => [u.id, u]));
    const names = ids.map((id) => byId.get(id)!.sortName);
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));

    // 2FA status sorts in the same order on both engines.
    const byState = await walkForward(db, workspace.id, query({ sort: "twoFactor", size: 25 }));
    const ranks = byState.ids.map((id) => twoFactorStates.indexOf(byId.get(id)!.twoFactor));
    expect(ranks).toEqual([...ranks].sort((x, y) => x - y));

    // Last login: users who never signed in come first ascending, last descending.
    const desc = await walkForward(db, workspace.id, query({ sort: "lastLogin", dir: "desc", size: 50 }));
    const logins = desc.ids.map((id) => byId.get(id)!.lastLoginAt?.getTime() ?? -1);
    expect(logins).toEqual([...logins].sort((a, b) => b - a));
  });

  it("pages backwards and to the last page consistently with Next", async () => {
    const { workspace, roles } = await createWorkspace(db);
    await createUsers(db, workspace.id, 60, { roleId: roles.user, seed: 5 });
    const q = query({ sort: "lastLogin", size: 25 });
    const forward = await walkForward(db, workspace.id, q);
    const first = await listUsers(db, workspace.id, q);
    const last = await listUsers(db, workspace.id, { ...q, cursor: first.last! });
    expect(last.start).toBe(50);
    expect(last.rows.map((r) => r.id)).toEqual(forward.ids.slice(50));
    const middle = await listUsers(db, workspace.id, { ...q, cursor: last.prev! });
    expect(middle.start).toBe(25);
    expect(middle.rows.map((r) => r.id)).toEqual(forward.ids.slice(25, 50));

    // A stale "Next" cursor whose rows were deleted meanwhile lands on the (new) last page.
    const second = await listUsers(db, workspace.id, { ...q, cursor: first.next! });
    await db.user.deleteMany({ where: { id: { in: forward.ids.slice(50) } } });
    const stale = await listUsers(db, workspace.id, { ...q, cursor: second.next! });
    expect(stale.rows.map((r) => r.id)).toEqual(forward.ids.slice(25, 50));
    expect(stale.start).toBe(25);
  });

  it("counts a search up to 1,000 and still pages through every match", async () => {
    const { workspace, roles } = await createWorkspace(db);
    await createUsers(db, workspace.id, 1005, { roleId: roles.user, seed: 8, emailDomain: "many.example" });
    const first = await listUsers(db, workspace.id, query({ q: "many.example", size: 100 }));
    expect(first).toMatchObject({ total: 1000, totalIsAtLeast: true, last: null });
    const { ids } = await walkForward(db, workspace.id, query({ q: "many.example", size: 100 }));
    expect(new Set(ids).size).toBe(1005);
    // Without a search the count is exact.
    expect(await listUsers(db, workspace.id, query())).toMatchObject({ total: 1006, totalIsAtLeast: false });
  });

  it("searches name, email and phone and filters by role, 2FA status and devices", async () => {
    const { workspace, roles, admin } = await createWorkspace(db, { adminName: "Zebulon Quartz" });
    await createUsers(db, workspace.id, 40, { roleId: roles.user, seed: 6, withDevices: 0.5 });
    const count = async (q: Partial<UserListQuery>) => (await listUsers(db, workspace.id, query(q))).total;

    expect(await count({ q: "zebulon" })).toBe(1);
    expect(await count({ q: "QUARTZ" })).toBe(1);
    expect(await count({ q: admin.email.toUpperCase() })).toBe(1);
    expect(await count({ q: "no-such-person" })).toBe(0);
    // A literal % is searched for, not used as a wildcard.
    expect(await count({ q: "%" })).toBe(0);
    const withPhone = await db.user.findFirstOrThrow({ where: { workspaceId: workspace.id, phone: { not: "" } } });
    expect(await count({ q: withPhone.phone })).toBeGreaterThanOrEqual(1);

    expect(await count({ role: roles.admin })).toBe(1);
    expect(await count({ role: roles.user })).toBe(40);
    expect(await count({ twoFactor: "NOT_ACTIVE" })).toBe(1);
    const withDevices = await db.user.count({ where: { workspaceId: workspace.id, deviceCount: { gt: 0 } } });
    expect(withDevices).toBeGreaterThan(0);
    expect(await count({ devices: "yes" })).toBe(withDevices);
    expect(await count({ devices: "no" })).toBe(41 - withDevices);
  });

  it("deletes users with their devices, tokens and sessions, and records who did it", async () => {
    const { workspace, roles, admin } = await createWorkspace(db);
    const { userIds } = await createUsers(db, workspace.id, 3, { roleId: roles.user, withDevices: 1 });
    const ctx = await consoleContextFor(db, admin.id);
    const victim = userIds[0];
    await db.enrollmentToken.create({ data: { workspaceId: workspace.id, userId: victim, tokenHash: `h-${victim}`, prefix: "abc", expiresAt: new Date(Date.now() + 1e9) } });
    const devices = await db.device.count({ where: { userId: victim } });
    expect(devices).toBeGreaterThan(0);

    const result = await deleteUsers(ctx, { userIds: [victim] });
    expect(result).toEqual({ deleted: 1, devices });
    expect(await db.user.count({ where: { id: victim } })).toBe(0);
    expect(await db.device.count({ where: { userId: victim } })).toBe(0);
    expect(await db.enrollmentToken.count({ where: { userId: victim } })).toBe(0);
    const event = await db.auditEvent.findFirstOrThrow({ where: { workspaceId: workspace.id, action: "user.delete" } });
    expect(event).toMatchObject({ actorId: admin.id, targetId: victim, details: JSON.stringify({ devices }) });
  });

  it("never deletes another workspace's users, the last administrator, or oneself", async () => {
    const a = await createWorkspace(db);
    const b = await createWorkspace(db);
    const { userIds: bUsers } = await createUsers(db, b.workspace.id, 2, { roleId: b.roles.user });
    const ctxA = await consoleContextFor(db, a.admin.id);

    await expect(deleteUsers(ctxA, { userIds: bUsers })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db.user.count({ where: { id: { in: bUsers } } })).toBe(2);
    await expect(deleteUsers(ctxA, { userIds: [a.admin.id] })).rejects.toMatchObject({ code: "CONFLICT" });

    // A second admin may not delete the first when that would leave none... but with two, one may go.
    const second = await addAdmin(db, a.workspace.id, a.roles.admin, `second-${Date.now()}@acme.test`);
    const ctxSecond = await consoleContextFor(db, second.id);
    const sid = await createSession(db, { id: a.admin.id, workspaceId: a.workspace.id });
    await deleteUsers(ctxSecond, { userIds: [a.admin.id] });
    expect(await findSession(db, sid)).toBeNull();
    await expect(deleteUsers(ctxSecond, { userIds: [second.id] })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("edits a user, keeping emails unique per workspace regardless of case", async () => {
    const { workspace, roles, admin } = await createWorkspace(db);
    const { userIds } = await createUsers(db, workspace.id, 2, { roleId: roles.user });
    const ctx = await consoleContextFor(db, admin.id);
    const [u1, u2] = await Promise.all(userIds.map((id) => db.user.findUniqueOrThrow({ where: { id } })));

    await updateUser(ctx, { userId: u1.id, email: "Renamed.Person@Corp.Example", displayName: "Renée Person", phone: "+1 555 0100", roleId: roles.user });
    const updated = await db.user.findUniqueOrThrow({ where: { id: u1.id } });
    expect(updated).toMatchObject({ email: "Renamed.Person@Corp.Example", emailNormalized: "renamed.person@corp.example", sortName: "renée person" });
    expect(updated.searchText).toContain("+15550100");

    await expect(
      updateUser(ctx, { userId: u2.id, email: "RENAMED.person@corp.example", displayName: "", phone: "", roleId: roles.user }),
    ).rejects.toMatchObject({ code: "CONFLICT", fieldErrors: { email: ["Another user already has this email"] } });
    expect((await db.user.findUniqueOrThrow({ where: { id: u2.id } })).email).toBe(u2.email);

    // Promoting makes 2FA applicable; nobody changes their own role (so the only admin cannot demote themself).
    await updateUser(ctx, { userId: u2.id, email: u2.email, displayName: u2.displayName, phone: u2.phone, roleId: roles.admin });
    expect((await db.user.findUniqueOrThrow({ where: { id: u2.id } })).twoFactor).toBe("NOT_ACTIVE");
    const alone = await createWorkspace(db);
    const aloneCtx = await consoleContextFor(db, alone.admin.id);
    await expect(
      updateUser(aloneCtx, { userId: alone.admin.id, email: alone.admin.email, displayName: "x", phone: "", roleId: alone.roles.user }),
    ).rejects.toMatchObject({ code: "FORBIDDEN", fieldErrors: { roleId: ["You cannot change your own role. Ask another administrator."] } });
  });

  it("refuses a role or user from another workspace", async () => {
    const a = await createWorkspace(db);
    const b = await createWorkspace(db);
    const { userIds } = await createUsers(db, b.workspace.id, 1, { roleId: b.roles.user });
    const ctxA = await consoleContextFor(db, a.admin.id);
    await expect(
      updateUser(ctxA, { userId: userIds[0], email: "x@y.example", displayName: "", phone: "", roleId: a.roles.user }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      updateUser(ctxA, { userId: a.admin.id, email: a.admin.email, displayName: "A", phone: "", roleId: b.roles.admin }),
    ).rejects.toMatchObject({ code: "BAD_INPUT" });
  });
});

describe.each(testProviders)("who has not enrolled yet, on %s", (provider) => {
  const db = testDb(provider);

  it("filters by instructions sent or never, which with 'no devices' answers who has not enrolled yet", async () => {
    const { workspace, admin, roles } = await createWorkspace(db);
    const ctx = await consoleContextFor(db, admin.id);
    const { userIds } = await createUsers(db, workspace.id, 6, { roleId: roles.user, seed: 11, withDevices: 0 });
    await sendInstructions(ctx, { userIds: userIds.slice(0, 4) }, { baseUrl: "https://roster.test" });
    // Two of those enrolled a device.
    await db.user.updateMany({ where: { id: { in: userIds.slice(0, 2) } }, data: { deviceCount: 1 } });
    const ids = async (q: Partial<UserListQuery>) => (await listUsers(db, workspace.id, query({ ...q, size: 50 }))).rows.map((r) => r.id).sort();
    expect(await ids({ instructions: "sent" })).toEqual(userIds.slice(0, 4).sort());
    expect(await ids({ instructions: "never" })).toEqual([...userIds.slice(4), admin.id].sort());
    expect(await ids({ instructions: "sent", devices: "no" })).toEqual(userIds.slice(2, 4).sort());
    expect(userListQuerySchema.parse({ instructions: "bogus" }).instructions).toBe("");
  });
});
