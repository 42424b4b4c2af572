import { plural } from "@/lib/format";
import { shownTime } from "./support/times";
import { sendInstructions } from "@/lib/users/send-instructions";
import { consoleContextFor, createUser, createUsers } from "../factories";
import { e2eDb, expect, test } from "./support/fixtures";
import { emailsInOrder, userColumns, UsersList, type UserColumn } from "./support/users-list";

/** The count line of a filtered list: "1 user matches", "3 users match". */
const countLine = (n: number) => `${plural(n, "user")} ${n === 1 ? "matches" : "match"}`;

type Workspace = { workspace: { id: string }; roles: { admin: string; user: string } };

/** 120 generated users next to the creator (121 in all); a few have 2FA set up, some have devices. */
async function seedUsers({ workspace, roles }: Workspace) {
  const db = e2eDb();
  const { userIds } = await createUsers(db, workspace.id, 120, { roleId: roles.user });
  await db.user.updateMany({ where: { id: { in: userIds.slice(0, 9) } }, data: { twoFactor: "ACTIVE" } });
  await db.user.updateMany({ where: { id: { in: userIds.slice(9, 15) } }, data: { twoFactor: "NOT_CONFIGURED" } });
  return db.user.findMany({ where: { workspaceId: workspace.id }, select: { id: true, email: true, alias: true, displayName: true, phone: true, twoFactor: true } });
}

const sorted = (list: string[]) => [...list].sort();

/** Whether the list's search should find a user, worked out here: a case-insensitive match on name, alias, email or phone (with or without formatting). */
function matches(u: { displayName: string; alias: string; email: string; phone: string }, text: string): boolean {
  return [u.displayName, u.alias, u.email, u.phone, u.phone.replace(/[^\d+]/g, "")].some((s) => s.toLowerCase().includes(text.toLowerCase()));
}

test("users: the creator is listed from the start, with every column", async ({ adminPage: page, workspace }) => {
  const list = new UsersList(page);
  await list.goto();
  await expect(list.count).toHaveText("1 user");
  await expect(page.getByRole("columnheader")).toHaveText([/^$/, /^Name/, /^Email/, /^Role$/, /^Phone/, /^# of devices/, /^2FA status/, /^Last login/]);

  const admin = await e2eDb().user.findUniqueOrThrow({ where: { id: workspace.admin.id } });
  expect(admin.lastLoginAt).not.toBeNull();
  await expect(list.row(workspace.admin.email).getByRole("cell")).toHaveText([
    "",
    "Alex Admin",
    workspace.admin.email,
    "Administrator",
    "",
    "0",
    "Not active",
    shownTime(admin.lastLoginAt!),
  ]);

  // Someone who never signed in.
  const newcomer = await createUser(e2eDb(), workspace.workspace.id, { roleId: workspace.roles.user, displayName: "Nora Newcomer", phone: "+1 555 010 0200", devices: 2 });
  await list.goto();
  await expect(list.count).toHaveText("2 users");
  await expect(list.row(newcomer.email).getByRole("cell")).toHaveText(["", "Nora Newcomer", newcomer.email, "User", "+1 555 010 0200", "2", "Not available", "Not logged in yet"]);
});

test("users: search by name fragment, email or phone narrows the list and the count", async ({ adminPage: page, workspace }) => {
  const users = await seedUsers(workspace);
  const list = new UsersList(page);
  await list.goto();
  await expect(list.count).toHaveText("121 users");

  const matching = (text: string) => users.filter((u) => matches(u, text)).map((u) => u.email);

  async function expectSearch(text: string) {
    const expected = matching(text);
    expect(expected.length, `test data should match "${text}"`).toBeGreaterThan(0);
    expect(expected.length).toBeLessThanOrEqual(50);
    await list.search(text);
    await expect(list.count).toHaveText(countLine(expected.length));
    await expect(list.rows).toHaveCount(expected.length);
    expect(sorted(await list.column("Email").allTextContents())).toEqual(sorted(expected));
    return expected;
  }

  const someone = users.find((u) => u.phone && u.displayName.split(" ")[1].length >= 5 && !/[^a-z ]/i.test(u.displayName))!;
  // A fragment from the middle of a last name, in other letter case.
  const fragment = someone.displayName.split(" ")[1].slice(1, 5).toUpperCase();
  const byName = await expectSearch(fragment);
  expect(byName).toContain(someone.email);

  expect(await expectSearch(someone.email)).toEqual([someone.email]);
  await expect(list.row(someone.email).getByRole("cell").nth(1)).toHaveText(someone.displayName);

  expect(await expectSearch(someone.phone)).toContain(someone.email);
  // The same phone typed without formatting.
  expect(await expectSearch(someone.phone.replace(/[^\d]/g, "").slice(1))).toContain(someone.email);

  // The search survives in the box and Clear brings everyone back.
  await expect(page.getByRole("searchbox", { name: "Search" })).toHaveValue(someone.phone.replace(/[^\d]/g, "").slice(1));
  await page.getByRole("link", { name: "Clear" }).click();
  await expect(list.count).toHaveText("121 users");
});

test("users: filters by role, 2FA status and devices narrow the list and combine", async ({ adminPage: page, workspace }) => {
  const users = await seedUsers(workspace);
  const owners = new Set((await e2eDb().device.findMany({ where: { workspaceId: workspace.workspace.id }, select: { userId: true } })).map((d) => d.userId));
  expect(owners.size).toBeGreaterThan(0);
  const list = new UsersList(page);
  await list.goto();

  await list.filter("Role", "Administrator");
  await expect(list.count).toHaveText("1 user matches");
  await expect(list.column("Email")).toHaveText([workspace.admin.email]);

  await list.filter("Role", "User");
  await expect(list.count).toHaveText("120 users match");
  await expect(list.row(workspace.admin.email)).toHaveCount(0);

  await list.filter("Role", "All");
  await list.filter("2FA status", "Active");
  const active = users.filter((u) => u.twoFactor === "ACTIVE").map((u) => u.email);
  await expect(list.count).toHaveText(countLine(active.length));
  await expect(list.column("2FA status")).toHaveText(active.map(() => "Active"));
  expect(sorted(await list.column("Email").allTextContents())).toEqual(sorted(active));

  // Only the creator has not set 2FA up yet (the generated users who have a state were reset: Not configured).
  await list.filter("2FA status", "Not active");
  await expect(list.count).toHaveText("1 user matches");
  await expect(list.column("Email")).toHaveText([workspace.admin.email]);

  await list.filter("2FA status", "All");
  await list.filter("Devices", "Has devices");
  await expect(list.count).toHaveText(countLine(owners.size));
  for (const cell of await list.column("# of devices").allTextContents()) expect(Number(cell)).toBeGreaterThan(0);
  for (const email of await list.column("Email").allTextContents()) expect(owners.has(users.find((u) => u.email === email)!.id)).toBe(true);

  await list.filter("Devices", "No devices");
  await expect(list.count).toHaveText(countLine(121 - owners.size));
  await expect(list.column("# of devices")).toHaveText(Array(Math.min(50, 121 - owners.size)).fill("0"));

  // Filters combine: users without devices whose role is User, searched by a name.
  await list.filter("Role", "User");
  await expect(page.getByRole("combobox", { name: "Devices", exact: true })).toHaveValue("no");
  await expect(list.count).toHaveText(countLine(120 - owners.size));
  const withoutDevices = users.filter((u) => !owners.has(u.id) && u.id !== workspace.admin.id);
  const lastName = withoutDevices[0].displayName.split(" ")[1];
  await list.search(lastName);
  const expected = withoutDevices.filter((u) => matches(u, lastName)).map((u) => u.email);
  await expect(list.count).toHaveText(countLine(expected.length));
  expect(sorted(await list.column("Email").allTextContents())).toEqual(sorted(expected));
});

test("users: each column sorts both ways, and the rows really are in that order", async ({ adminPage: page, workspace }) => {
  await seedUsers(workspace);
  const list = new UsersList(page);
  await list.goto();
  // Name, ascending, is the default.
  await expect(list.header("Name")).toHaveAttribute("aria-sort", "ascending");
  await expect(list.header("Name")).toContainText("▲");
  await expect(list.column("Email")).toHaveText(await emailsInOrder(workspace.workspace.id, "name", "asc", { take: 50 }));

  for (const column of Object.keys(userColumns) as UserColumn[]) {
    const directions = column === "Name" ? (["desc", "asc"] as const) : (["asc", "desc"] as const);
    for (const dir of directions) {
      await list.sortBy(column, dir);
      await expect(list.header(column)).toContainText(dir === "asc" ? "▲" : "▼");
      for (const other of Object.keys(userColumns) as UserColumn[]) {
        if (other !== column) await expect(list.header(other)).not.toHaveAttribute("aria-sort");
      }
      await expect(list.column("Email"), `${column} ${dir}`).toHaveText(await emailsInOrder(workspace.workspace.id, userColumns[column], dir, { take: 50 }));

      // Independent of the database's order: the shown values are monotonic.
      if (column === "# of devices" || column === "2FA status") {
        const cells = await list.column(column).allTextContents();
        const values = column === "# of devices" ? cells.map(Number) : cells;
        const inOrder = [...values].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
        expect(values).toEqual(dir === "asc" ? inOrder : inOrder.reverse());
      }
    }
  }
  await expect(page).toHaveURL(/sort=lastLogin&dir=desc/);
});

test("users: First / Previous / Next / Last walk the pages without repeating or skipping a row", async ({ adminPage: page, workspace }) => {
  await seedUsers(workspace);
  const list = new UsersList(page);
  await list.goto();

  // By name, then by last login (a nullable column: users who never signed in are read as a second segment).
  for (const [column, dir] of [["Name", "asc"], ["Last login", "desc"]] as const) {
    if (column === "Last login") {
      await list.sortBy(column, "asc");
      await list.sortBy(column, "desc");
    }
    const expected = await emailsInOrder(workspace.workspace.id, userColumns[column], dir);
    expect(expected).toHaveLength(121);
    const pages = [expected.slice(0, 50), expected.slice(50, 100), expected.slice(100)];

    await expect(list.range).toHaveText("1–50 of 121");
    await expect(list.disabledPageControl("First")).toBeVisible();
    await expect(list.disabledPageControl("Previous")).toBeVisible();
    const seen: string[] = await list.column("Email").allTextContents();
    expect(seen).toEqual(pages[0]);

    await list.goToPage("Next", "51–100 of 121");
    await expect(list.column("Email")).toHaveText(pages[1]);
    seen.push(...(await list.column("Email").allTextContents()));

    await list.goToPage("Next", "101–121 of 121");
    await expect(list.column("Email")).toHaveText(pages[2]);
    seen.push(...(await list.column("Email").allTextContents()));
    await expect(list.disabledPageControl("Next")).toBeVisible();
    await expect(list.disabledPageControl("Last")).toBeVisible();

    // Every user once, none twice.
    expect(new Set(seen).size).toBe(121);
    expect(sorted(seen)).toEqual(sorted(expected));

    await list.goToPage("Previous", "51–100 of 121");
    await expect(list.column("Email")).toHaveText(pages[1]);
    await list.goToPage("First", "1–50 of 121");
    await expect(list.column("Email")).toHaveText(pages[0]);
    await list.goToPage("Last", "101–121 of 121");
    await expect(list.column("Email")).toHaveText(pages[2]);
    await list.goToPage("Previous", "51–100 of 121");
    await expect(list.column("Email")).toHaveText(pages[1]);
    await list.goToPage("First", "1–50 of 121");
  }

  // Another page size keeps the same order.
  await list.filter("Per page", "25");
  await expect(list.range).toHaveText("1–25 of 121");
  await list.goToPage("Last", "101–121 of 121");
  await expect(list.column("Email")).toHaveText((await emailsInOrder(workspace.workspace.id, "lastLogin", "desc")).slice(100));
});

test("users: under every sort, Next walks all users exactly once, in order", async ({ adminPage: page, workspace }) => {
  await seedUsers(workspace);
  const list = new UsersList(page);
  // Columns with many equal values (empty phones, no devices, one 2FA state) put page breaks inside runs of ties.
  for (const column of ["Email", "Phone", "# of devices", "2FA status"] as const) {
    for (const dir of ["asc", "desc"] as const) {
      const expected = await emailsInOrder(workspace.workspace.id, userColumns[column], dir);
      await list.goto(`?sort=${userColumns[column]}&dir=${dir}`);
      await expect(list.column("Email"), `${column} ${dir}, page 1`).toHaveText(expected.slice(0, 50));
      await list.goToPage("Next", "51–100 of 121");
      await expect(list.column("Email"), `${column} ${dir}, page 2`).toHaveText(expected.slice(50, 100));
      await list.goToPage("Next", "101–121 of 121");
      await expect(list.column("Email"), `${column} ${dir}, page 3`).toHaveText(expected.slice(100));
    }
  }
});

test("users: a search that matches nobody shows the empty state", async ({ adminPage: page }) => {
  const list = new UsersList(page);
  await list.goto();
  await list.search("nobody-by-this-name");
  await expect(list.count).toHaveText("0 users match");
  await expect(page.getByText("No users match", { exact: true })).toBeVisible();
  await expect(page.getByText("Try another search or clear the filters.")).toBeVisible();
  await expect(list.table).toHaveCount(0);
  await expect(list.pagination).toHaveCount(0);

  // LIKE's wildcards are searched for literally, not as "anything".
  for (const wildcard of ["%", "_", "\\"]) {
    await list.search(wildcard);
    await expect(list.count).toHaveText("0 users match");
  }

  await page.getByRole("link", { name: "Clear" }).click();
  await expect(list.count).toHaveText("1 user");
  await expect(list.rows).toHaveCount(1);
});

test("users: select all on this page checks every row; Delete User needs a selection", async ({ adminPage: page, workspace }) => {
  await seedUsers(workspace);
  const list = new UsersList(page);
  await list.goto();
  const boxes = list.rows.getByRole("checkbox");
  await expect(boxes).toHaveCount(50);
  await expect(list.deleteButton).toBeDisabled();

  await boxes.nth(3).check();
  await expect(list.deleteButton).toBeEnabled();
  await expect(page.getByText("1 selected")).toBeVisible();
  await boxes.nth(3).uncheck();
  await expect(list.deleteButton).toBeDisabled();

  await list.selectAll.check();
  await expect(page.getByText("50 selected")).toBeVisible();
  await expect(list.rows.locator('input[type="checkbox"]:checked')).toHaveCount(50);
  await expect(list.deleteButton).toBeEnabled();

  // Unticking one row unticks "select all"; ticking it again restores it.
  await boxes.first().uncheck();
  await expect(list.selectAll).not.toBeChecked();
  await expect(page.getByText("49 selected")).toBeVisible();
  await boxes.first().check();
  await expect(list.selectAll).toBeChecked();

  // The confirmation names the first five and counts the rest, with all their devices.
  const names = await list.column("Name").allTextContents();
  const devices = (await list.column("# of devices").allTextContents()).reduce((n, c) => n + Number(c), 0);
  await list.deleteButton.click();
  await expect(list.dialog.getByRole("heading")).toHaveText("Delete 50 users?");
  await expect(list.dialog).toContainText(`${names.slice(0, 5).join(", ")} and 45 others will be deleted with ${plural(devices, "enrolled device")}.`);
  await list.dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(list.dialog).toBeHidden();

  await list.selectAll.uncheck();
  await expect(list.rows.locator('input[type="checkbox"]:checked')).toHaveCount(0);
  await expect(list.deleteButton).toBeDisabled();

  // The selection belongs to the page: the next page starts with nothing selected.
  await list.selectAll.check();
  await list.goToPage("Next", "51–100 of 121");
  await expect(list.rows.locator('input[type="checkbox"]:checked')).toHaveCount(0);
  await expect(list.deleteButton).toBeDisabled();
});

test("users: who has not enrolled yet — sent instructions, no devices", async ({ adminPage: page, workspace }) => {
  const db = e2eDb();
  const ws = workspace.workspace.id;
  const { userIds } = await createUsers(db, ws, 4, { roleId: workspace.roles.user, withDevices: 0, emailDomain: "enrol.example" });
  const ctx = await consoleContextFor(db, workspace.admin.id);
  await sendInstructions(ctx, { userIds: userIds.slice(0, 3) }, { baseUrl: "http://localhost" });
  await db.user.update({ where: { id: userIds[0] }, data: { deviceCount: 1 } });
  const list = new UsersList(page);
  await list.goto();
  await list.filter("Instructions", "Sent");
  await list.filter("Devices", "No devices");
  await expect(list.count).toHaveText("2 users match");
  // Never sent, no devices: the fourth user, and the administrator.
  await list.filter("Instructions", "Never sent");
  await expect(list.count).toHaveText("2 users match");
  await expect(list.row(workspace.admin.email)).toHaveCount(1);
});
