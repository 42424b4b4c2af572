import type { Page } from "@playwright/test";
import { expect, formAlert, signIn, test } from "./support/fixtures";

/** Submits the sign-in form and waits for the server's answer (the form resets after it). */
async function trySignIn(page: Page, email: string, password: string) {
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await Promise.all([
    page.waitForResponse((r) => r.request().method() === "POST" && r.url().includes("/sign-in")),
    page.getByRole("button", { name: "Sign in" }).click(),
  ]);
  await expect(page.getByRole("button", { name: "Sign in" })).toBeEnabled();
}

test("auth: wrong passwords and unknown emails get the same answer, then sign-in is rate-limited", async ({ page, workspace }) => {
  await page.goto("/sign-in");
  await trySignIn(page, workspace.admin.email, "wrong password");
  await expect(formAlert(page)).toHaveText("Wrong email or password.");

  await trySignIn(page, "nobody@nowhere.test", "wrong password");
  await expect(formAlert(page)).toHaveText("Wrong email or password.");

  for (let i = 0; i < 4; i++) await trySignIn(page, workspace.admin.email, `still wrong ${i}`);
  await expect(formAlert(page)).toHaveText("Wrong email or password.");

  // Five failures for this address: even the right password is refused for now.
  await trySignIn(page, workspace.admin.email, workspace.admin.password);
  await expect(formAlert(page)).toContainText("Too many failed attempts");
  await expect(page).toHaveURL(/\/sign-in$/);
});

test("auth: signing out ends the session, and the console sends visitors to sign-in", async ({ page, workspace }) => {
  await page.goto("/console/users");
  await expect(page).toHaveURL(/\/sign-in$/);
  await signIn(page, workspace.admin.email, workspace.admin.password);
  await page.getByText("Account", { exact: true }).click();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await page.goto("/console/users");
  await expect(page).toHaveURL(/\/sign-in$/);
});

test("auth: signing in returns to the console page that was asked for, never to another site", async ({ page, workspace }) => {
  await page.goto("/console/devices");
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fconsole%2Fdevices$/);
  await page.getByLabel("Email").fill(workspace.admin.email);
  await page.getByLabel("Password").fill(workspace.admin.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/console\/devices$/);
  await expect(page.getByRole("heading", { level: 1, name: "Devices" })).toBeVisible();

  // Signed in already: the sign-in page goes straight to the page asked for.
  await page.goto("/sign-in?next=%2Fconsole%2Faudit");
  await expect(page).toHaveURL(/\/console\/audit$/);

  // A crafted link to another site lands on the users list instead.
  await page.context().clearCookies();
  for (const next of ["https://evil.example/console", "//evil.example/console"]) {
    await page.goto(`/sign-in?next=${encodeURIComponent(next)}`);
    await page.getByLabel("Email").fill(workspace.admin.email);
    await page.getByLabel("Password").fill(workspace.admin.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/localhost:\d+\/console\/users$/);
    await page.context().clearCookies();
  }
});
