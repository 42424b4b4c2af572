import type { Request } from "@playwright/test";
import { createUser, createUsers } from "../factories";
import { e2eDb, expect, test } from "./support/fixtures";
import { UsersList } from "./support/users-list";

test("users: the list shows each user's role, and its filters apply as they change, by keyboard too", async ({ adminPage: page, workspace }) => {
  const db = e2eDb();
  await createUsers(db, workspace.workspace.id, 6, { roleId: workspace.roles.user, emailDomain: "filters.example", withDevices: 0 });
  const helper = await createUser(db, workspace.workspace.id, { roleId: workspace.roles.admin, displayName: "Hana Helper", email: "hana@filters.example" });
  const list = new UsersList(page);
  await list.goto();

  // The Role column, after Email.
  await expect(list.count).toHaveText("8 users");
  await expect(list.row(workspace.admin.email).getByRole("cell").nth(3)).toHaveText("Administrator");
  await expect(list.row(helper.email).getByRole("cell").nth(3)).toHaveText("Administrator");
  expect((await list.column("Role").allTextContents()).sort()).toEqual(["Administrator", "Administrator", ...Array(6).fill("User")]);

  // No Apply button: choosing an option applies it, in the URL (replaced, not pushed).
  await expect(page.getByRole("button", { name: "Apply" })).toHaveCount(0);
  const role = page.getByRole("combobox", { name: "Role", exact: true });
  await role.selectOption({ label: "Administrator" });
  await expect(page).toHaveURL(new RegExp(`role=${workspace.roles.admin}`));
  await expect(list.count).toHaveText("2 users match");
  await expect(list.column("Role")).toHaveText(["Administrator", "Administrator"]);

  // By keyboard: focus stays on the select while the list follows it.
  await role.focus();
  await page.keyboard.press("ArrowDown");
  await expect(page).toHaveURL(new RegExp(`role=${workspace.roles.user}`));
  await expect(list.count).toHaveText("6 users match");
  await expect(role).toBeFocused();
  await expect(list.column("Role")).toHaveText(Array(6).fill("User"));
  await page.keyboard.press("Tab");
  await expect(page.getByRole("combobox", { name: "2FA status", exact: true })).toBeFocused();

  // Filters combine.
  await list.filter("Devices", "Has devices");
  await expect(list.count).toHaveText("0 users match");
  await list.filter("Devices", "No devices");
  await expect(list.count).toHaveText("6 users match");
  expect(new URL(page.url()).searchParams.get("devices")).toBe("no");
});

test("users: the search box applies once typing pauses, not on every keystroke", async ({ adminPage: page, workspace }) => {
  await createUsers(e2eDb(), workspace.workspace.id, 5, { roleId: workspace.roles.user, emailDomain: "typing.example" });
  const list = new UsersList(page);
  await list.goto();
  await expect(list.count).toHaveText("6 users");

  // The list's data requests (React Server Component fetches), not prefetches.
  const searches: string[] = [];
  const onRequest = (r: Request) => {
    const url = new URL(r.url());
    if (url.pathname === "/console/users" && r.headers()["rsc"] && !r.headers()["next-router-prefetch"]) searches.push(url.searchParams.get("q") ?? "");
  };
  page.on("request", onRequest);
  const box = page.getByRole("searchbox", { name: "Search" });
  await box.pressSequentially("typing.example", { delay: 40 });
  await expect(page).toHaveURL(/q=typing\.example/);
  await expect(list.count).toHaveText("5 users match");
  await expect(box).toBeFocused();
  await expect(box).toHaveValue("typing.example");
  page.off("request", onRequest);
  // One request for the whole word: nothing was fetched for "t", "ty", …
  expect(searches).toEqual(["typing.example"]);

  // Enter applies at once; clearing the box brings everyone back.
  await box.fill("");
  await expect(list.count).toHaveText("6 users");
  await expect(page).toHaveURL(/\/console\/users$/);
});
