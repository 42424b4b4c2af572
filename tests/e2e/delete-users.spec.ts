import { createRole, createUser, createUsers } from "../factories";
import { isServerAction, runServerAction, signInElsewhere } from "./support/actions";
import { e2eDb, expect, test } from "./support/fixtures";
import { UsersList } from "./support/users-list";


test("users: deleting two selected users names them and their devices; Cancel keeps them, Delete removes them", async ({ adminPage: page, workspace }) => {
  const db = e2eDb();
  const ws = workspace.workspace.id;
  const ines = await createUser(db, ws, { roleId: workspace.roles.user, displayName: "Ines Ortega", devices: 3 });
  const oskar = await createUser(db, ws, { roleId: workspace.roles.user, displayName: "Oskar Lind" });
  const stays = await createUser(db, ws, { roleId: workspace.roles.user, displayName: "Petra Stay", devices: 1 });

  const list = new UsersList(page);
  await list.goto();
  await expect(list.count).toHaveText("4 users");
  await list.rowCheckbox("Ines Ortega").check();
  await list.rowCheckbox("Oskar Lind").check();
  await expect(page.getByText("2 selected")).toBeVisible();

  await list.deleteButton.click();
  await expect(list.dialog).toBeVisible();
  await expect(list.dialog.getByRole("heading")).toHaveText("Delete 2 users?");
  await expect(list.dialog).toContainText("Ines Ortega, Oskar Lind will be deleted with 3 enrolled devices.");

  // Cancel: nothing happens, and no action is sent.
  let actions = 0;
  page.on("request", (r) => {
    if (isServerAction(r)) actions++;
  });
  await list.dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(list.dialog).toBeHidden();
  // Escape cancels too; focus starts on the dialog's Delete button.
  await list.deleteButton.click();
  await expect(list.dialog.getByRole("button", { name: "Delete", exact: true })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(list.dialog).toBeHidden();
  await expect(list.count).toHaveText("4 users");
  expect(actions).toBe(0);
  expect(await db.user.count({ where: { id: { in: [ines.id, oskar.id] } } })).toBe(2);

  // The selection is still there; confirm this time.
  await list.deleteButton.click();
  await runServerAction(page, () => list.dialog.getByRole("button", { name: "Delete", exact: true }).click());
  await expect(list.dialog).toBeHidden();
  await expect(list.count).toHaveText("2 users");
  await expect(list.row(ines.email)).toHaveCount(0);
  await expect(list.row(oskar.email)).toHaveCount(0);
  await expect(list.row(stays.email)).toBeVisible();
  await expect(list.deleteButton).toBeDisabled();

  expect(await db.user.count({ where: { id: { in: [ines.id, oskar.id] } } })).toBe(0);
  expect(await db.device.count({ where: { userId: { in: [ines.id, oskar.id] } } })).toBe(0);
  expect(await db.device.count({ where: { userId: stays.id } })).toBe(1);

  await page.getByRole("navigation", { name: "Console" }).getByRole("link", { name: "Audit" }).click();
  const deletions = page.getByRole("row").filter({ hasText: "Deleted user" });
  await expect(deletions).toHaveCount(2);
  await expect(deletions.filter({ hasText: ines.email })).toContainText(workspace.admin.email);
  await expect(deletions.filter({ hasText: oskar.email })).toContainText(workspace.admin.email);
});

test("users: Delete User on a user's page returns to the list", async ({ adminPage: page, workspace }) => {
  const db = e2eDb();
  const gone = await createUser(db, workspace.workspace.id, { roleId: workspace.roles.user, displayName: "Gus Gone", devices: 1 });

  await page.goto(`/console/users/${gone.id}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Gus Gone");
  await page.getByRole("button", { name: "Delete User" }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog.getByRole("heading")).toHaveText("Delete user?");
  await expect(dialog).toContainText("Gus Gone will be deleted with 1 enrolled device.");
  await dialog.getByRole("button", { name: "Delete", exact: true }).click();

  await expect(page).toHaveURL(/\/console\/users$/);
  const list = new UsersList(page);
  await expect(list.count).toHaveText("1 user");
  await expect(list.row(gone.email)).toHaveCount(0);
  expect(await db.user.findUnique({ where: { id: gone.id } })).toBeNull();

  // The page of a deleted user is gone too.
  const response = await page.goto(`/console/users/${gone.id}`);
  expect(response?.status()).toBe(404);
});

test("users: administrators cannot delete their own account", async ({ adminPage: page, workspace }) => {
  const db = e2eDb();
  const other = await createUser(db, workspace.workspace.id, { roleId: workspace.roles.user, displayName: "Olga Other" });

  // Their own page offers no Delete User…
  await page.goto(`/console/users/${workspace.admin.id}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Alex Admin");
  await expect(page.getByRole("tab", { name: "User Info" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Delete User" })).toHaveCount(0);

  // …and selecting themselves in the list (with someone else) is refused as a whole.
  const list = new UsersList(page);
  await list.goto();
  await list.rowCheckbox("Alex Admin").check();
  await list.rowCheckbox("Olga Other").check();
  await list.deleteButton.click();
  await runServerAction(page, () => list.dialog.getByRole("button", { name: "Delete", exact: true }).click());
  await expect(list.dialog.getByRole("alert")).toHaveText("You cannot delete your own account. Ask another administrator.");
  await list.dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(list.count).toHaveText("2 users");
  expect(await db.user.count({ where: { id: { in: [workspace.admin.id, other.id] } } })).toBe(2);
});

test("users: the only administrator cannot demote themselves, and only administrators delete administrators", async ({ adminPage: page, workspace, browser, baseURL }) => {
  const db = e2eDb();
  const ws = workspace.workspace.id;

  // The only administrator cannot demote themselves on their User Info tab.
  await page.goto(`/console/users/${workspace.admin.id}`);
  await page.getByLabel("Role").selectOption({ label: "User" });
  await runServerAction(page, () => page.getByRole("button", { name: "Save changes" }).click());
  // Nobody changes their own role (the grant rule), so the only administrator cannot demote themselves.
  await expect(page.getByRole("alert").filter({ hasText: "administrator" })).toHaveText("You cannot change your own role. Ask another administrator.");
  expect((await db.user.findUniqueOrThrow({ where: { id: workspace.admin.id } })).roleId).toBe(workspace.roles.admin);

  // A help desk may delete users but is not an administrator: deleting takes the role away, so it may not delete an administrator at all.
  const helpdeskRole = await createRole(db, ws, { name: "Help desk", permissions: ["users.read", "users.delete"] });
  const helper = await createUser(db, ws, { roleId: helpdeskRole.id, displayName: "Hal Helpdesk", password: "help desk password 1" });
  const helperPage = await signInElsewhere(browser, baseURL, helper.email, helper.password!);
  const list = new UsersList(helperPage);
  await list.rowCheckbox("Alex Admin").check();
  await list.deleteButton.click();
  await runServerAction(helperPage, () => list.dialog.getByRole("button", { name: "Delete", exact: true }).click());
  await expect(list.dialog.getByRole("alert")).toContainText("Only a user who may manage administrators can delete an administrator");
  expect(await db.user.findUnique({ where: { id: workspace.admin.id } })).not.toBeNull();

  // Another administrator may delete the first one: an administrator remains.
  const backup = await createUser(db, ws, { roleId: workspace.roles.admin, displayName: "Bea Backup", password: "backup admin password" });
  const backupPage = await signInElsewhere(browser, baseURL, backup.email, backup.password!);
  const backupList = new UsersList(backupPage);
  await backupList.rowCheckbox("Alex Admin").check();
  await backupList.deleteButton.click();
  await runServerAction(backupPage, () => backupList.dialog.getByRole("button", { name: "Delete", exact: true }).click());
  await expect(backupList.dialog).toBeHidden();
  await expect(backupList.row(workspace.admin.email)).toHaveCount(0);
  expect(await db.user.findUnique({ where: { id: workspace.admin.id } })).toBeNull();
  await backupPage.context().close();
  await helperPage.context().close();
});

test("users: deleting a signed-in user ends their session at once", async ({ adminPage: page, workspace, browser, baseURL }) => {
  const db = e2eDb();
  const second = await createUser(db, workspace.workspace.id, { roleId: workspace.roles.admin, displayName: "Bruno Second", password: "second admin password" });
  const secondPage = await signInElsewhere(browser, baseURL, second.email, second.password!);

  const list = new UsersList(page);
  await list.goto();
  await list.rowCheckbox("Bruno Second").check();
  await list.deleteButton.click();
  await expect(list.dialog).toContainText("Bruno Second will be deleted with 0 enrolled devices.");
  await runServerAction(page, () => list.dialog.getByRole("button", { name: "Delete", exact: true }).click());
  await expect(list.count).toHaveText("1 user");
  expect(await db.session.count({ where: { userId: second.id } })).toBe(0);

  await secondPage.goto("/console/users");
  await expect(secondPage).toHaveURL(/\/sign-in$/);
  await expect(secondPage.getByRole("heading", { name: "Sign in to Roster" })).toBeVisible();
  // The old cookie does not open anything else either (sign-in would return to the page asked for).
  await secondPage.goto(`/console/users/${workspace.admin.id}`);
  await expect(secondPage).toHaveURL(new RegExp(`/sign-in\\?next=%2Fconsole%2Fusers%2F${workspace.admin.id}$`));
  await secondPage.context().close();
});

// The page URL keeps the "after this row" cursor; once that page's rows are gone the list shows the last page.
test("users: deleting every row of a later page still leaves a usable list", async ({ adminPage: page, workspace }) => {
  await createUsers(e2eDb(), workspace.workspace.id, 60, { roleId: workspace.roles.user });
  const list = new UsersList(page);
  await list.goto();
  await list.goToPage("Next", "51–61 of 61");
  await list.selectAll.check();
  // The creator may sort onto this page; they stay.
  if (await list.rowCheckbox("Alex Admin").count()) await list.rowCheckbox("Alex Admin").uncheck();
  await list.deleteButton.click();
  await runServerAction(page, () => list.dialog.getByRole("button", { name: "Delete", exact: true }).click());
  await expect(list.dialog).toBeHidden();
  await expect(list.count).toHaveText("50 users");
  await expect(list.rows.first()).toBeVisible({ timeout: 5_000 });
  await expect(page.getByText("No users yet")).toHaveCount(0);
});

test("users: changes are confirmed: a toast after delete, revoke and create; Send instructions to a selection asks first, naming the count", async ({ adminPage: page, workspace }) => {
  const db = e2eDb();
  const ws = workspace.workspace.id;
  const toasts = page.getByTestId("toasts");
  const tina = await createUser(db, ws, { roleId: workspace.roles.user, displayName: "Tina Toast" });
  const tom = await createUser(db, ws, { roleId: workspace.roles.user, displayName: "Tom Toast" });

  const list = new UsersList(page);
  await list.goto();
  await list.rowCheckbox("Tina Toast").check();
  await list.rowCheckbox("Tom Toast").check();
  await page.getByRole("button", { name: "Send instructions" }).click();
  const ask = page.getByRole("dialog", { name: "Send instructions to 2 users?" });
  await expect(ask).toContainText("Each gets a new email with a new enrollment link.");
  await ask.getByRole("button", { name: "Cancel" }).click();
  expect(await db.emailMessage.count({ where: { userId: { in: [tina.id, tom.id] } } })).toBe(0);
  await page.getByRole("button", { name: "Send instructions" }).click();
  await runServerAction(page, () => ask.getByRole("button", { name: "Send 2 emails" }).click());
  await expect(toasts).toContainText("Instructions queued for 2 users.");
  expect(await db.emailMessage.count({ where: { userId: { in: [tina.id, tom.id] } } })).toBe(2);

  const token = await db.enrollmentToken.findFirstOrThrow({ where: { userId: tina.id }, select: { prefix: true } });
  await page.goto(`/console/users/${tina.id}?tab=tokens`);
  await page.getByRole("button", { name: `Revoke token ${token.prefix}` }).click();
  await runServerAction(page, () => page.getByRole("dialog").getByRole("button", { name: "Revoke" }).click());
  await expect(toasts).toContainText(`Token ${token.prefix}… revoked`);

  await list.goto();
  await list.rowCheckbox("Tina Toast").check();
  await list.rowCheckbox("Tom Toast").check();
  await list.deleteButton.click();
  await runServerAction(page, () => list.dialog.getByRole("button", { name: "Delete", exact: true }).click());
  await expect(toasts).toContainText("Deleted 2 users.");

  await page.goto("/console/users/new");
  await page.getByLabel("Email").fill(`toast-${Date.now()}@corp.example`);
  await page.getByLabel("Send instructions").uncheck();
  await page.getByRole("button", { name: "Create user" }).click();
  await expect(page).toHaveURL(/\/console\/users\/\w+$/);
  // The toast outlives the move to the new user's page.
  await expect(toasts).toContainText("User created.");
});
