import type { ChildProcess } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signInWithPassword } from "@/lib/auth/sign-in";
import { createDb, type Db } from "@/lib/db/client";
import { prepareDatabase } from "@/lib/db/prepare-database";
import { parseDatabaseUrl } from "@/lib/db/url";
import { chooseImportColumns } from "@/lib/imports/column-choices";
import { startImport } from "@/lib/imports/run-import";
import { stageImport } from "@/lib/imports/stage-import";
import { receiveImportUpload, UPLOAD_CHUNK_BYTES } from "@/lib/imports/upload-import";
import { runWaitingImports } from "@/lib/imports/worker";
import { listUsers } from "@/lib/users/list-users";
import { userListQuerySchema } from "@/lib/users/schema";
import { startProcess } from "@/scripts/processes";
import { consoleContextFor, createWorkspace } from "../factories";
import { testDb, testProviders } from "../support/db";
import { createPostgresDatabase, createSqliteDatabase } from "../support/test-databases";

const utf8 = (text: string) => new TextEncoder().encode(text);

/** A request body arriving in pieces of `piece` bytes, as a browser's upload does. */
function streamOf(bytes: Uint8Array, piece = 64 * 1024): ReadableStream<Uint8Array> {
  let at = 0;
  return new ReadableStream({
    pull(controller) {
      if (at >= bytes.length) return controller.close();
      controller.enqueue(bytes.slice(at, at + piece));
      at += piece;
    },
  });
}

function csvOf(rows: number, domain: string): Uint8Array {
  const lines = ["email,name,group"];
  for (let i = 0; i < rows; i++) lines.push(`user${i}@${domain},"Surname${i}, Given ${"x".repeat(20)}",Team ${i % 7}`);
  return utf8(lines.join("\r\n"));
}

async function setup(db: Db, name: string) {
  const made = await createWorkspace(db, { name });
  return { ...made, ctx: await consoleContextFor(db, made.admin.id) };
}

async function until<T>(what: string, read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last seen ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe.each(testProviders)("the import worker on %s", (provider) => {
  const db = testDb(provider);

  it("stores an upload as it streams in, in chunks, and the worker checks it into rows for review", async () => {
    const { workspace, ctx } = await setup(db, "Streamed");
    const bytes = csvOf(40_000, "stream.example");
    expect(bytes.length).toBeGreaterThan(2 * UPLOAD_CHUNK_BYTES);
    const { id } = await receiveImportUpload(ctx, { body: streamOf(bytes), fileName: "staff.csv" });

    const uploaded = await db.importRun.findUniqueOrThrow({ where: { id } });
    expect(uploaded).toMatchObject({ status: "CHECKING", fileSize: bytes.length, rowCount: 0 });
    expect(await db.importUpload.count({ where: { importRunId: id } })).toBe(Math.ceil(bytes.length / UPLOAD_CHUNK_BYTES));
    expect(await db.importRow.count({ where: { importRunId: id } })).toBe(0);

    expect(await runWaitingImports(db, { workspaceId: workspace.id })).toBe(1);
    expect(await db.importRun.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "REVIEW", rowCount: 40_000, checkedRows: 40_000, encoding: "utf-8", delimiter: "comma", lockedUntil: null });
    expect(await db.importRow.count({ where: { importRunId: id } })).toBe(40_000);
    expect(await db.auditEvent.count({ where: { workspaceId: workspace.id, action: "users.import.upload", targetId: id } })).toBe(1);
    // The bytes stay for choosing other columns until the import starts.
    expect(await db.importUpload.count({ where: { importRunId: id } })).toBeGreaterThan(0);
    await startImport(ctx, { importId: id });
    expect(await db.importUpload.count({ where: { importRunId: id } })).toBe(0);
  });

  it("refuses a file growing past the limit, or one that is not CSV, as it arrives, keeping nothing", async () => {
    const { workspace, ctx } = await setup(db, "Refused at once");
    const xlsx = new Uint8Array(300_000);
    xlsx.set([0x50, 0x4b, 0x03, 0x04]);
    await expect(receiveImportUpload(ctx, { body: streamOf(xlsx), fileName: "staff.xlsx" })).rejects.toMatchObject({ userMessage: expect.stringMatching(/Excel workbook/) });
    expect(await db.importRun.count({ where: { workspaceId: workspace.id } })).toBe(0);
    expect(await db.importUpload.count({ where: { workspaceId: workspace.id } })).toBe(0);
  });

  it("takes over a check whose worker stopped once its lease lapses, and stores each row once, with several workers at once", async () => {
    const { workspace, ctx } = await setup(db, "Taken over");
    const { id } = await receiveImportUpload(ctx, { body: streamOf(csvOf(2_500, "takeover.example")), fileName: "staff.csv" });
    // A worker "died" part-way: it holds the lease and left some rows behind.
    await db.importRun.update({ where: { id }, data: { lockedUntil: new Date(Date.now() + 30_000), checkedRows: 1000 } });
    await db.importRow.createMany({
      data: [2, 3].map((rowNumber) => ({ importRunId: id, workspaceId: workspace.id, rowNumber, email: "left@over.example", emailNormalized: "left@over.example", name: "", phone: "", groups: "", role: "", exchangeDomain: "", exchangeUsername: "" })),
    });
    expect(await runWaitingImports(db, { workspaceId: workspace.id })).toBe(0); // the lease still holds
    await db.importRun.update({ where: { id }, data: { lockedUntil: new Date(Date.now() - 1000) } });

    await Promise.all([0, 1, 2].map(() => runWaitingImports(db, { workspaceId: workspace.id })));
    expect(await db.importRun.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "REVIEW", rowCount: 2_500 });
    expect(await db.importRow.count({ where: { importRunId: id } })).toBe(2_500);
    expect(await db.importRow.count({ where: { importRunId: id, emailNormalized: "left@over.example" } })).toBe(0);
  });
});

describe.each(testProviders)("choosing an import's columns on %s", (provider) => {
  const db = testDb(provider);

  it("reads a file again with the columns the admin chose, and remembers them for the workspace's next file", async () => {
    const { workspace, ctx } = await setup(db, "Mapped");
    const file = utf8("Work mail;Person;Notes\nann@mapped.example;Ann Archer;x\nbob@mapped.example;Bob Baker;y\n");
    await expect(stageImport(ctx, { bytes: file, fileName: "hr.csv" })).rejects.toMatchObject({ userMessage: expect.stringMatching(/no email column/) });
    const refused = await db.importRun.findFirstOrThrow({ where: { workspaceId: workspace.id } });
    expect(refused).toMatchObject({ status: "REFUSED", headerCells: JSON.stringify(["Work mail", "Person", "Notes"]) });
    // The file is kept for choosing its columns.
    expect(await db.importUpload.count({ where: { importRunId: refused.id } })).toBe(1);

    await expect(chooseImportColumns(ctx, { importId: refused.id, columns: { "Work mail": "email", Person: "email" } })).rejects.toMatchObject({ code: "BAD_INPUT" });
    await expect(chooseImportColumns(ctx, { importId: refused.id, columns: { "Work mail": "owner" } })).rejects.toThrow();
    await chooseImportColumns(ctx, { importId: refused.id, columns: { "Work mail": "email", Person: "name", Notes: "ignore" } });
    expect(await db.importRun.findUniqueOrThrow({ where: { id: refused.id } })).toMatchObject({ status: "CHECKING", refusal: null });
    await runWaitingImports(db, { workspaceId: workspace.id });
    expect(await db.importRun.findUniqueOrThrow({ where: { id: refused.id } })).toMatchObject({ status: "REVIEW", rowCount: 2, ignoredColumns: JSON.stringify(["Notes"]) });
    expect((await db.importRow.findMany({ where: { importRunId: refused.id }, orderBy: { rowNumber: "asc" } })).map((r) => [r.email, r.name])).toEqual([
      ["ann@mapped.example", "Ann Archer"],
      ["bob@mapped.example", "Bob Baker"],
    ]);

    // The next file with those headers is read the same way at once.
    const { id: second } = await stageImport(ctx, { bytes: file, fileName: "hr-2.csv" });
    expect(await db.importRun.findUniqueOrThrow({ where: { id: second } })).toMatchObject({ status: "REVIEW", rowCount: 2 });
    // Another workspace remembers nothing of it.
    const other = await setup(db, "Unmapped");
    await expect(stageImport(other.ctx, { bytes: file, fileName: "hr.csv" })).rejects.toMatchObject({ userMessage: expect.stringMatching(/no email column/) });

    // Once the import starts, the file is gone and its columns are settled.
    await startImport(ctx, { importId: refused.id });
    expect(await db.importUpload.count({ where: { importRunId: refused.id } })).toBe(0);
    await expect(chooseImportColumns(ctx, { importId: refused.id, columns: { "Work mail": "email" } })).rejects.toMatchObject({ code: "CONFLICT" });
  });
});

describe.each(testProviders)("choices of columns made at once on %s", (provider) => {
  const db = testDb(provider);

  it("remembers every import's choices when several are made at the same moment", async () => {
    const { workspace, ctx } = await setup(db, "Racing choices");
    const headers = ["Mail A", "Mail B", "Mail C", "Mail D"];
    const ids: string[] = [];
    for (const header of headers) {
      await expect(stageImport(ctx, { bytes: utf8(`${header}\nx@race.example\n`), fileName: `${header}.csv` })).rejects.toMatchObject({ code: "BAD_INPUT" });
      ids.push((await db.importRun.findFirstOrThrow({ where: { workspaceId: workspace.id, fileName: `${header}.csv` } })).id);
    }
    await Promise.all(ids.map((importId, i) => chooseImportColumns(ctx, { importId, columns: { [headers[i]]: "email" } })));
    const remembered = JSON.parse((await db.workspace.findUniqueOrThrow({ where: { id: workspace.id } })).importColumnChoices) as Record<string, string>;
    expect(remembered).toEqual({ maila: "email", mailb: "email", mailc: "email", maild: "email" });
  });
});

/**
 * The worker process, on a database of its own per engine: it takes every
 * waiting import it finds, so it must not run on the database other test
 * files share.
 */
describe.each(testProviders)("the console beside the worker process on %s", (provider) => {
  let db: Db;
  let url: string;
  let drop: () => unknown;
  beforeAll(async () => {
    const made = provider === "sqlite" ? createSqliteDatabase("roster-worker") : await createPostgresDatabase("roster_worker");
    ({ url, drop } = made);
    await prepareDatabase(url);
    db = createDb(parseDatabaseUrl(url));
  });
  afterAll(async () => {
    await db.$disconnect();
    await drop();
  });

  it("answers requests while the worker process is creating an import's accounts", async () => {
    const { workspace, admin, ctx } = await setup(db, "Busy");
    // The real worker process (as `npm start` runs it), on this database, with its own connection.
    const worker = startWorkerProcess(url);
    try {
      const rows = 30_000;
      const { id } = await receiveImportUpload(ctx, { body: streamOf(csvOf(rows, "busy.example")), fileName: "busy.csv" });
      await until("the check", () => db.importRun.findUniqueOrThrow({ where: { id } }), (r) => r.status === "REVIEW");
      await startImport(ctx, { importId: id });
      // The create phase has begun: some accounts are written, not all.
      await until("the first batch", () => db.importRun.findUniqueOrThrow({ where: { id } }), (r) => r.created > 0);

      // The console's own work, while that goes on: a users-list page and a sign-in (which writes a session).
      const page = await listUsers(db, workspace.id, userListQuerySchema.parse({}));
      expect(page.rows.length).toBeGreaterThan(0);
      const signIn = await signInWithPassword(db, { email: admin.email, password: admin.password, address: "192.0.2.10" });
      expect(signIn).toMatchObject({ ok: true });

      // Both were answered before the import was done: they did not wait for it.
      const during = await db.importRun.findUniqueOrThrow({ where: { id } });
      expect(during.status).toBe("RUNNING");
      expect(during.created).toBeLessThan(rows);

      const done = await until("the import", () => db.importRun.findUniqueOrThrow({ where: { id } }), (r) => r.status === "DONE", 120_000);
      expect(done.created).toBe(rows);
      expect(await db.user.count({ where: { workspaceId: workspace.id, source: "CSV" } })).toBe(rows);
    } finally {
      await stopProcess(worker);
    }
  }, 180_000);
});

function startWorkerProcess(databaseUrl: string): ChildProcess {
  return startProcess("worker.ts", { env: { ...process.env, DATABASE_URL: databaseUrl, ROSTER_OUTBOX_WORKER: "off", NODE_ENV: "production" }, stdio: ["ignore", "ignore", "inherit"] });
}

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
  });
}
