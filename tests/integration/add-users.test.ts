import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { sha256 } from "@/lib/crypto/tokens";
import { addUsers, NEXT_STEPS_HINT_TIMES } from "@/lib/users/add-users";
import { addUsersSchema } from "@/lib/users/add-users-schema";
import { sendInstructions } from "@/lib/users/send-instructions";
import { consoleContextFor, createUsers, createWorkspace } from "../factories";
import { testDb, testProviders } from "../support/db";
import { linkToken, renderQueued } from "../support/mail";

const baseUrl = "https://roster.example";
const rows = (emails: string[]) => emails.map((email) => ({ email, alias: email.split("@")[0], name: email.startsWith("ann@") ? "Ann Archer" : "" }));
const input = (emails: string[], sendInstructions = true, emailExisting = true) =>
  addUsersSchema.parse({ runKey: randomUUID(), users: rows(emails), sendInstructions, emailExisting });

describe.each(testProviders)("add users on %s", (provider) => {
  const db = testDb(provider);

  it("emails existing users only when asked to: by default only the new ones get instructions", async () => {
    const { workspace, admin } = await createWorkspace(db);
    const ctx = await consoleContextFor(db, admin.id);
    const quiet = await addUsers(ctx, input(["new-one@corp.example", admin.email], true, false), { baseUrl });
    expect(quiet).toMatchObject({ added: 1, existing: 1, emailed: 1 });
    expect(await db.emailMessage.count({ where: { workspaceId: workspace.id, userId: admin.id } })).toBe(0);
    // The schema's default is off too.
    const parsed = addUsersSchema.parse({ runKey: randomUUID(), users: rows([admin.email]), sendInstructions: true });
    expect(parsed.emailExisting).toBe(false);
    const loud = await addUsers(ctx, input(["new-two@corp.example", admin.email], true, true), { baseUrl });
    expect(loud).toMatchObject({ added: 1, existing: 1, emailed: 2 });
    expect(await db.emailMessage.count({ where: { workspaceId: workspace.id, userId: admin.id } })).toBe(1);
  });

  it("creates new users, skips existing ones, and queues each an email with its own working link", async () => {
    const { workspace, admin } = await createWorkspace(db, { name: "Initech" });
    const ctx = await consoleContextFor(db, admin.id);
    const result = await addUsers(ctx, input(["ann@corp.example", "Bob@Corp.example", "carl@corp.example", admin.email.toUpperCase()]), { baseUrl });
    expect(result).toEqual({ added: 3, existing: 1, emailed: 4, showNextSteps: true });

    expect(await db.user.findFirstOrThrow({ where: { workspaceId: workspace.id, emailNormalized: "ann@corp.example" } })).toMatchObject({ displayName: "Ann Archer", sortName: "ann archer" });
    const bob = await db.user.findFirstOrThrow({ where: { workspaceId: workspace.id, emailNormalized: "bob@corp.example" } });
    expect(bob).toMatchObject({ email: "Bob@corp.example", alias: "Bob", source: "CONSOLE", createdById: admin.id, twoFactor: "NOT_AVAILABLE" });
    const messages = await db.emailMessage.findMany({ where: { workspaceId: workspace.id } });
    expect(messages).toHaveLength(4);
    const toBob = messages.find((m) => m.userId === bob.id)!;
    expect(toBob).toMatchObject({ to: "Bob@corp.example", status: "QUEUED", kind: "instructions" });
    // The row holds no body: the outbox renders it from its parameters and sealed token.
    expect(JSON.parse(toBob.params)).toEqual({ companyName: "Initech", name: "Bob", baseUrl });
    const rendered = await renderQueued(db, toBob.id);
    expect(rendered.html).toContain("Initech");
    const token = linkToken(rendered.text);
    expect(token).toBeDefined();
    const stored = await db.enrollmentToken.findUniqueOrThrow({ where: { tokenHash: sha256(token!) } });
    expect(stored.userId).toBe(bob.id);
    expect(await db.enrollmentToken.count({ where: { workspaceId: workspace.id } })).toBe(4);
    expect(await db.auditEvent.count({ where: { workspaceId: workspace.id, action: "users.add" } })).toBe(1);
  });

  it("adds nothing twice when the same run is submitted again or twice at once", async () => {
    const { workspace, admin } = await createWorkspace(db);
    const ctx = await consoleContextFor(db, admin.id);
    const run = input(["x1@corp.example", "x2@corp.example"]);
    const [a, b] = await Promise.all([addUsers(ctx, run, { baseUrl }), addUsers(ctx, run, { baseUrl })]);
    const again = await addUsers(ctx, run, { baseUrl });
    // Every submission reports the one run's result.
    for (const r of [a, b, again]) expect(r).toMatchObject({ added: 2, existing: 0, emailed: 2 });
    expect(await db.user.count({ where: { workspaceId: workspace.id } })).toBe(3);
    expect(await db.emailMessage.count({ where: { workspaceId: workspace.id } })).toBe(2);
  });

  it("queues no email when instructions are not chosen", async () => {
    const { workspace, admin } = await createWorkspace(db);
    const ctx = await consoleContextFor(db, admin.id);
    expect(await addUsers(ctx, input(["quiet@corp.example"], false), { baseUrl })).toEqual({ added: 1, existing: 0, emailed: 0, showNextSteps: false });
    expect(await db.emailMessage.count({ where: { workspaceId: workspace.id } })).toBe(0);
  });

  it("refuses more than 999 addresses, naming the limit, unless a large license allows 3,000", async () => {
    const { workspace, admin } = await createWorkspace(db);
    const ctx = await consoleContextFor(db, admin.id);
    const many = Array.from({ length: 1000 }, (_, i) => `u${i}@big.example`);
    await expect(addUsers(ctx, input(many), { baseUrl })).rejects.toMatchObject({ code: "BAD_INPUT", userMessage: expect.stringContaining("at most 999") });
    expect(await db.user.count({ where: { workspaceId: workspace.id } })).toBe(1);
    await db.license.create({ data: { workspaceId: workspace.id, product: "Endpoint Security Cloud Plus", seats: 3000, expiresAt: new Date(Date.now() + 86_400_000) } });
    expect((await addUsers(ctx, input(many, false), { baseUrl })).added).toBe(1000);
  });

  it("shows the next-steps message on the first five finishes with instructions only", async () => {
    const { admin } = await createWorkspace(db);
    const ctx = await consoleContextFor(db, admin.id);
    const shown: boolean[] = [];
    for (let i = 0; i < NEXT_STEPS_HINT_TIMES + 2; i++) shown.push((await addUsers(ctx, input([`hint${i}@corp.example`]), { baseUrl })).showNextSteps);
    expect(shown).toEqual([true, true, true, true, true, false, false]);
  });

  it("sends instructions later only to users of the workspace", async () => {
    const a = await createWorkspace(db);
    const b = await createWorkspace(db);
    const { userIds } = await createUsers(db, a.workspace.id, 2, { roleId: a.roles.user });
    const { userIds: foreign } = await createUsers(db, b.workspace.id, 1, { roleId: b.roles.user });
    const ctx = await consoleContextFor(db, a.admin.id);
    expect(await sendInstructions(ctx, { userIds: [...userIds, ...foreign] }, { baseUrl })).toEqual({ queued: 2 });
    expect(await db.emailMessage.count({ where: { userId: foreign[0] } })).toBe(0);
    await expect(sendInstructions(ctx, { userIds: foreign }, { baseUrl })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
