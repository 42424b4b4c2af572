import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { hitRateLimit } from "@/lib/auth/rate-limit";
import { createDb } from "@/lib/db/client";
import { consumeRateLimits } from "@/lib/enrollment/rate-limits";
import { prepareDatabase } from "@/lib/db/prepare-database";
import { parseDatabaseUrl } from "@/lib/db/url";
import { getImportRun } from "@/lib/imports/read-import";
import { cancelImport } from "@/lib/imports/review-import";
import { processImport, startImport } from "@/lib/imports/run-import";
import { stageImport } from "@/lib/imports/stage-import";
import { addUsers } from "@/lib/users/add-users";
import { addUsersSchema } from "@/lib/users/add-users-schema";
import { createUser } from "@/lib/users/create-user";
import { createUserSchema } from "@/lib/users/create-user-schema";
import { ALREADY_SET_UP_MESSAGE, createWorkspace as setUpWorkspace } from "@/lib/workspaces/create-workspace";
import { consoleContextFor, createLicense, createUsers, createWorkspace } from "../factories";
import { testDb, testProviders } from "../support/db";
import { createPostgresDatabase, createSqliteDatabase } from "../support/test-databases";

// Invariants that must hold when requests arrive at once: each test fires N
// separate calls (each its own transaction; on PostgreSQL the pool has
// several connections) with Promise.all and checks what is left.

const baseUrl = "https://roster.example";
const settle = <T>(calls: Promise<T>[]) => Promise.allSettled(calls);
const fulfilled = <T>(results: PromiseSettledResult<T>[]) => results.filter((r): r is PromiseFulfilledResult<T> => r.status === "fulfilled");
const rejected = (results: PromiseSettledResult<unknown>[]) => results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
const wizardInput = (prefix: string, n: number) =>
  addUsersSchema.parse({ runKey: randomUUID(), users: Array.from({ length: n }, (_, i) => ({ email: `${prefix}-${i}@corp.example`, alias: `${prefix}-${i}` })), sendInstructions: true });
const createUserInput = (email: string, roleId: string) =>
  createUserSchema.parse({ email, displayName: "", phone: "", group: "", roleId, sendInstructions: "on" });

describe.each(testProviders)("first setup under concurrency on %s", (provider) => {
  it("six simultaneous first setups on a fresh database create one workspace; the others are told to sign in", async () => {
    const fresh = provider === "postgresql" ? await createPostgresDatabase("roster_setup_race") : createSqliteDatabase("roster-setup-race");
    await prepareDatabase(fresh.url);
    const db = createDb(parseDatabaseUrl(fresh.url));
    try {
      const setups = Array.from({ length: 6 }, (_, i) =>
        setUpWorkspace(db, { companyName: `Company ${i}`, displayName: `Founder ${i}`, email: `founder-${i}@example.com`, password: "a long enough passphrase" }, { openSignup: false }),
      );
      const results = await settle(setups);
      expect(fulfilled(results)).toHaveLength(1);
      for (const r of rejected(results)) expect(r.reason).toMatchObject({ code: "CONFLICT", userMessage: ALREADY_SET_UP_MESSAGE });
      expect(await db.workspace.count()).toBe(1);
      expect(await db.user.count()).toBe(1);
      expect(await db.role.count({ where: { workspaceId: { not: fulfilled(results)[0].value.workspace.id } } })).toBe(0);

      // Later setups are refused too; with ROSTER_OPEN_SIGNUP=true anyone may add a workspace.
      const later = { companyName: "Late", displayName: "Late", email: "late@example.com", password: "a long enough passphrase" };
      await expect(setUpWorkspace(db, later, { openSignup: false })).rejects.toMatchObject({ userMessage: ALREADY_SET_UP_MESSAGE });
      await setUpWorkspace(db, later, { openSignup: true });
      expect(await db.workspace.count()).toBe(2);
    } finally {
      await db.$disconnect();
      await fresh.drop();
    }
  });
});

describe.each(testProviders)("license seats under concurrency on %s", (provider) => {
  const db = testDb(provider);

  it("refuses a wizard finish or Create user past the licenses' users, saying the limit, and writes nothing", async () => {
    const { workspace, admin, roles } = await createWorkspace(db);
    await createUsers(db, workspace.id, 7, { roleId: roles.user });
    await createLicense(db, workspace.id, { seats: 10 });
    const ctx = await consoleContextFor(db, admin.id);
    const before = { users: await db.user.count({ where: { workspaceId: workspace.id } }), emails: await db.emailMessage.count({ where: { workspaceId: workspace.id } }) };
    expect(before.users).toBe(8);

    const run = wizardInput("over", 3);
    await expect(addUsers(ctx, run, { baseUrl })).rejects.toMatchObject({
      code: "CONFLICT",
      userMessage: "Your licenses cover 10 users; the workspace has 8. Adding 3 would go past it (room for 2 more). Add a license or remove users.",
    });
    expect(await db.actionRun.count({ where: { key: run.runKey } })).toBe(0);
    expect(await db.user.count({ where: { workspaceId: workspace.id } })).toBe(8);
    expect(await db.emailMessage.count({ where: { workspaceId: workspace.id } })).toBe(before.emails);

    // Addresses that are already users take no seat.
    expect(await addUsers(ctx, addUsersSchema.parse({ runKey: randomUUID(), users: [{ email: admin.email, alias: "admin" }, { email: "fits@corp.example", alias: "fits" }], sendInstructions: false }), { baseUrl })).toMatchObject({ added: 1, existing: 1 });
    await createUser(ctx, createUserInput("last-seat@corp.example", roles.user), { baseUrl });
    await expect(createUser(ctx, createUserInput("one-too-many@corp.example", roles.user), { baseUrl })).rejects.toMatchObject({
      userMessage: expect.stringMatching(/^Your licenses cover 10 users; the workspace has 10\./),
    });
    expect(await db.user.count({ where: { workspaceId: workspace.id } })).toBe(10);
  });

  it("parallel wizard finishes and Create users that together exceed the licenses never leave more users than the limit", async () => {
    const { workspace, admin, roles } = await createWorkspace(db);
    await createLicense(db, workspace.id, { seats: 500, userLimit: 20 }); // the admin takes one of the 20
    const ctx = await consoleContextFor(db, admin.id);
    const calls: Promise<unknown>[] = [
      ...Array.from({ length: 6 }, (_, i) => addUsers(ctx, wizardInput(`run${i}`, 5), { baseUrl })),
      ...Array.from({ length: 6 }, (_, i) => createUser(ctx, createUserInput(`single-${i}@corp.example`, roles.user), { baseUrl })),
    ];
    const results = await settle(calls);
    for (const r of rejected(results)) expect(r.reason).toMatchObject({ code: "CONFLICT", userMessage: expect.stringMatching(/^Your licenses cover 20 users;/) });
    expect(rejected(results).length).toBeGreaterThan(0);
    const users = await db.user.count({ where: { workspaceId: workspace.id } });
    expect(users).toBeLessThanOrEqual(20);
    // What the successful calls report is exactly what is there.
    const added = fulfilled(results).reduce((sum, r) => sum + ((r.value as { added?: number }).added ?? 1), 0);
    expect(users).toBe(1 + added);
  });

  it("an import's create step and parallel wizard finishes share the same seats", async () => {
    const { workspace, admin } = await createWorkspace(db);
    await createLicense(db, workspace.id, { seats: 12 });
    const ctx = await consoleContextFor(db, admin.id);
    const csv = ["email", ...Array.from({ length: 8 }, (_, i) => `csv-${i}@corp.example`)].join("\n");
    const { id } = await stageImport(ctx, { bytes: new TextEncoder().encode(csv), fileName: "people.csv" });
    await startImport(ctx, { importId: id });
    await settle<unknown>([processImport(db, id, { batch: 3 }), addUsers(ctx, wizardInput("w1", 4), { baseUrl }), addUsers(ctx, wizardInput("w2", 4), { baseUrl })]);
    expect(await db.user.count({ where: { workspaceId: workspace.id } })).toBeLessThanOrEqual(12);
    const run = (await getImportRun(db, workspace.id, id))!;
    expect(run.status).toBe("DONE");
    expect(await db.user.count({ where: { workspaceId: workspace.id, importRunId: id } })).toBe(run.created);
  });

  it("no active license means no limit", async () => {
    const { workspace, admin } = await createWorkspace(db);
    await createLicense(db, workspace.id, { seats: 1, expiresAt: new Date(Date.now() - 1000) });
    const ctx = await consoleContextFor(db, admin.id);
    await Promise.all([addUsers(ctx, wizardInput("a", 5), { baseUrl }), addUsers(ctx, wizardInput("b", 5), { baseUrl })]);
    expect(await db.user.count({ where: { workspaceId: workspace.id } })).toBe(11);
  });
});

describe.each(testProviders)("import start against cancel on %s", (provider) => {
  const db = testDb(provider);

  it("of a Cancel and a Create accounts at once, exactly one wins: a started import keeps its rows, a cancelled one never starts", async () => {
    const { admin, workspace } = await createWorkspace(db);
    const ctx = await consoleContextFor(db, admin.id);
    const csv = ["email", "a@race.example", "b@race.example", "c@race.example"].join("\n");
    const outcomes = new Set<string>();
    for (let round = 0; round < 6; round++) {
      const { id } = await stageImport(ctx, { bytes: new TextEncoder().encode(csv), fileName: `round-${round}.csv` });
      // Alternate who is first in line, so both orders are tried.
      const calls = round % 2 === 0
        ? [cancelImport(ctx, { importId: id }), startImport(ctx, { importId: id }), cancelImport(ctx, { importId: id }), startImport(ctx, { importId: id })]
        : [startImport(ctx, { importId: id }), cancelImport(ctx, { importId: id }), startImport(ctx, { importId: id }), cancelImport(ctx, { importId: id })];
      const results = await settle(calls);
      const starts = [results[0], results[1], results[2], results[3]].filter((_, i) => (round % 2 === 0 ? i % 2 === 1 : i % 2 === 0));
      const cancels = results.filter((r) => !starts.includes(r));
      const run = (await getImportRun(db, workspace.id, id))!;
      const rows = await db.importRow.count({ where: { importRunId: id } });
      outcomes.add(run.status);
      if (run.status === "CANCELLED") {
        expect(rows).toBe(0);
        expect(starts.every((r) => r.status === "rejected")).toBe(true);
        for (const r of rejected(starts)) expect(r.reason).toMatchObject({ code: "CONFLICT", userMessage: expect.stringMatching(/cancelled/) });
        expect(cancels.filter((r) => r.status === "fulfilled")).toHaveLength(1);
        expect(await db.auditEvent.count({ where: { workspaceId: workspace.id, action: "users.import.start", targetId: id } })).toBe(0);
      } else {
        expect(run.status).toBe("RUNNING");
        expect(rows).toBe(3);
        expect(cancels.every((r) => r.status === "rejected")).toBe(true);
        for (const r of rejected(cancels)) expect(r.reason).toMatchObject({ code: "CONFLICT", userMessage: expect.stringMatching(/already started/) });
        expect(await db.auditEvent.count({ where: { workspaceId: workspace.id, action: "users.import.cancel", targetId: id } })).toBe(0);
        await processImport(db, id);
        expect((await getImportRun(db, workspace.id, id))?.created).toBe(3);
        await db.user.deleteMany({ where: { workspaceId: workspace.id, importRunId: id } });
      }
    }
    // Both outcomes occur over the rounds on a multi-connection engine; either is correct.
    expect(outcomes.size).toBeGreaterThanOrEqual(1);
  });
});

describe.each(testProviders)("rate limits under concurrency on %s", (provider) => {
  const db = testDb(provider);

  it("of 30 parallel attempts against a limit of 20, exactly 20 pass: each is counted before it is decided", async () => {
    const key = `race:${randomUUID()}`;
    const rule = { limit: 20, windowSeconds: 600 };
    const results = await settle(Array.from({ length: 30 }, () => consumeRateLimits(db, [{ key, rule }])));
    expect(fulfilled(results)).toHaveLength(20);
    for (const r of rejected(results)) expect(r.reason).toMatchObject({ code: "RATE_LIMITED" });
    const counts = (await Promise.all(Array.from({ length: 5 }, () => hitRateLimit(db, key, rule)))).map((s) => s.count).sort((a, b) => a - b);
    expect(counts).toEqual([31, 32, 33, 34, 35]);
  });
});
