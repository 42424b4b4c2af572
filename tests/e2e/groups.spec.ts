import { createGroups, createUser, createUsers } from "../factories";
import { e2eDb, expect, test } from "./support/fixtures";
import { UsersList } from "./support/users-list";

test("groups: create a group, add a user through the type-ahead, see them on the group page and the user's Groups tab, remove with the confirmation", async ({ adminPage: page, workspace }) => {
  const ws = workspace.workspace.id;
  const nora = await createUser(e2eDb(), ws, { roleId: workspace.roles.user, displayName: "Nora Quill", email: "nora.quill@corp.example" });
  await createUser(e2eDb(), ws, { roleId: workspace.roles.user, displayName: "Nolan Quince", email: "nolan.quince@corp.example" });

  await page.goto("/console/groups");
  await page.getByRole("button", { name: "Create group" }).click();
  const create = page.getByRole("dialog", { name: "Create group" });
  await create.getByLabel("Group name").fill("Field Sales");
  await create.getByRole("button", { name: "Create group" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Field Sales");
  const group = await e2eDb().group.findFirstOrThrow({ where: { workspaceId: ws, nameNormalized: "field sales" } });
  await expect(page).toHaveURL(`/console/groups/${group.id}`);
  await expect(page.getByRole("heading", { name: "Profiles" })).toBeVisible();

  await page.getByRole("button", { name: "Add users" }).click();
  const dialog = page.getByRole("dialog", { name: "Add users to “Field Sales”" });
  const combo = dialog.getByRole("combobox", { name: "Users" });
  await combo.pressSequentially("quill", { delay: 30 });
  const listbox = dialog.getByRole("listbox", { name: "Users" });
  await expect(listbox.getByRole("option")).toHaveCount(1);
  await expect(combo).toHaveAttribute("aria-expanded", "true");
  await page.screenshot({ path: test.info().outputPath("group-picker.png") });
  await combo.press("Enter");
  await expect(dialog.getByRole("button", { name: "Remove Nora Quill" })).toBeVisible();
  await dialog.getByRole("button", { name: "Add 1 user" }).click();
  await expect(dialog).toBeHidden();

  const members = page.getByRole("table", { name: "Members" });
  await expect(members.getByRole("link", { name: "Nora Quill" })).toBeVisible();
  await expect(page.getByRole("table", { name: "Group history" })).toContainText("Added users to group: 1 user");
  await page.screenshot({ path: test.info().outputPath("group-page.png"), fullPage: true });

  await members.getByRole("link", { name: "Nora Quill" }).click();
  await page.getByRole("tab", { name: "Groups" }).click();
  await expect(page).toHaveURL(`/console/users/${nora.id}?tab=groups`);
  const groups = page.getByRole("table", { name: "The user's groups" });
  await expect(groups.getByRole("row")).toHaveCount(2);
  await expect(groups).toContainText("Field Sales");
  await expect(groups).toContainText("1 user");

  await groups.getByRole("button", { name: "Remove from group Field Sales" }).click();
  const confirm = page.getByRole("dialog", { name: "Remove from group?" });
  await expect(confirm).toContainText("Do you really want to remove this user from user group?");
  await confirm.getByRole("button", { name: "Remove" }).click();
  await expect(page.getByText("Not in any group")).toBeVisible();
  expect(await e2eDb().groupMember.count({ where: { groupId: group.id } })).toBe(0);
});

test("groups: a duplicate name is refused at the field, in any letter case; Add to group from the user's tab", async ({ adminPage: page, workspace }) => {
  const ws = workspace.workspace.id;
  const ivy = await createUser(e2eDb(), ws, { roleId: workspace.roles.user, displayName: "Ivy Stone", email: "ivy.stone@corp.example" });
  await page.goto("/console/groups");
  for (const name of ["Help Desk", "HELP desk"]) {
    await page.getByRole("button", { name: "Create group" }).click();
    const dialog = page.getByRole("dialog", { name: "Create group" });
    await dialog.getByLabel("Group name").fill(name);
    await dialog.getByRole("button", { name: "Create group" }).click();
    if (name === "Help Desk") {
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Help Desk");
      await page.goto("/console/groups");
    } else {
      await expect(dialog.getByLabel("Group name")).toHaveAttribute("aria-invalid", "true");
      await expect(dialog).toContainText("A group named “HELP desk” already exists");
    }
  }
  expect(await e2eDb().group.count({ where: { workspaceId: ws } })).toBe(1);

  await page.goto(`/console/users/${ivy.id}?tab=groups`);
  await page.getByRole("button", { name: "Add to group" }).click();
  const add = page.getByRole("dialog", { name: "Add Ivy Stone to groups" });
  const combo = add.getByRole("combobox", { name: "Groups" });
  await combo.pressSequentially("help", { delay: 30 });
  await add.getByRole("option", { name: /Help Desk/ }).click();
  await add.getByRole("button", { name: "Add to 1 group" }).click();
  await expect(page.getByRole("table", { name: "The user's groups" })).toContainText("Help Desk");
});

test("groups: from the users list, select all users matching a search and add them to a group, the count shown first", async ({ adminPage: page, workspace }) => {
  const ws = workspace.workspace.id;
  await createUsers(e2eDb(), ws, 60, { roleId: workspace.roles.user, emailDomain: "north.example" });
  await createUsers(e2eDb(), ws, 3, { roleId: workspace.roles.user, emailDomain: "south.example", startAt: 100 });
  const { groupIds: [north] } = await createGroups(e2eDb(), ws, [{ name: "Northern Office", memberIds: [] }]);
  const list = new UsersList(page);
  await page.goto("/console/users?q=north.example");
  await expect(list.count).toHaveText("60 users match");
  await list.selectAll.check();
  await page.getByRole("button", { name: "Select all 60 matching" }).click();
  await expect(page.getByText("All 60 matching users selected")).toBeVisible();
  await expect(list.deleteButton).toBeDisabled();
  await page.getByRole("button", { name: "Add to group" }).click();
  const dialog = page.getByRole("dialog", { name: "Add to group" });
  await expect(dialog.getByTestId("bulk-count")).toContainText("60 users");
  await dialog.getByRole("combobox", { name: "Groups" }).pressSequentially("north", { delay: 30 });
  await dialog.getByRole("option", { name: /Northern Office/ }).click();
  await dialog.getByRole("button", { name: "Add 60 users" }).click();
  await expect(dialog).toBeHidden();
  expect(await e2eDb().groupMember.count({ where: { groupId: north } })).toBe(60);
});
