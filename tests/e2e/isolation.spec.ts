import { stageImport } from "@/lib/imports/stage-import";
import { sendInstructions } from "@/lib/users/send-instructions";
import { consoleContextFor, createUser, createUsers, createWorkspace } from "../factories";
import { runServerAction, tamperWithServerActions } from "./support/actions";
import { e2eDb, expect, test } from "./support/fixtures";
import { UsersList } from "./support/users-list";

/**
 * Workspace B, next to the fixture's workspace A, with a user whose name and
 * email appear nowhere in A.
 */
async function otherWorkspace() {
  const db = e2eDb();
  const b = await createWorkspace(db, { name: "Bravo Industries" });
  const victim = await createUser(db, b.workspace.id, { roleId: b.roles.user, displayName: "Bettina Bravo", email: "bettina@bravo.example", phone: "+49 30 123456", devices: 1 });
  await createUsers(db, b.workspace.id, 5, { roleId: b.roles.user, emailDomain: "bravo.example" });
  const snapshot = () => db.user.findUnique({ where: { id: victim.id }, select: { email: true, displayName: true, phone: true, roleId: true, deviceCount: true } });
  return { ...b, victim, snapshot, before: await snapshot() };
}

test("isolation: another workspace's user page is not found and shows none of its data", async ({ adminPage: page }) => {
  const b = await otherWorkspace();
  const response = await page.goto(`/console/users/${b.victim.id}`);
  expect(response?.status()).toBe(404);
  await expect(page.getByText(/could not be found/i)).toBeVisible();
  for (const secret of ["Bettina", "bettina@bravo.example", "+49 30 123456", "Bravo Industries"]) {
    await expect(page.locator("body")).not.toContainText(secret);
    expect(await response!.text()).not.toContain(secret);
  }
});

test("isolation: Delete User with another workspace's user id slipped into the request deletes nothing", async ({ adminPage: page, workspace }) => {
  const b = await otherWorkspace();
  const decoy = await createUser(e2eDb(), workspace.workspace.id, { roleId: workspace.roles.user, displayName: "Dora Decoy" });
  const list = new UsersList(page);
  await list.goto();
  await list.rowCheckbox("Dora Decoy").check();
  await list.deleteButton.click();

  const tampering = await tamperWithServerActions(page, decoy.id, b.victim.id);
  await runServerAction(page, () => list.dialog.getByRole("button", { name: "Delete", exact: true }).click());
  expect(tampering.rewritten()).toBe(1);
  await expect(list.dialog.getByRole("alert")).toHaveText("Those users no longer exist.");

  expect(await b.snapshot()).toEqual(b.before);
  expect(await e2eDb().device.count({ where: { userId: b.victim.id } })).toBe(1);
  expect(await e2eDb().user.count({ where: { workspaceId: b.workspace.id } })).toBe(7);
  expect(await e2eDb().auditEvent.count({ where: { action: "user.delete", targetId: b.victim.id } })).toBe(0);
  // The decoy was never asked for, so it stays too.
  expect(await e2eDb().user.findUnique({ where: { id: decoy.id } })).not.toBeNull();
});

test("isolation: User Info cannot save onto another workspace's user or give a role of another workspace", async ({ adminPage: page, workspace }) => {
  const b = await otherWorkspace();
  const db = e2eDb();
  const mine = await createUser(db, workspace.workspace.id, { roleId: workspace.roles.user, displayName: "Mia Mine", email: "mia@corp.example" });
  const mineBefore = await db.user.findUniqueOrThrow({ where: { id: mine.id } });
  await page.goto(`/console/users/${mine.id}`);

  // userId → B's user.
  await page.getByLabel("Name", { exact: true }).fill("Hijacked Name");
  await page.getByLabel("Email", { exact: true }).fill("attacker@evil.example");
  const toVictim = await tamperWithServerActions(page, mine.id, b.victim.id);
  await runServerAction(page, () => page.getByRole("button", { name: "Save changes" }).click());
  expect(toVictim.rewritten()).toBe(1);
  await expect(page.getByRole("alert").filter({ hasText: "no longer exists" })).toHaveText("This user no longer exists.");
  expect(await b.snapshot()).toEqual(b.before);
  expect(await db.user.findUniqueOrThrow({ where: { id: mine.id } })).toEqual(mineBefore);
  await page.unrouteAll({ behavior: "wait" });

  // roleId → B's Administrator role, on a user of A.
  await page.reload();
  await page.getByLabel("Name", { exact: true }).fill("Mia Promoted");
  const toForeignRole = await tamperWithServerActions(page, workspace.roles.user, b.roles.admin);
  await runServerAction(page, () => page.getByRole("button", { name: "Save changes" }).click());
  expect(toForeignRole.rewritten()).toBe(1);
  await expect(page.getByText("Choose a role of this workspace")).toBeVisible();
  expect(await db.user.findUniqueOrThrow({ where: { id: mine.id } })).toEqual(mineBefore);
  expect(await db.user.count({ where: { roleId: b.roles.admin } })).toBe(1);
  expect(await db.auditEvent.count({ where: { workspaceId: { in: [workspace.workspace.id, b.workspace.id] }, action: "user.update" } })).toBe(0);
});

test("isolation: the users list filtered by another workspace's role, or searched for its users, shows nothing of it", async ({ adminPage: page }) => {
  const b = await otherWorkspace();
  const list = new UsersList(page);
  for (const role of [b.roles.user, b.roles.admin]) {
    await list.goto(`?role=${role}`);
    await expect(list.count).toHaveText("0 users match");
    await expect(page.getByText("No users match", { exact: true })).toBeVisible();
  }
  await list.goto("?q=bravo.example");
  await expect(list.count).toHaveText("0 users match");
  await expect(page.locator("main")).not.toContainText("Bettina");

  // The other lists and the audit log hold nothing of B either.
  for (const path of ["/console/devices", "/console/audit", "/console/groups"]) {
    await page.goto(path);
    await expect(page.locator("main")).not.toContainText(/bravo/i);
  }
});

test("isolation: another workspace's imports, exports, messages and tokens are not found, and actions given their ids change nothing", async ({ adminPage: page, workspace }) => {
  const b = await otherWorkspace();
  const db = e2eDb();
  const ctxB = await consoleContextFor(db, b.admin.id);
  const ctxA = await consoleContextFor(db, workspace.admin.id);
  const csv = new TextEncoder().encode("email,name\nbruno@bravo.example,Bruno Bravo\n");
  const importB = await stageImport(ctxB, { bytes: csv, fileName: "bravo-staff.csv" });
  const importA = await stageImport(ctxA, { bytes: new TextEncoder().encode("email\nalma@corp.example\n"), fileName: "alpha.csv" });
  await sendInstructions(ctxB, { userIds: [b.victim.id] }, { baseUrl: "http://localhost" });
  const messageB = await db.emailMessage.findFirstOrThrow({ where: { workspaceId: b.workspace.id, userId: b.victim.id }, select: { id: true } });
  const tokenB = await db.enrollmentToken.findFirstOrThrow({ where: { workspaceId: b.workspace.id, userId: b.victim.id }, select: { id: true } });
  const exportB = await db.export.create({
    data: { workspaceId: b.workspace.id, kind: "users", fileName: "bravo.csv", actorEmail: b.admin.email, rowCount: 1, completedAt: new Date(), chunks: { create: [{ seq: 0, content: "Bettina Bravo\r\n" }] } },
  });

  // Pages and downloads by another workspace's ids: not found, nothing of it shown.
  for (const path of [`/console/users/import/${importB.id}`, `/console/mailbox/${messageB.id}`, `/console/users/${b.victim.id}?tab=tokens`]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    const html = await response!.text();
    for (const secret of ["bravo", "Bettina", "Bruno"]) expect(html.toLowerCase(), path).not.toContain(secret.toLowerCase());
  }
  for (const path of [`/api/users/imports/${importB.id}/errors`, `/api/exports/${exportB.id}`]) {
    const response = await page.request.get(path);
    expect(response.status(), path).toBe(404);
    expect((await response.text()).toLowerCase()).not.toContain("bravo");
  }
  await page.goto("/console/mailbox");
  await expect(page.locator("main")).not.toContainText(/bravo/i);
  await page.goto("/console/reports");
  await expect(page.locator("main")).not.toContainText(/bravo/i);

  // Revoke with B's token id in place of A's own: B's link keeps working.
  const mine = await createUser(db, workspace.workspace.id, { roleId: workspace.roles.user, displayName: "Tomas Token" });
  await sendInstructions(ctxA, { userIds: [mine.id] }, { baseUrl: "http://localhost" });
  const myToken = await db.enrollmentToken.findFirstOrThrow({ where: { userId: mine.id }, select: { id: true, prefix: true } });
  await page.goto(`/console/users/${mine.id}?tab=tokens`);
  await page.getByRole("button", { name: `Revoke token ${myToken.prefix}` }).click();
  const toB = await tamperWithServerActions(page, myToken.id, tokenB.id);
  await runServerAction(page, () => page.getByRole("dialog").getByRole("button", { name: "Revoke" }).click());
  expect(toB.rewritten()).toBe(1);
  expect((await db.enrollmentToken.findUniqueOrThrow({ where: { id: tokenB.id } })).revokedAt).toBeNull();
  await page.unrouteAll({ behavior: "wait" });

  // Cancel with B's import id in place of A's own: B's import stays in review with its rows.
  await page.goto(`/console/users/import/${importA.id}`);
  await page.getByRole("button", { name: "Cancel import" }).click();
  const toImportB = await tamperWithServerActions(page, importA.id, importB.id);
  await runServerAction(page, () => page.getByRole("dialog").getByRole("button", { name: "Cancel import" }).click());
  expect(toImportB.rewritten()).toBe(1);
  expect((await db.importRun.findUniqueOrThrow({ where: { id: importB.id } })).status).toBe("REVIEW");
  expect(await db.importRow.count({ where: { importRunId: importB.id } })).toBe(1);
  expect(await db.auditEvent.count({ where: { workspaceId: b.workspace.id, action: { startsWith: "users.import.cancel" } } })).toBe(0);
});
