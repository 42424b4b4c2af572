import { describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { deleteOldExports } from "@/lib/exports/delete-old-exports";
import { listExports } from "@/lib/exports/list-exports";
import { readExport } from "@/lib/exports/read-export";
import { recordExport } from "@/lib/exports/record-export";
import { csvDownload } from "@/lib/http/csv-download";
import { parseCsvText } from "@/lib/csv/parse";
import { describeUserListQuery } from "@/lib/users/describe-list-query";
import { exportUserBatches } from "@/lib/users/export-users";
import { userListQuerySchema, type UserListQuery } from "@/lib/users/schema";
import { createUsers, createWorkspace } from "../factories";
import { testDb, testProviders } from "../support/db";

const query = (q: Partial<UserListQuery> = {}): UserListQuery => ({ ...userListQuerySchema.parse({}), ...q });
const DAY = 86_400_000;

async function workspaceWithUsers(db: Db, count: number) {
  const ws = await createWorkspace(db);
  await createUsers(db, ws.workspace.id, count, { roleId: ws.roles.user, seed: 5 });
  const actor = { workspaceId: ws.workspace.id, actorId: ws.admin.id, actorEmail: ws.admin.email };
  return { ...ws, actor };
}

/** Starts a stored users export, as the export route does. */
function startUsersExport(db: Db, w: Awaited<ReturnType<typeof workspaceWithUsers>>, q = query(), batch = 8) {
  return recordExport(db, w.actor, { kind: "users", fileName: "users-2026-11-21.csv", description: "All users · sorted by name" }, exportUserBatches(db, w.workspace.id, q, batch));
}

async function storedText(db: Db, exportId: string) {
  const chunks = await db.exportChunk.findMany({ where: { exportId }, orderBy: { seq: "asc" } });
  return { seqs: chunks.map((c) => c.seq), text: chunks.map((c) => c.content).join("") };
}

async function readAll(lines: AsyncIterable<string>) {
  let text = "";
  for await (const piece of lines) text += piece;
  return text;
}

/** An old (or not so old) stored export with one chunk, written straight to the database. */
async function storedExportAt(db: Db, workspaceId: string, createdAt: Date) {
  return db.export.create({
    data: { workspaceId, kind: "users", fileName: "old.csv", actorEmail: "someone@acme.test", createdAt, completedAt: createdAt, rowCount: 1, chunks: { create: [{ seq: 0, content: "Name\r\nx\r\n" }] } },
  });
}

describe.each(testProviders)("stored exports on %s", (provider) => {
  const db = testDb(provider);

  it("stores each batch as a chunk while it streams; the chunks joined are the streamed bytes, and the row is completed at the end", async () => {
    const w = await workspaceWithUsers(db, 20);
    const stored = await startUsersExport(db, w);

    // Nothing is complete while the download runs; each piece is stored before it is handed on.
    const first = await stored.lines.next();
    expect(first.done).toBe(false);
    const during = await db.export.findUniqueOrThrow({ where: { id: stored.id } });
    expect(during).toMatchObject({ workspaceId: w.workspace.id, kind: "users", fileName: "users-2026-11-21.csv", actorId: w.admin.id, actorEmail: w.admin.email, completedAt: null, rowCount: 0 });
    expect((await storedText(db, stored.id)).text).toBe(first.value);

    const response = csvDownload("users-2026-11-21.csv", stored.lines, "test");
    const rest = Buffer.from(await response.arrayBuffer());
    const streamed = Buffer.concat([Buffer.from(first.value as string, "utf8"), rest]);

    // 21 users (20 + the administrator) in batches of 8: header, 8, 8, 5.
    const { seqs, text } = await storedText(db, stored.id);
    expect(seqs).toEqual([0, 1, 2, 3]);
    expect(Buffer.from(text, "utf8").equals(streamed)).toBe(true);
    expect(text.startsWith("\uFEFF")).toBe(true);
    expect(parseCsvText(text).rows).toHaveLength(21);

    const done = await db.export.findUniqueOrThrow({ where: { id: stored.id } });
    expect(done.rowCount).toBe(21);
    expect(done.completedAt).toBeInstanceOf(Date);

    // Downloading again (two chunks a read) gives the same bytes.
    const again = await readExport(db, w.workspace.id, stored.id, 2);
    expect(again?.fileName).toBe("users-2026-11-21.csv");
    const redownloaded = Buffer.from(await csvDownload(again!.fileName, again!.lines, "test").arrayBuffer());
    expect(redownloaded.equals(streamed)).toBe(true);
  });

  it("counts only the rows the search matched", async () => {
    const w = await workspaceWithUsers(db, 12);
    const q = query({ q: "@corp.example", sort: "email", dir: "desc" });
    const stored = await startUsersExport(db, w, q, 5);
    const text = await readAll(stored.lines);
    expect(parseCsvText(text).rows).toHaveLength(12);
    expect((await db.export.findUniqueOrThrow({ where: { id: stored.id } })).rowCount).toBe(12);
  });

  it("leaves an abandoned export incomplete and not downloadable", async () => {
    const w = await workspaceWithUsers(db, 20);

    // The consumer stops after the header (as for await … break does).
    const returned = await startUsersExport(db, w);
    await returned.lines.next();
    await returned.lines.next();
    await returned.lines.return(undefined);

    // A download cancelled by the client after its first piece.
    const cancelled = await startUsersExport(db, w);
    const reader = csvDownload("x.csv", cancelled.lines, "test").body!.getReader();
    await reader.read();
    await reader.cancel();

    for (const id of [returned.id, cancelled.id]) {
      const row = await db.export.findUniqueOrThrow({ where: { id } });
      expect(row.completedAt).toBeNull();
      expect(await readExport(db, w.workspace.id, id)).toBeNull();
    }
    expect((await storedText(db, returned.id)).seqs).toEqual([0, 1]);
    // The list still shows both, as incomplete.
    const listed = await listExports(db, w.workspace.id, 1);
    expect(listed.rows.map((r) => [r.id, r.completedAt])).toEqual(expect.arrayContaining([[returned.id, null], [cancelled.id, null]]));
  });

  it("does not read or list another workspace's exports", async () => {
    const a = await workspaceWithUsers(db, 3);
    const b = await workspaceWithUsers(db, 3);
    const stored = await startUsersExport(db, a);
    await readAll(stored.lines);

    expect(await readExport(db, a.workspace.id, stored.id)).not.toBeNull();
    expect(await readExport(db, b.workspace.id, stored.id)).toBeNull();
    expect(await readExport(db, a.workspace.id, "no-such-export")).toBeNull();
    expect((await listExports(db, b.workspace.id, 1)).total).toBe(0);
    expect((await listExports(db, a.workspace.id, 1)).rows.map((r) => r.id)).toEqual([stored.id]);
  });

  it("lists exports newest first, a page at a time", async () => {
    const w = await workspaceWithUsers(db, 0);
    const now = Date.now();
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await storedExportAt(db, w.workspace.id, new Date(now - i * 60_000))).id);
    const first = await listExports(db, w.workspace.id, 1, 2);
    const last = await listExports(db, w.workspace.id, 3, 2);
    expect(first).toMatchObject({ total: 5, pages: 3, page: 1 });
    expect(first.rows.map((r) => r.id)).toEqual(ids.slice(0, 2));
    expect(last.rows.map((r) => r.id)).toEqual(ids.slice(4));
  });

  it("deletes only the workspace's exports older than 30 days when a new export starts", async () => {
    const a = await workspaceWithUsers(db, 2);
    const b = await workspaceWithUsers(db, 2);
    const now = Date.now();
    const expired = await storedExportAt(db, a.workspace.id, new Date(now - 31 * DAY));
    const recent = await storedExportAt(db, a.workspace.id, new Date(now - 29 * DAY));
    const othersOld = await storedExportAt(db, b.workspace.id, new Date(now - 40 * DAY));

    const stored = await startUsersExport(db, a);
    const ids = (await db.export.findMany({ where: { id: { in: [expired.id, recent.id, othersOld.id, stored.id] } }, select: { id: true } })).map((r) => r.id);
    expect(ids.sort()).toEqual([recent.id, othersOld.id, stored.id].sort());
    expect(await db.exportChunk.count({ where: { exportId: expired.id } })).toBe(0);
    expect(await db.exportChunk.count({ where: { exportId: recent.id } })).toBe(1);

    // The boundary: exactly 30 days old stays; a moment more goes.
    const edge = await storedExportAt(db, a.workspace.id, new Date(now - 30 * DAY));
    expect(await deleteOldExports(db, a.workspace.id, new Date(now))).toBe(0);
    expect(await deleteOldExports(db, a.workspace.id, new Date(now + 1))).toBe(1);
    expect(await db.export.findUnique({ where: { id: edge.id } })).toBeNull();
  });

  it("describes the search, filters and order in words", async () => {
    const w = await workspaceWithUsers(db, 0);
    expect(await describeUserListQuery(db, w.workspace.id, query())).toBe("All users · sorted by name");
    const other = await createWorkspace(db);
    expect(await describeUserListQuery(db, w.workspace.id, query({ q: "smith", role: w.roles.user, twoFactor: "ACTIVE", devices: "yes", sort: "lastLogin", dir: "desc" }))).toBe(
      'Search "smith" · Role: User · 2FA: Active · Has devices · sorted by last login, descending',
    );
    // Another workspace's role id names nothing here.
    expect(await describeUserListQuery(db, w.workspace.id, query({ role: other.roles.user }))).toBe("Role: (deleted role) · sorted by name");
  });
});
