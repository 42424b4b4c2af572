import AxeBuilder from "@axe-core/playwright";
import type { Browser, Page, TestInfo } from "@playwright/test";
import { Secret, TOTP } from "otpauth";
import { enableTwoFactor } from "@/lib/auth/enable-two-factor";
import { startTwoFactorSetup } from "@/lib/auth/start-two-factor-setup";
import { consoleContextFor, createUser, defaultPassword } from "../factories";
import { e2eDb, expect, formAlert, test } from "./support/fixtures";

/**
 * The code an authenticator app holding `key` shows `stepsAhead` 30-second
 * steps from now. The console accepts the previous, current and next step,
 * so a test that needs a step not used yet takes the next one instead of
 * waiting half a minute.
 */
function codeFor(key: string, stepsAhead = 0): string {
  return TOTP.generate({ secret: Secret.fromBase32(key.replace(/\s+/g, "")), timestamp: Date.now() + stepsAhead * 30_000 });
}

/** The password step of the sign-in page; a 2FA user is then asked for a code. */
async function submitPassword(page: Page, email: string, password: string) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

async function submitCode(page: Page, code: string) {
  await page.getByLabel("Code", { exact: true }).fill(code);
  await page.getByRole("button", { name: "Verify" }).click();
}

async function signOut(page: Page) {
  await page.getByText("Account", { exact: true }).click();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
}

/** A full-page screenshot kept with the test's results, to look at the pages. */
async function shoot(page: Page, testInfo: TestInfo, name: string) {
  const file = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  await testInfo.attach(name, { path: file, contentType: "image/png" });
}

async function expectNoSeriousAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);
}

/** Sets 2FA up on the page open at its first step; returns the key read from the page and the recovery codes shown. */
async function setUpOnPage(page: Page): Promise<{ key: string; recoveryCodes: string[] }> {
  await expect(page.getByText("1. Install an authenticator app")).toBeVisible();
  await expect(page.getByRole("img", { name: "QR code for your authenticator app" })).toBeVisible();
  const key = (await page.getByTestId("totp-key").innerText()).replace(/\s+/g, "");
  expect(key).toMatch(/^[A-Z2-7]{32}$/);
  await page.getByLabel("6-digit code").fill("000000" === codeFor(key) ? "111111" : "000000");
  await page.getByRole("button", { name: "Turn on 2FA" }).click();
  await expect(page.getByText(/That code does not match/).first()).toBeVisible();
  await page.getByLabel("6-digit code").fill(codeFor(key));
  await page.getByRole("button", { name: "Turn on 2FA" }).click();
  const list = page.getByTestId("recovery-codes");
  await expect(list.getByRole("listitem")).toHaveCount(10);
  const recoveryCodes = (await list.getByRole("listitem").allInnerTexts()).map((c) => c.trim());
  for (const c of recoveryCodes) expect(c).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}$/);
  return { key, recoveryCodes };
}

async function newPage(browser: Browser, baseURL: string | undefined) {
  const context = await browser.newContext({ baseURL });
  return context.newPage();
}

test("two-factor: enable it from the manual key, sign in with a code, a reused code is refused, a recovery code works once", async ({ adminPage: page, workspace }, testInfo) => {
  const { admin } = workspace;
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.goto("/console/settings");
  await expect(page.getByTestId("own-two-factor")).toContainText("Not active");
  await page.getByRole("link", { name: "Set up 2FA" }).click();
  await expect(page).toHaveURL(/\/console\/settings\/two-factor$/);
  await expectNoSeriousAxeViolations(page);
  await shoot(page, testInfo, "settings-two-factor-setup");
  const { key, recoveryCodes } = await setUpOnPage(page);
  await shoot(page, testInfo, "settings-two-factor-recovery-codes");

  // Copy and Download hold the same ten codes.
  await page.getByRole("button", { name: "Copy" }).click();
  await expect(page.getByText("Copied.")).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toContain(recoveryCodes.join("\n"));
  const download = page.getByRole("link", { name: "Download (.txt)" });
  await expect(download).toHaveAttribute("download", "roster-recovery-codes.txt");
  expect(decodeURIComponent((await download.getAttribute("href")) ?? "")).toContain(recoveryCodes.join("\n"));
  await expectNoSeriousAxeViolations(page);

  await page.getByRole("link", { name: "Back to Settings" }).click();
  await expect(page.getByTestId("own-two-factor")).toContainText("Active");
  const audit = await e2eDb().auditEvent.count({ where: { workspaceId: workspace.workspace.id, action: "auth.2fa_enable" } });
  expect(audit).toBe(1);

  // Signing in now takes a code after the password; the step after the one used to enable is not used yet.
  await signOut(page);
  await submitPassword(page, admin.email, admin.password);
  await expect(page.getByRole("heading", { name: "Two-factor authentication" })).toBeVisible();
  await expect(page).toHaveURL(/\/sign-in$/);
  await expectNoSeriousAxeViolations(page);
  await shoot(page, testInfo, "sign-in-code-step");
  const code = codeFor(key, 1);
  await submitCode(page, code);
  await expect(page).toHaveURL(/\/console\/users$/);

  // The same code again: refused, with nothing said about the account.
  await signOut(page);
  await submitPassword(page, admin.email, admin.password);
  await submitCode(page, code);
  await expect(formAlert(page)).toContainText("That code is not right, or it was used already.");
  await expect(page).toHaveURL(/\/sign-in$/);

  // A recovery code, on the same code step: in; once.
  await submitCode(page, recoveryCodes[0]);
  await expect(page).toHaveURL(/\/console\/users$/);
  await signOut(page);
  await submitPassword(page, admin.email, admin.password);
  await submitCode(page, recoveryCodes[0]);
  await expect(formAlert(page)).toContainText("That code is not right, or it was used already.");
  await submitCode(page, recoveryCodes[1]);
  await expect(page).toHaveURL(/\/console\/users$/);
  await page.goto("/console/settings/two-factor");
  await expect(page.getByTestId("two-factor-status")).toContainText("Recovery codes left: 8 of 10");
  await expectNoSeriousAxeViolations(page);
  await shoot(page, testInfo, "settings-two-factor-active");
  // Ten new codes, after the password; the old ones stop working.
  await page.locator("#new-codes-password").fill(admin.password);
  await page.getByRole("button", { name: "Make new recovery codes" }).click();
  await expect(page.getByTestId("recovery-codes").getByRole("listitem")).toHaveCount(10);
  const fresh = (await page.getByTestId("recovery-codes").getByRole("listitem").allInnerTexts()).map((c) => c.trim());
  expect(fresh).not.toContain(recoveryCodes[2]);
  await page.reload();
  await expect(page.getByTestId("two-factor-status")).toContainText("Recovery codes left: 10 of 10");
  await page.goto("/console/settings");
  await shoot(page, testInfo, "settings-security");
});

test("two-factor: an administrator resets another administrator's 2FA; the list says Not configured and their next sign-in sets it up again", async ({ adminPage: page, workspace, browser, baseURL }, testInfo) => {
  const db = e2eDb();
  const other = await createUser(db, workspace.workspace.id, { roleId: workspace.roles.admin, displayName: "Robin Second", password: defaultPassword });
  const otherCtx = await consoleContextFor(db, other.id);
  const setup = await startTwoFactorSetup(otherCtx);
  await enableTwoFactor(otherCtx, { code: codeFor(setup.key) });

  await page.goto(`/console/users?q=${encodeURIComponent(other.email)}`);
  const row = page.getByRole("row", { name: /Robin Second/ });
  await expect(row).toContainText("Active");
  await row.getByRole("checkbox", { name: "Select Robin Second" }).check();
  await page.getByRole("button", { name: "Reset 2FA Token" }).click();
  const dialog = page.getByRole("dialog", { name: "Reset 2FA?" });
  await expect(dialog).toContainText("Do you want to reset 2FA for user «Robin Second»?");
  await shoot(page, testInfo, "users-reset-2fa-dialog");
  await dialog.getByRole("button", { name: "Reset 2FA" }).click();
  await expect(page.getByText("2FA reset for 1 user.")).toBeVisible();
  await expect(page.getByRole("row", { name: /Robin Second/ })).toContainText("Not configured");
  expect(await db.auditEvent.count({ where: { workspaceId: workspace.workspace.id, action: "auth.2fa_reset", targetId: other.id } })).toBe(1);

  // Their next sign-in: the password (always), then 2FA setup before anything else.
  const theirs = await newPage(browser, baseURL);
  await submitPassword(theirs, other.email, defaultPassword);
  await expect(theirs).toHaveURL(/\/account\/two-factor$/);
  await expectNoSeriousAxeViolations(theirs);
  await shoot(theirs, testInfo, "account-two-factor");
  await theirs.goto("/console/users");
  await expect(theirs).toHaveURL(/\/account\/two-factor$/);
  const again = await setUpOnPage(theirs);
  expect(again.key.replace(/\s+/g, "")).not.toBe(setup.key);
  await theirs.getByRole("link", { name: "Continue to the console" }).click();
  await expect(theirs).toHaveURL(/\/console\/users$/);
  await page.reload();
  await expect(page.getByRole("row", { name: /Robin Second/ })).toContainText("Active");

  // The same from the user's page; it signs them out at once.
  await page.getByRole("link", { name: "Robin Second" }).click();
  await page.getByRole("button", { name: "Reset 2FA Token" }).click();
  await expect(page.getByRole("dialog", { name: "Reset 2FA?" })).toContainText("Do you want to reset 2FA for user «Robin Second»?");
  await page.getByRole("dialog", { name: "Reset 2FA?" }).getByRole("button", { name: "Reset 2FA" }).click();
  await expect(page.locator("dt", { hasText: "2FA status" }).locator("+ dd")).toHaveText("Not configured");
  await theirs.goto("/console/users");
  await expect(theirs).toHaveURL(/\/sign-in/);
});

test("two-factor: asked to change the password at the next sign-in, a user sets a new one before anything else", async ({ workspace, page }, testInfo) => {
  const db = e2eDb();
  const user = await createUser(db, workspace.workspace.id, { roleId: workspace.roles.admin, displayName: "Casey Change", password: defaultPassword });
  await db.user.update({ where: { id: user.id }, data: { mustChangePassword: true } });

  await submitPassword(page, user.email, defaultPassword);
  await expect(page).toHaveURL(/\/account\/new-password$/);
  await expect(page.getByRole("heading", { name: "Set a new password" })).toBeVisible();
  await expectNoSeriousAxeViolations(page);
  await shoot(page, testInfo, "account-new-password");
  // Nothing else is reachable meanwhile.
  await page.goto("/console/settings");
  await expect(page).toHaveURL(/\/account\/new-password$/);

  await page.getByLabel("New password", { exact: true }).fill(defaultPassword);
  await page.getByLabel("Repeat the new password").fill(defaultPassword);
  await page.getByRole("button", { name: "Set password and continue" }).click();
  await expect(page.getByText("Choose a password different from the one you signed in with")).toBeVisible();
  const fresh = "orchard lantern velvet cobalt";
  await page.getByLabel("New password", { exact: true }).fill(fresh);
  await page.getByLabel("Repeat the new password").fill(fresh);
  await page.getByRole("button", { name: "Set password and continue" }).click();
  await expect(page).toHaveURL(/\/console\/users$/);

  await signOut(page);
  await submitPassword(page, user.email, fresh);
  await expect(page).toHaveURL(/\/console\/users$/);
});

test("two-factor: with Require 2FA for administrators, an administrator without it is taken to its setup right after sign-in", async ({ adminPage: page, workspace, browser, baseURL }) => {
  const db = e2eDb();
  const other = await createUser(db, workspace.workspace.id, { roleId: workspace.roles.admin, displayName: "Dana Required", password: defaultPassword });
  await page.goto("/console/settings");
  await page.getByLabel("Require 2FA for administrators").check();
  await page.getByRole("button", { name: "Save security settings" }).click();
  await expect(page.getByText("Saved.")).toBeVisible();

  const theirs = await newPage(browser, baseURL);
  await submitPassword(theirs, other.email, defaultPassword);
  await expect(theirs).toHaveURL(/\/account\/two-factor$/);
  await theirs.goto("/console/audit");
  await expect(theirs).toHaveURL(/\/account\/two-factor$/);
  // Signing out is the one other way out.
  await theirs.getByRole("button", { name: "Sign out" }).click();
  await expect(theirs).toHaveURL(/\/sign-in$/);
  await theirs.goto("/console/users");
  await expect(theirs).toHaveURL(/\/sign-in$/);
});
