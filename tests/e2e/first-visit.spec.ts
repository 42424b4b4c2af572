import { expect, test } from "./support/fixtures";

test("setup: the first visit creates the workspace and its first administrator", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/setup$/);
  await expect(page.getByRole("heading", { name: "Create your workspace" })).toBeVisible();

  // Bad input is refused at each field, in the browser and on the server, and nothing is created.
  await page.getByLabel("Email").fill("not-an-address");
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Create workspace" }).click();
  await expect(page.getByText("Enter your company name")).toBeVisible();
  await expect(page.getByText("Enter a valid email address")).toBeVisible();
  await expect(page.getByLabel("Password", { exact: true })).toHaveAccessibleDescription(/Use at least 12 characters/);
  await expect(page).toHaveURL(/\/setup$/);

  await page.getByLabel("Company name").fill("Globex Corporation");
  await page.getByLabel("Your name").fill("Hank Scorpio");
  await page.getByLabel("Email").fill("hank@globex.test");
  await page.getByLabel("Password").fill("volcano-lair-2026");
  await page.getByRole("button", { name: "Create workspace" }).click();

  await expect(page).toHaveURL(/\/console\/users$/);
  await expect(page.getByTestId("workspace-name")).toHaveText("Globex Corporation");
  await expect(page.getByTestId("user-count")).toHaveText("1 user");
  await expect(page.getByRole("link", { name: "Hank Scorpio" })).toBeVisible();

  // Setup is closed once a workspace exists.
  await page.goto("/setup");
  await expect(page).toHaveURL(/\/(sign-in|console\/users)$/);
});
