import { describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { importRowsExpired } from "@/lib/imports/delete-old-import-rows";
import { errorReportLines } from "@/lib/imports/error-report";
import { inviteImported } from "@/lib/imports/invite-imported";
import { countCategories, countUpdates, getImportRun, listImportRows, newGroupNames } from "@/lib/imports/read-import";
import { cancelImport, fixImportRow, setExistingMode, setRowExcluded } from "@/lib/imports/review-import";
import { processImport, processImportBatch, startImport } from "@/lib/imports/run-import";
import { runWaitingImports } from "@/lib/imports/worker";
import { stageImport } from "@/lib/imports/stage-import";
import { parseCsvText } from "@/lib/csv/parse";
import { exportUserLines } from "@/lib/users/export-users";
import { userListQuerySchema } from "@/lib/users/schema";
import { consoleContextFor, createLicense, createUser, createWorkspace } from "../factories";
import { testDb, testProviders } from "../support/db";
import { linkToken, renderQueued } from "../support/mail";

const baseUrl = "https://roster.example";
const utf8 = (text: string) => new TextEncoder().encode(text);
const collect = async (lines: AsyncGenerator<string>) => {
  let text = "";
  for await (const piece of lines) text += piece;
  return text;
};

async function setup(db: Db) {
  const made = await createWorkspace(db, { name: "Globex" });
  const ctx = await consoleContextFor(db, made.admin.id);
  return { ...made, ctx };
}

const MESSY = [
  "E-mail;Full name;Phone;Department;Role;Notes",
  "ann@globex.example;Ann Archer;+44 20 7946 0001;Sales;;likes CSV",
  "bob@globex.example;Bob Baker;;Sales;User;",
  "ANN@globex.example;Ann again;;;;duplicate",
  "not-an-address;Nobody;;;;",
  "existing@globex.example;Eve Existing;;;;",
  "carl@globex.example;Carl;;Field Ops;Overlord;",
  "",
  "\"dana@globex.example\";\"Dana; the Second\";\"(555) 010-0002\";\"Sales; Field Ops\";;",
].join("\r\n");

describe.each(testProviders)("CSV import on %s", (provider) => {
  const db = testDb(provider);

  it("checks every row on upload and writes no user until the admin creates them", async () => {
    const { workspace, ctx, roles } = await setup(db);
    await createUser(db, workspace.id, { roleId: roles.user, email: "existing@globex.example", displayName: "Eve Existing" });
    const { id, rowCount } = await stageImport(ctx, { bytes: utf8(MESSY), fileName: "people.csv" });
    expect(rowCount).toBe(7);

    const run = (await getImportRun(db, workspace.id, id))!;
    expect(run).toMatchObject({ status: "REVIEW", delimiter: "semicolon", encoding: "utf-8", fileName: "people.csv" });
    expect(JSON.parse(run.ignoredColumns)).toEqual(["Notes"]);
    expect(await countCategories(db, id)).toEqual({ attention: 3, create: 3, existing: 1, excluded: 0 });
    const attention = await listImportRows(db, id, "attention", { number: 1, size: 50 });
    // Row numbers are the spreadsheet's: the header is row 1, the blank line is row 8.
    expect(attention.map((r) => [r.rowNumber, r.issues.map((i) => i.message)])).toEqual([
      [4, ["Duplicate in the file: same address as row 2"]],
      [5, ["Invalid email: Not an email address (no @)"]],
      [7, ['Unknown role "Overlord": use Administrator or User']],
    ]);
    expect((await listImportRows(db, id, "create", { number: 1, size: 50 })).map((r) => r.rowNumber)).toEqual([2, 3, 9]);
    expect(await newGroupNames(db, workspace.id, id)).toEqual(["Field Ops", "Sales"]);
    expect(await db.user.count({ where: { workspaceId: workspace.id } })).toBe(2);
  });

  it("takes fixes and exclusions on the review step, rechecking duplicates both ways", async () => {
    const { workspace, ctx } = await setup(db);
    const { id } = await stageImport(ctx, { bytes: utf8(MESSY), fileName: "people.csv" });
    const row = (n: number) => listImportRows(db, id, "attention", { number: 1, size: 50 }).then((rows) => rows.find((r) => r.rowNumber === n));
    const fix = (rowNumber: number, values: Partial<Record<string, string>>) =>
      fixImportRow(ctx, { importId: id, rowNumber, email: "", name: "", phone: "", groups: "", role: "", exchangeDomain: "", exchangeUsername: "", ...values });

    expect((await fix(5, { email: "nobody@globex.example", name: "Nobody" })).issues).toEqual([]);
    expect((await fix(7, { email: "carl@globex.example", role: "user" })).issues).toEqual([]);
    // Giving row 5 Bob's address makes it the duplicate (row 3 came first).
    expect((await fix(5, { email: "BOB@globex.example" })).issues).toEqual([{ field: "email", message: "Duplicate in the file: same address as row 3" }]);
    // Leaving out row 2 makes row 4 (the same address) the one that counts.
    expect((await row(4))?.issues).toHaveLength(1);
    await setRowExcluded(ctx, { importId: id, rowNumber: 2, excluded: true });
    expect(await row(4)).toBeUndefined();
    expect(await countCategories(db, id)).toEqual({ attention: 1, create: 5, existing: 0, excluded: 1 });

    await cancelImport(ctx, { importId: id });
    expect((await getImportRun(db, workspace.id, id))?.status).toBe("CANCELLED");
    await expect(fix(5, { email: "late@globex.example" })).rejects.toMatchObject({ code: "CONFLICT", userMessage: expect.stringMatching(/cancelled/) });
    await expect(startImport(ctx, { importId: id })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("creates the valid rows with their groups, skips existing users, and reports the rest with reasons", async () => {
    const { workspace, ctx, admin, roles } = await setup(db);
    const eve = await createUser(db, workspace.id, { roleId: roles.user, email: "existing@globex.example", displayName: "Eve Existing" });
    const { id } = await stageImport(ctx, { bytes: utf8(MESSY), fileName: "people.csv" });
    await startImport(ctx, { importId: id });
    await startImport(ctx, { importId: id }); // a second click changes nothing
    await processImport(db, id, { batch: 2 });

    const run = (await getImportRun(db, workspace.id, id))!;
    expect(run).toMatchObject({ status: "DONE", created: 3, updated: 0, skipped: 1, failed: 3, cursor: 9 });
    const users = await db.user.findMany({
      where: { workspaceId: workspace.id, source: "CSV" },
      orderBy: { emailNormalized: "asc" },
      include: { memberships: { include: { group: true } }, role: true },
    });
    expect(users.map((u) => [u.email, u.displayName, u.phone, u.role.name, u.memberships.map((m) => m.group.name).sort(), u.importRunId, u.createdById])).toEqual([
      ["ann@globex.example", "Ann Archer", "+44 20 7946 0001", "User", ["Sales"], id, admin.id],
      ["bob@globex.example", "Bob Baker", "", "User", ["Sales"], id, admin.id],
      ["dana@globex.example", "Dana; the Second", "(555) 010-0002", "User", ["Field Ops", "Sales"], id, admin.id],
    ]);
    expect(await db.group.count({ where: { workspaceId: workspace.id } })).toBe(2);
    expect(await db.user.findUniqueOrThrow({ where: { id: eve.id } })).toMatchObject({ displayName: "Eve Existing", importRunId: null });

    const report = parseCsvText(await collect(errorReportLines(db, run)));
    expect(report.header).toEqual(["email", "name", "phone", "group", "role", "exchange domain", "exchange username", "row", "reason"]);
    expect(report.rows.map((r) => [r[7], r[8]])).toEqual([
      ["4", "Duplicate in the file: same address as row 2"],
      ["5", "Invalid email: Not an email address (no @)"],
      ["6", "Already a user"],
      ["7", 'Unknown role "Overlord": use Administrator or User'],
    ]);
    expect(await db.auditEvent.count({ where: { workspaceId: workspace.id, action: "users.import" } })).toBe(1);
  });

  it("creates nothing twice when the same file is imported again", async () => {
    const { workspace, ctx } = await setup(db);
    for (const round of [1, 2]) {
      const { id } = await stageImport(ctx, { bytes: utf8(MESSY), fileName: `round-${round}.csv` });
      await startImport(ctx, { importId: id });
      await processImport(db, id);
      const run = (await getImportRun(db, workspace.id, id))!;
      expect([run.created, run.skipped]).toEqual(round === 1 ? [4, 0] : [0, 4]);
    }
    expect(await db.user.count({ where: { workspaceId: workspace.id } })).toBe(5);
  });

  it("updates existing users in update mode, changing only what differs and joining their groups", async () => {
    const { workspace, ctx, roles } = await setup(db);
    const same = await createUser(db, workspace.id, { roleId: roles.user, email: "same@globex.example", displayName: "Sam Same", phone: "123" });
    const moved = await createUser(db, workspace.id, { roleId: roles.user, email: "moved@globex.example", displayName: "Old Name" });
    const grouped = await createUser(db, workspace.id, { roleId: roles.user, email: "grouped@globex.example", displayName: "Gil Grouped" });
    const csv = [
      "email,name,phone,group,role",
      "same@globex.example,Sam Same,123,,",
      "MOVED@globex.example,New Name,,Support,Administrator",
      // Only a group the user is not in: a change too.
      "grouped@globex.example,Gil Grouped,,Field,",
      "new@globex.example,Nina New,,,",
    ].join("\n");
    const { id } = await stageImport(ctx, { bytes: utf8(csv), fileName: "update.csv" });
    expect(await countCategories(db, id)).toMatchObject({ existing: 3, create: 1 });
    await setExistingMode(ctx, { importId: id, mode: "UPDATE" });
    // What the review step says will happen…
    expect(await countUpdates(db, workspace.id, id)).toEqual({ update: 2, unchanged: 1 });
    await startImport(ctx, { importId: id });
    await processImport(db, id);

    // …is what happens.
    expect(await getImportRun(db, workspace.id, id)).toMatchObject({ updated: 2, skipped: 1, created: 1 });
    expect((await db.groupMember.findMany({ where: { userId: grouped.id }, include: { group: true } })).map((m) => m.group.name)).toEqual(["Field"]);
    const before = same;
    const after = await db.user.findUniqueOrThrow({ where: { id: same.id } });
    expect([after.displayName, after.phone]).toEqual([before.displayName, before.phone]);
    const movedAfter = await db.user.findUniqueOrThrow({ where: { id: moved.id }, include: { role: true, memberships: { include: { group: true } } } });
    expect(movedAfter).toMatchObject({ displayName: "New Name", sortName: "new name", twoFactor: "NOT_ACTIVE", role: { key: "admin" } });
    expect(movedAfter.memberships.map((m) => m.group.name)).toEqual(["Support"]);
  });

  it("counts the updates of a file of many existing users (more than one query's worth)", async () => {
    const { workspace, ctx } = await setup(db);
    const lines = ["email,name,group"];
    for (let i = 0; i < 2_500; i++) lines.push(`many${i}@globex.example,Many ${i},Team ${i % 3}`);
    const first = await stageImport(ctx, { bytes: utf8(lines.join("\n")), fileName: "many.csv" });
    await startImport(ctx, { importId: first.id });
    await processImport(db, first.id);
    // The same file again with every tenth name changed.
    const again = lines.map((l, i) => (i > 0 && i % 10 === 0 ? l.replace(/,Many (\d+),/, ",Renamed $1,") : l));
    const { id } = await stageImport(ctx, { bytes: utf8(again.join("\n")), fileName: "many-again.csv" });
    await setExistingMode(ctx, { importId: id, mode: "UPDATE" });
    expect(await countUpdates(db, workspace.id, id)).toEqual({ update: 250, unchanged: 2_250 });
  });

  it("flags rows past the license's user limit on review and does not create them", async () => {
    const { workspace, ctx } = await setup(db);
    await createLicense(db, workspace.id, { seats: 50, userLimit: 3 }); // the admin is one of the three
    const csv = ["email", "a@x.example", "b@x.example", "c@x.example", "d@x.example"].join("\n");
    const { id } = await stageImport(ctx, { bytes: utf8(csv), fileName: "many.csv" });
    const flagged = await listImportRows(db, id, "attention", { number: 1, size: 50 });
    expect(flagged.map((r) => [r.rowNumber, r.overLicense])).toEqual([[4, true], [5, true]]);
    // Leaving out an allowed row lets the next one in.
    await setRowExcluded(ctx, { importId: id, rowNumber: 2, excluded: true });
    expect((await listImportRows(db, id, "attention", { number: 1, size: 50 })).map((r) => r.rowNumber)).toEqual([5]);

    await startImport(ctx, { importId: id });
    await processImport(db, id);
    expect(await getImportRun(db, workspace.id, id)).toMatchObject({ created: 2, failed: 1, skipped: 1 });
    expect(await db.user.count({ where: { workspaceId: workspace.id } })).toBe(3);
    const report = parseCsvText(await collect(errorReportLines(db, (await getImportRun(db, workspace.id, id))!)));
    expect(report.rows.map((r) => [r[0], r[8]])).toEqual([["a@x.example", "Excluded on the review step"], ["d@x.example", "Over the license's user limit"]]);
  });

  it("resumes a run that stopped half-way from where it stopped, even with two processors at once", async () => {
    const { workspace, ctx } = await setup(db);
    const csv = ["email,group", ...Array.from({ length: 25 }, (_, i) => `user${i}@resume.example,Team ${i % 3}`)].join("\n");
    const { id } = await stageImport(ctx, { bytes: utf8(csv), fileName: "resume.csv" });
    await startImport(ctx, { importId: id });
    // One batch commits, then the processor "dies" holding the lease.
    expect(await processImportBatch(db, id, { batch: 10 })).toBe(true);
    expect(await getImportRun(db, workspace.id, id)).toMatchObject({ status: "RUNNING", cursor: 11, created: 10 });
    expect(await runWaitingImports(db, { workspaceId: workspace.id })).toBe(0); // the lease still holds
    await db.importRun.update({ where: { id }, data: { lockedUntil: new Date(Date.now() - 1000) } });

    await Promise.all([runWaitingImports(db, { workspaceId: workspace.id }), processImport(db, id, { batch: 10 })]);
    expect(await getImportRun(db, workspace.id, id)).toMatchObject({ status: "DONE", created: 25, failed: 0, cursor: 26 });
    expect(await db.user.count({ where: { workspaceId: workspace.id, source: "CSV" } })).toBe(25);
    expect(await db.groupMember.count({ where: { workspaceId: workspace.id } })).toBe(25);
    expect(await db.group.count({ where: { workspaceId: workspace.id } })).toBe(3);
  });

  it("invites the users the import created, once, however often it is asked", async () => {
    const { workspace, ctx, roles } = await setup(db);
    await createUser(db, workspace.id, { roleId: roles.user, email: "existing@globex.example" });
    const { id } = await stageImport(ctx, { bytes: utf8("email\nnew1@globex.example\nnew2@globex.example\nexisting@globex.example\n"), fileName: "invite.csv" });
    await expect(inviteImported(ctx, { importId: id }, { baseUrl })).rejects.toMatchObject({ code: "CONFLICT" });
    await startImport(ctx, { importId: id });
    await processImport(db, id);
    const [a, b] = await Promise.all([inviteImported(ctx, { importId: id }, { baseUrl }), inviteImported(ctx, { importId: id }, { baseUrl })]);
    expect([a.invited, b.invited]).toEqual([2, 2]);
    expect(await inviteImported(ctx, { importId: id }, { baseUrl })).toEqual({ invited: 2 });
    const messages = await db.emailMessage.findMany({ where: { workspaceId: workspace.id }, orderBy: { to: "asc" } });
    expect(messages.map((m) => [m.to, m.kind, m.status])).toEqual([
      ["new1@globex.example", "instructions", "QUEUED"],
      ["new2@globex.example", "instructions", "QUEUED"],
    ]);
    expect(linkToken((await renderQueued(db, messages[0].id)).text)).toBeDefined();
  });

  it("refuses files it cannot import with the reason, keeping no row or byte of them", async () => {
    const { workspace, ctx } = await setup(db);
    // Refused as the upload arrives: nothing is kept at all.
    const atUpload: [Uint8Array, RegExp][] = [
      [utf8(""), /empty/],
      [new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), /Excel workbook/],
    ];
    for (const [bytes, message] of atUpload) {
      await expect(stageImport(ctx, { bytes, fileName: "bad.csv" })).rejects.toMatchObject({ code: "BAD_INPUT", userMessage: expect.stringMatching(message) });
    }
    expect(await db.importRun.count({ where: { workspaceId: workspace.id } })).toBe(0);
    // Refused once the worker has read the file: the history says why; no row or chunk stays.
    const atCheck: [Uint8Array, RegExp][] = [
      [utf8("name,phone\nAnn,123\n"), /no email column.*name, phone/],
      [utf8("email\n"), /no users/],
      [new Uint8Array([0x41, 0x00, 0x00, 0x42, 0x00, 0x43]), /not a text file/],
    ];
    for (const [bytes, message] of atCheck) {
      await expect(stageImport(ctx, { bytes, fileName: "bad.csv" })).rejects.toMatchObject({ code: "BAD_INPUT", userMessage: expect.stringMatching(message) });
    }
    const refused = await db.importRun.findMany({ where: { workspaceId: workspace.id }, orderBy: { createdAt: "asc" } });
    expect(refused.map((r) => r.status)).toEqual(["REFUSED", "REFUSED", "REFUSED"]);
    refused.forEach((r, i) => expect(r.refusal).toMatch(atCheck[i][1]));
    expect(await db.importRow.count({ where: { workspaceId: workspace.id } })).toBe(0);
    // Only the file whose columns the admin could still choose is kept (for a day).
    expect(await db.importUpload.findMany({ where: { workspaceId: workspace.id }, select: { importRunId: true } })).toEqual([{ importRunId: refused[0].id }]);
  });

  it("deletes the rows of imports that ended over 30 days ago when a new file comes, keeping their history", async () => {
    const { workspace, ctx } = await setup(db);
    const other = await setup(db);
    const ended = async (c: typeof ctx, daysAgo: number) => {
      const { id } = await stageImport(c, { bytes: utf8("email\nold@x.example\nnot-an-address\n"), fileName: "old.csv" });
      await startImport(c, { importId: id });
      await processImport(db, id);
      await db.importRun.update({ where: { id }, data: { finishedAt: new Date(Date.now() - daysAgo * 86_400_000) } });
      return id;
    };
    const old = await ended(ctx, 31);
    const recent = await ended(ctx, 29);
    const othersOld = await ended(other.ctx, 31);
    expect(importRowsExpired((await getImportRun(db, workspace.id, old))!)).toBe(true);
    expect(importRowsExpired((await getImportRun(db, workspace.id, recent))!)).toBe(false);

    await stageImport(ctx, { bytes: utf8("email\nnew@x.example\n"), fileName: "new.csv" });
    expect(await db.importRow.count({ where: { importRunId: old } })).toBe(0);
    expect(await db.importRow.count({ where: { importRunId: recent } })).toBe(2);
    expect(await db.importRow.count({ where: { importRunId: othersOld } })).toBe(2);
    expect(await getImportRun(db, workspace.id, old)).toMatchObject({ status: "DONE", created: 1, failed: 1 });
  });

  it("keeps imports to their workspace", async () => {
    const mine = await setup(db);
    const other = await setup(db);
    const { id } = await stageImport(mine.ctx, { bytes: utf8("email\na@mine.example\n"), fileName: "mine.csv" });
    expect(await getImportRun(db, other.workspace.id, id)).toBeNull();
    await expect(setRowExcluded(other.ctx, { importId: id, rowNumber: 2, excluded: true })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(startImport(other.ctx, { importId: id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await getImportRun(db, mine.workspace.id, id))?.status).toBe("REVIEW");
  });

  it("round-trips an export: importing it again changes nothing", async () => {
    const { workspace, ctx, roles } = await setup(db);
    for (const [i, phone] of ["+44 20 7946 0958", "=1+2", "", "-5"].entries()) {
      const u = await createUser(db, workspace.id, { roleId: i === 0 ? roles.admin : roles.user, email: `rt${i}@globex.example`, displayName: i === 2 ? "" : `Person, ${i}`, phone: phone.startsWith("=") ? "" : phone });
      if (i % 2 === 0) {
        const group = await db.group.upsert({
          where: { workspaceId_nameNormalized: { workspaceId: workspace.id, nameNormalized: "round trip" } },
          create: { workspaceId: workspace.id, name: "Round Trip", nameNormalized: "round trip" },
          update: {},
        });
        await db.groupMember.create({ data: { groupId: group.id, userId: u.id, workspaceId: workspace.id } });
      }
    }
    const snapshot = async () =>
      db.user.findMany({
        where: { workspaceId: workspace.id },
        orderBy: { emailNormalized: "asc" },
        select: { email: true, displayName: true, phone: true, roleId: true, updatedAt: true, twoFactor: true, memberships: { select: { groupId: true } } },
      });
    const before = await snapshot();
    const exported = await collect(exportUserLines(db, workspace.id, userListQuerySchema.parse({})));
    const { id } = await stageImport(ctx, { bytes: utf8(exported), fileName: "users-export.csv" });
    expect(await countCategories(db, id)).toEqual({ attention: 0, create: 0, existing: 5, excluded: 0 });
    await setExistingMode(ctx, { importId: id, mode: "UPDATE" });
    await startImport(ctx, { importId: id });
    await processImport(db, id);

    expect(await getImportRun(db, workspace.id, id)).toMatchObject({ created: 0, updated: 0, failed: 0, skipped: 5 });
    expect(await snapshot()).toEqual(before);
    expect(await db.group.count({ where: { workspaceId: workspace.id } })).toBe(1);
  });
});
