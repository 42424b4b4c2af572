import { describe, expect, it, vi } from "vitest";
import { createUser } from "@/lib/users/create-user";
import { createUserSchema } from "@/lib/users/create-user-schema";
import { consoleContextFor, createGroups, createRole, createUser as createUserRow, createWorkspace } from "../factories";
import { testDb, testProviders } from "../support/db";
import { linkToken, renderQueued } from "../support/mail";

// Lets a test make the instruction step fail, after the user, group and membership rows are written.
const failQueue = vi.hoisted(() => ({ on: false }));
vi.mock("@/lib/users/send-instructions", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@/lib/users/send-instructions")>();
  return {
    ...actual,
    queueInstructions: async (...args: Parameters<typeof actual.queueInstructions>) => {
      if (failQueue.on) throw new Error("forced failure while queueing");
      return actual.queueInstructions(...args);
    },
  };
});

const baseUrl = "https://roster.example";
const input = (fields: Record<string, unknown>) => createUserSchema.parse({ displayName: "", phone: "", group: "", sendInstructions: "on", ...fields });

describe.each(testProviders)("create user on %s", (provider) => {
  const db = testDb(provider);

  it("creates the user with a new group and queues the instructions", async () => {
    const { workspace, admin, roles } = await createWorkspace(db, { name: "Initech" });
    const ctx = await consoleContextFor(db, admin.id);
    const result = await createUser(ctx, input({ email: "Nina@Corp.Example", displayName: "Nina North", phone: "+1 555 010 2020", group: "  Field Sales ", roleId: roles.user }), { baseUrl });
    expect(result.queued).toBe(1);

    const user = await db.user.findUniqueOrThrow({ where: { id: result.id }, include: { memberships: { include: { group: true } } } });
    expect(user).toMatchObject({
      workspaceId: workspace.id, email: "Nina@corp.example", emailNormalized: "nina@corp.example", alias: "Nina", displayName: "Nina North",
      sortName: "nina north", phone: "+1 555 010 2020", roleId: roles.user, source: "CONSOLE", createdById: admin.id, twoFactor: "NOT_AVAILABLE",
      exchangeDomain: null, exchangeUsername: null,
    });
    expect(user.memberships).toHaveLength(1);
    expect(user.memberships[0]).toMatchObject({ workspaceId: workspace.id, createdById: admin.id });
    expect(user.memberships[0].group).toMatchObject({ workspaceId: workspace.id, name: "Field Sales", nameNormalized: "field sales", createdById: admin.id });

    const [message] = await db.emailMessage.findMany({ where: { workspaceId: workspace.id, userId: user.id } });
    expect(message).toMatchObject({ to: "Nina@corp.example", status: "QUEUED", kind: "instructions" });
    expect(linkToken((await renderQueued(db, message.id)).text)).toBeDefined();
    expect(await db.enrollmentToken.count({ where: { userId: user.id } })).toBe(1);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { workspaceId: workspace.id, action: "user.create" } });
    expect(audit).toMatchObject({ actorId: admin.id, targetId: user.id, targetLabel: "Nina@corp.example" });
  });

  it("joins an existing group matched case-insensitively, and stores the Exchange account", async () => {
    const { workspace, admin, roles } = await createWorkspace(db);
    const { groupIds } = await createGroups(db, workspace.id, [{ name: "Help Desk", memberIds: [] }]);
    const ctx = await consoleContextFor(db, admin.id);
    const { id } = await createUser(ctx, input({ email: "hal@corp.example", group: "HELP desk", roleId: roles.user, exchangeDomain: "CORP", exchangeUsername: "hal" }), { baseUrl });
    expect(await db.group.count({ where: { workspaceId: workspace.id } })).toBe(1);
    expect(await db.groupMember.findMany({ where: { userId: id }, select: { groupId: true } })).toEqual([{ groupId: groupIds[0] }]);
    expect(await db.user.findUniqueOrThrow({ where: { id } })).toMatchObject({ exchangeDomain: "CORP", exchangeUsername: "hal" });
  });

  it("gives a console role's user 2FA to configure and an activation email, and no instructions when they are not chosen", async () => {
    const { workspace, admin, roles } = await createWorkspace(db);
    const ctx = await consoleContextFor(db, admin.id);
    const result = await createUser(ctx, input({ email: "ada@corp.example", roleId: roles.admin, sendInstructions: undefined }), { baseUrl });
    expect(result.queued).toBe(0);
    expect(await db.user.findUniqueOrThrow({ where: { id: result.id } })).toMatchObject({ twoFactor: "NOT_ACTIVE" });
    // The only message is the link to set a first password, valid 24 hours.
    expect(await db.emailMessage.findMany({ where: { workspaceId: workspace.id }, select: { kind: true, to: true } })).toEqual([{ kind: "password_link", to: "ada@corp.example" }]);
    expect(await db.passwordLink.findMany({ where: { userId: result.id }, select: { purpose: true } })).toEqual([{ purpose: "ACTIVATION" }]);
    expect(await db.enrollmentToken.count({ where: { workspaceId: workspace.id } })).toBe(0);
    expect(await db.groupMember.count({ where: { userId: result.id } })).toBe(0);
  });

  it("requires the Exchange domain and username together", () => {
    const base = { email: "x@corp.example", roleId: "r1" };
    expect(createUserSchema.safeParse({ ...base, exchangeDomain: "CORP" }).error?.issues).toMatchObject([{ path: ["exchangeUsername"] }]);
    expect(createUserSchema.safeParse({ ...base, exchangeUsername: "x" }).error?.issues).toMatchObject([{ path: ["exchangeDomain"] }]);
    expect(createUserSchema.safeParse({ ...base, exchangeDomain: " ", exchangeUsername: "" }).success).toBe(true);
    expect(createUserSchema.safeParse({ ...base, exchangeDomain: "CORP", exchangeUsername: "x" }).success).toBe(true);
    expect(createUserSchema.safeParse({ ...base, email: "not an address" }).error?.issues).toMatchObject([{ path: ["email"] }]);
  });

  it("refuses an email already used in the workspace, in any case, as a field error", async () => {
    const { workspace, admin, roles } = await createWorkspace(db);
    await createUserRow(db, workspace.id, { roleId: roles.user, email: "dup@corp.example" });
    const ctx = await consoleContextFor(db, admin.id);
    await expect(createUser(ctx, input({ email: "DUP@Corp.example", group: "Dupes", roleId: roles.user }), { baseUrl })).rejects.toMatchObject({
      code: "CONFLICT",
      fieldErrors: { email: ["Another user already has this email"] },
    });
    expect(await db.user.count({ where: { workspaceId: workspace.id } })).toBe(2);
    expect(await db.group.count({ where: { workspaceId: workspace.id } })).toBe(0);
  });

  it("refuses another workspace's role, and a role that does not exist, writing nothing", async () => {
    const a = await createWorkspace(db);
    const b = await createWorkspace(db);
    const ctx = await consoleContextFor(db, a.admin.id);
    for (const roleId of [b.roles.user, "no-such-role"]) {
      await expect(createUser(ctx, input({ email: "eve@corp.example", group: "Spies", roleId }), { baseUrl })).rejects.toMatchObject({
        code: "BAD_INPUT",
        fieldErrors: { roleId: ["Choose a role of this workspace"] },
      });
    }
    expect(await db.user.count({ where: { workspaceId: { in: [a.workspace.id, b.workspace.id] }, emailNormalized: "eve@corp.example" } })).toBe(0);
    expect(await db.group.count({ where: { workspaceId: a.workspace.id } })).toBe(0);
  });

  it("writes nothing when a step after the user insert fails", async () => {
    const { workspace, admin } = await createWorkspace(db);
    const custom = await createRole(db, workspace.id, { name: "Auditors", permissions: ["users.read"] });
    const ctx = await consoleContextFor(db, admin.id);
    failQueue.on = true;
    try {
      await expect(createUser(ctx, input({ email: "half@corp.example", group: "Halfway", roleId: custom.id }), { baseUrl })).rejects.toThrow("forced failure");
    } finally {
      failQueue.on = false;
    }
    expect(await db.user.count({ where: { workspaceId: workspace.id } })).toBe(1);
    expect(await db.group.count({ where: { workspaceId: workspace.id } })).toBe(0);
    expect(await db.groupMember.count({ where: { workspaceId: workspace.id } })).toBe(0);
    expect(await db.emailMessage.count({ where: { workspaceId: workspace.id } })).toBe(0);
    expect(await db.auditEvent.count({ where: { workspaceId: workspace.id, action: "user.create" } })).toBe(0);
    // The same input goes through once nothing fails.
    const { id } = await createUser(ctx, input({ email: "half@corp.example", group: "Halfway", roleId: custom.id }), { baseUrl });
    expect(await db.user.findUniqueOrThrow({ where: { id } })).toMatchObject({ roleId: custom.id, twoFactor: "NOT_ACTIVE" });
  });
});
