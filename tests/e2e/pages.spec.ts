import type { Page } from "@playwright/test";
import { plural } from "@/lib/format";
import { createGroups, createLicense, createRole, createUser, createUsers } from "../factories";
import { runServerAction, signInElsewhere } from "./support/actions";
import { e2eDb, expect, test } from "./support/fixtures";
import { shownDate, shownTime } from "./support/times";

const sections = ["Users", "Groups", "Devices", "Licenses", "Reports", "Audit", "Settings"] as const;

function consoleNav(page: Page) {
  return page.getByRole("navigation", { name: "Console" });
}

/** The section's link is marked as the current page, and no other is. */
async function expectCurrentSection(page: Page, current: (typeof sections)[number]) {
  for (const section of sections) {
    const link = consoleNav(page).getByRole("link", { name: section, exact: true });
    if (section === current) await expect(link).toHaveAttribute("aria-current", "page");
    else await expect(link).not.toHaveAttribute("aria-current");
  }
}

/** Follows a link of the left navigation and checks the page's heading and the marked section. */
async function openSection(page: Page, section: (typeof sections)[number]) {
  await consoleNav(page).getByRole("link", { name: section, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/console/${section.toLowerCase()}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(section);
  await expectCurrentSection(page, section);
}

test("pages: every console page loads with its heading and content, and the navigation marks where you are", async ({ adminPage: page, workspace }) => {
  const db = e2eDb();
  const ws = workspace.workspace.id;
  const { userIds, devices } = await createUsers(db, ws, 12, { roleId: workspace.roles.user, withDevices: 1 });
  expect(devices).toBeGreaterThanOrEqual(12);
  await createGroups(db, ws, [{ name: "Field Sales", description: "Road warriors", memberIds: userIds.slice(0, 3) }]);
  await createLicense(db, ws, { product: "Endpoint Security Business", seats: 1250, activationCode: "ABCDE-12345-FGHIJ" });
  const someone = await db.user.findUniqueOrThrow({ where: { id: userIds[0] } });

  await page.reload();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Users");
  await expectCurrentSection(page, "Users");
  await expect(page.getByTestId("user-count")).toHaveText("13 users");
  await expect(page.getByRole("table").locator("tbody tr")).toHaveCount(13);
  await expect(page.getByTestId("workspace-name")).toHaveText(workspace.workspace.name);

  await page.getByRole("table").getByRole("link", { name: someone.displayName }).first().click();
  await expect(page).toHaveURL(/\/console\/users\/\w+$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(someone.displayName);
  await expect(page.getByRole("tab", { name: "User Info", selected: true })).toBeVisible();
  await expect(page.getByRole("tabpanel").getByRole("button", { name: "Save changes" })).toBeVisible();
  await expectCurrentSection(page, "Users");

  await openSection(page, "Groups");
  await expect(page.getByText("1 group", { exact: true })).toBeVisible();
  await expect(page.getByRole("table", { name: "Groups" }).getByRole("row").nth(1).getByRole("cell")).toHaveText(["Field Sales", "3", "—", shownTime(), /^Rename.*Delete/]);

  await openSection(page, "Devices");
  await expect(page.getByText(plural(devices, "enrolled device"), { exact: true })).toBeVisible();
  const deviceTable = page.getByRole("table", { name: "Devices" });
  await expect(deviceTable.locator("tbody tr")).toHaveCount(devices);
  await expect(deviceTable.getByRole("link", { name: someone.displayName }).first()).toBeVisible();

  await openSection(page, "Licenses");
  await expect(page.getByText("1 license", { exact: true })).toBeVisible();
  await expect(page.getByRole("table", { name: "Licenses" }).getByRole("row").nth(1).getByRole("cell")).toHaveText([
    "Endpoint Security Business",
    "ABCDE…",
    "1,250",
    "—",
    shownDate,
    "Active",
  ]);

  await openSection(page, "Reports");
  await expect(page.getByText("No exports yet")).toBeVisible();

  await openSection(page, "Audit");
  await expect(page.getByText(/^\d+ events, newest first$/)).toBeVisible();
  const audit = page.getByRole("table", { name: "Audit events" });
  await expect(audit.getByRole("row").filter({ hasText: "Created workspace" })).toHaveCount(1);
  await expect(audit.getByRole("row").filter({ hasText: "Signed in" }).first()).toContainText(workspace.admin.email);

  await openSection(page, "Settings");
  await expect(page.getByRole("heading", { level: 2, name: "Workspace" })).toBeVisible();
  await expect(page.getByLabel("Company name")).toHaveValue(workspace.workspace.name);
});

test("pages: renaming the workspace in Settings changes the header", async ({ adminPage: page, workspace }) => {
  await page.goto("/console/settings");
  const name = page.getByLabel("Company name");

  await name.fill("   ");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(name).toHaveAccessibleDescription("Enter your company name");
  await expect(page.getByTestId("workspace-name")).toHaveText(workspace.workspace.name);

  await name.fill("Initech Renamed");
  await runServerAction(page, () => page.getByRole("button", { name: "Save", exact: true }).click());
  await expect(page.getByRole("status")).toHaveText("Saved.");
  await expect(page.getByTestId("workspace-name")).toHaveText("Initech Renamed");
  expect((await e2eDb().workspace.findUniqueOrThrow({ where: { id: workspace.workspace.id } })).name).toBe("Initech Renamed");

  // The new name holds on other pages and after a reload, and the rename is audited.
  await consoleNav(page).getByRole("link", { name: "Audit" }).click();
  await expect(page.getByTestId("workspace-name")).toHaveText("Initech Renamed");
  await expect(page.getByRole("row").filter({ hasText: "Renamed workspace" })).toContainText("Initech Renamed");
  await page.reload();
  await expect(page.getByTestId("workspace-name")).toHaveText("Initech Renamed");
});

test("pages: the sign-in page", async ({ page, workspace }) => {
  await page.goto("/sign-in");
  await expect(page).toHaveTitle("Sign in · Roster");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sign in to Roster");
  await expect(page.getByLabel("Email")).toBeFocused();
  await expect(page.getByLabel("Password")).toHaveAttribute("type", "password");
  await expect(page.getByRole("button", { name: "Sign in" })).toBeEnabled();
  // Signed-in administrators are sent on to the console.
  await page.getByLabel("Email").fill(workspace.admin.email);
  await page.getByLabel("Password").fill(workspace.admin.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/console\/users$/);
  await page.goto("/sign-in");
  await expect(page).toHaveURL(/\/console\/users$/);
});

test("pages: keyboard focus reaches the navigation and is visible there", async ({ adminPage: page }) => {
  await page.goto("/console/users");
  const nav = consoleNav(page);
  const focusedNavLink = nav.locator("a:focus");

  // From the top of the page: the logo, then the first section.
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Roster" })).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(nav.getByRole("link", { name: "Users" })).toBeFocused();
  await expect(focusedNavLink).toHaveCount(1);

  // The focus ring shows: :focus-visible matches and draws an outline.
  const ring = await focusedNavLink.evaluate((el) => {
    const style = getComputedStyle(el);
    return { visible: el.matches(":focus-visible"), outline: style.outlineStyle, width: parseFloat(style.outlineWidth) };
  });
  expect(ring.visible).toBe(true);
  expect(ring.outline).not.toBe("none");
  expect(ring.width).toBeGreaterThan(0);

  await page.keyboard.press("Tab");
  await expect(nav.getByRole("link", { name: "Groups" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/console\/groups$/);
  await expectCurrentSection(page, "Groups");
});

test("pages: a role without access to a section sees Not allowed", async ({ browser, baseURL, workspace }) => {
  const db = e2eDb();
  const viewer = await createRole(db, workspace.workspace.id, { name: "Auditor", permissions: ["users.read"] });
  const auditor = await createUser(db, workspace.workspace.id, { roleId: viewer.id, displayName: "Ada Auditor", password: "auditor password 12" });
  const page = await signInElsewhere(browser, baseURL, auditor.email, auditor.password!);
  await page.goto("/console/audit");
  await expect(page).toHaveURL(/\/console\/forbidden$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Not allowed");
  await expect(page.getByText("Your role does not allow this page")).toBeVisible();
  // Read-only: the user list shows no Delete User, and a user's page no Save.
  await page.goto("/console/users");
  await expect(page.getByRole("button", { name: "Delete User" })).toHaveCount(0);
  await page.goto(`/console/users/${workspace.admin.id}`);
  await expect(page.getByLabel("Email", { exact: true })).toBeDisabled();
  await expect(page.getByRole("button", { name: "Save changes" })).toHaveCount(0);
  await page.context().close();
});

test("pages: the account menu closes on Esc (focus back on it) and on a click outside", async ({ adminPage: page }) => {
  const menu = page.getByTestId("account-menu");
  const signOut = page.getByRole("button", { name: "Sign out" });
  await page.getByText("Account", { exact: true }).click();
  await expect(signOut).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(signOut).toBeHidden();
  await expect(menu.locator("summary")).toBeFocused();
  await page.getByText("Account", { exact: true }).click();
  await expect(signOut).toBeVisible();
  await page.locator("main").click({ position: { x: 5, y: 5 } });
  await expect(signOut).toBeHidden();
});

test("pages: a record that does not exist answers 404 inside the console, with a way on", async ({ adminPage: page }) => {
  const response = await page.goto("/console/users/no-such-user");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "This page could not be found" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Console" })).toBeVisible();
  await page.getByRole("link", { name: "Go to users" }).click();
  await expect(page).toHaveURL(/\/console\/users$/);
  const elsewhere = await page.goto("/no-such-page");
  expect(elsewhere?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "This page could not be found" })).toBeVisible();
});
