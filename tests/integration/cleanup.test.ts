/**
 * The periodic clean-up, on a database of its own per engine (it deletes
 * across workspaces, so it must not run on the database other test files share).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "@/lib/db/client";
import { prepareDatabase } from "@/lib/db/prepare-database";
import { parseDatabaseUrl } from "@/lib/db/url";
import { runCleanup } from "@/lib/maintenance/cleanup";
import { claimScheduledJob } from "@/lib/maintenance/scheduled-job";
import { createWorkspace } from "../factories";
import { createPostgresDatabase, createSqliteDatabase } from "../support/test-databases";
import { testProviders } from "../support/db";

const DAY = 86_400_000;

describe.each(testProviders)("clean-up on %s", (provider) => {
  let db: Db;
  let drop: () => unknown;
  beforeAll(async () => {
    const made = provider === "sqlite" ? createSqliteDatabase("roster-cleanup") : await createPostgresDatabase("roster_cleanup");
    drop = made.drop;
    await prepareDatabase(made.url);
    db = createDb(parseDatabaseUrl(made.url));
  });
  afterAll(async () => {
    await db.$disconnect();
    await drop();
  });

  it("deletes only what is past its use, in every workspace, and leaves queued email alone", async () => {
    const now = new Date();
    const ago = (days: number) => new Date(now.getTime() - days * DAY);
    const a = await createWorkspace(db);
    const b = await createWorkspace(db);
    const session = (workspaceId: string, userId: string, expiresAt: Date, tag: string) =>
      db.session.create({ data: { idHash: `${tag}-${workspaceId}`, workspaceId, userId, expiresAt } });
    for (const w of [a, b]) {
      await session(w.workspace.id, w.admin.id, ago(1), "ended");
      await session(w.workspace.id, w.admin.id, new Date(now.getTime() + DAY), "live");
    }
    await db.rateLimit.createMany({ data: [{ key: `spent-${a.workspace.id}`, count: 9, resetAt: ago(0.01) }, { key: `live-${a.workspace.id}`, count: 2, resetAt: new Date(now.getTime() + 60_000) }] });
    await db.actionRun.createMany({
      data: [
        { key: `old-${a.workspace.id}`, workspaceId: a.workspace.id, kind: "users.add", result: "{}", createdAt: ago(8) },
        { key: `new-${a.workspace.id}`, workspaceId: a.workspace.id, kind: "users.add", result: "{}", createdAt: ago(1) },
      ],
    });
    const email = (workspaceId: string, status: "SENT" | "FAILED" | "QUEUED", createdAt: Date) =>
      db.emailMessage.create({ data: { workspaceId, kind: "instructions", to: "x@y.test", subject: "s", status, createdAt }, select: { id: true } });
    const oldSent = await email(b.workspace.id, "SENT", ago(91));
    const oldFailed = await email(a.workspace.id, "FAILED", ago(120));
    const oldQueued = await email(a.workspace.id, "QUEUED", ago(200));
    const recentSent = await email(a.workspace.id, "SENT", ago(10));
    const exportAt = (workspaceId: string, createdAt: Date) =>
      db.export.create({ data: { workspaceId, kind: "users", fileName: "u.csv", actorEmail: "a@b.test", createdAt, completedAt: createdAt, chunks: { create: [{ seq: 0, content: "x" }] } } });
    const oldExport = await exportAt(b.workspace.id, ago(31));
    const newExport = await exportAt(a.workspace.id, ago(29));
    const run = (workspaceId: string, finishedAt: Date) =>
      db.importRun.create({
        data: {
          workspaceId, fileName: "f.csv", fileSize: 1, encoding: "utf-8", delimiter: ",", rowCount: 1, status: "DONE", createdByEmail: "a@b.test", finishedAt,
          rows: { create: [{ rowNumber: 2, email: "r@x.test", emailNormalized: "r@x.test", name: "", phone: "", groups: "", role: "", exchangeDomain: "", exchangeUsername: "" }] },
        },
      });
    const oldImport = await run(a.workspace.id, ago(31));
    const newImport = await run(b.workspace.id, ago(29));
    // Uploads whose connection dropped: the one an hour old goes with its chunks, the one still arriving stays.
    const upload = (workspaceId: string, createdAt: Date) =>
      db.importRun.create({
        data: {
          workspaceId, fileName: "u.csv", fileSize: 0, encoding: "auto", delimiter: "", rowCount: 0, status: "UPLOADING", createdByEmail: "a@b.test", createdAt,
          upload: { create: [{ seq: 0, data: new Uint8Array([0x65, 0x6d]) }] },
        },
      });
    const abandoned = await upload(b.workspace.id, new Date(now.getTime() - 61 * 60_000));
    const arriving = await upload(a.workspace.id, new Date(now.getTime() - 5 * 60_000));
    // A file kept for choosing its columns again goes a day on; its import stays.
    const reviewed = await db.importRun.create({
      data: {
        workspaceId: a.workspace.id, fileName: "r.csv", fileSize: 2, encoding: "utf-8", delimiter: ",", rowCount: 0, status: "REVIEW", createdByEmail: "a@b.test",
        createdAt: new Date(now.getTime() - 25 * 3_600_000), upload: { create: [{ seq: 0, data: new Uint8Array([0x65, 0x6d]) }] },
      },
    });

    const result = await runCleanup(db, now);
    expect(result).toEqual({ sessions: 2, signInChallenges: 0, rateLimits: 1, actionRuns: 1, emails: 2, exports: 1, importRows: 1, uploads: 2 });
    expect(await db.importRun.count({ where: { id: abandoned.id } })).toBe(0);
    expect(await db.importUpload.count({ where: { importRunId: reviewed.id } })).toBe(0);
    expect(await db.importRun.count({ where: { id: reviewed.id } })).toBe(1);
    expect(await db.importUpload.count({ where: { importRunId: abandoned.id } })).toBe(0);
    expect(await db.importUpload.count({ where: { importRunId: arriving.id } })).toBe(1);
    expect(await db.session.count()).toBe(2);
    expect(await db.session.count({ where: { expiresAt: { lte: now } } })).toBe(0);
    expect((await db.rateLimit.findMany()).map((r) => r.key)).toEqual([`live-${a.workspace.id}`]);
    expect((await db.actionRun.findMany()).map((r) => r.key)).toEqual([`new-${a.workspace.id}`]);
    const left = (await db.emailMessage.findMany({ select: { id: true } })).map((r) => r.id).sort();
    expect(left).toEqual([oldQueued.id, recentSent.id].sort());
    expect(left).not.toContain(oldSent.id);
    expect(left).not.toContain(oldFailed.id);
    expect((await db.export.findMany({ select: { id: true } })).map((r) => r.id)).toEqual([newExport.id]);
    expect(await db.exportChunk.count({ where: { exportId: oldExport.id } })).toBe(0);
    expect(await db.importRow.count({ where: { importRunId: oldImport.id } })).toBe(0);
    expect(await db.importRow.count({ where: { importRunId: newImport.id } })).toBe(1);
    // The import history keeps its counts after its rows go.
    expect(await db.importRun.count({ where: { id: oldImport.id } })).toBe(1);

    // A second run finds nothing more.
    expect(await runCleanup(db, now)).toEqual({ sessions: 0, signInChallenges: 0, rateLimits: 0, actionRuns: 0, emails: 0, exports: 0, importRows: 0, uploads: 0 });
  });

  it("lets exactly one of several instances claim each period of a job", async () => {
    const name = `job-${provider}-${Date.now()}`;
    const hour = 60 * 60 * 1000;
    const t0 = new Date();
    const first = await Promise.all(Array.from({ length: 8 }, () => claimScheduledJob(db, name, hour, t0)));
    expect(first.filter(Boolean)).toHaveLength(1);
    // Within the period nobody claims it again.
    const again = await Promise.all(Array.from({ length: 8 }, () => claimScheduledJob(db, name, hour, new Date(t0.getTime() + hour / 2))));
    expect(again.filter(Boolean)).toHaveLength(0);
    // The next period: one again.
    const next = await Promise.all(Array.from({ length: 8 }, () => claimScheduledJob(db, name, hour, new Date(t0.getTime() + hour))));
    expect(next.filter(Boolean)).toHaveLength(1);
  });
});
