import type { Browser } from "@playwright/test";
import { decode } from "next-auth/jwt";
import { sha256 } from "@/lib/crypto/tokens";
import { e2eDb, expect, signIn, test } from "./support/fixtures";

const firefoxOnLinux = "Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0";

/** A second browser, told apart by its User-Agent, signed in as the same person. */
async function secondBrowser(browser: Browser, baseURL: string | undefined, email: string, password: string) {
  const context = await browser.newContext({ baseURL, userAgent: firefoxOnLinux, timezoneId: "UTC" });
  const page = await context.newPage();
  await signIn(page, email, password);
  return page;
}

/** The session id inside a browser context's Auth.js cookie, decrypted as the server does. */
async function sessionIdOf(cookies: { name: string; value: string }[]): Promise<string> {
  const cookie = cookies.find((c) => c.name.endsWith("authjs.session-token"));
  if (!cookie) throw new Error("no session cookie");
  const payload = await decode({ token: cookie.value, secret: process.env.AUTH_SECRET!, salt: cookie.name });
  if (typeof payload?.sid !== "string") throw new Error("the cookie holds no session id");
  return payload.sid;
}

test("sessions: two browsers see each other; signing the other out ends it at its next request, and the audit shows it", async ({ adminPage: page, workspace, browser, baseURL }, testInfo) => {
  const other = await secondBrowser(browser, baseURL, workspace.admin.email, workspace.admin.password);

  await page.goto("/console/settings/sessions");
  await expect(page.getByRole("heading", { level: 2, name: "Your sessions" })).toBeVisible();
  const rows = page.getByRole("table", { name: "Your sessions" }).locator("tbody tr");
  await expect(rows).toHaveCount(2);
  await expect(rows.first()).toContainText("This browser");
  await expect(rows.nth(1)).toContainText("Firefox 133 on Linux");
  // Both rows show the client address the server recorded at sign-in.
  for (const row of await rows.all()) await expect(row.getByRole("cell").nth(1)).toHaveText(/^[0-9a-f.:]+$/);
  await page.screenshot({ path: testInfo.outputPath("sessions.png"), fullPage: true });

  await page.getByRole("button", { name: "Sign out of Firefox 133 on Linux" }).click();
  const dialog = page.getByRole("dialog", { name: "Sign out of this session?" });
  await dialog.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByTestId("toasts")).toContainText("Signed out of Firefox 133 on Linux.");
  await expect(rows).toHaveCount(1);
  await expect(page.getByRole("button", { name: "Sign out of all other sessions" })).toHaveCount(0);

  // The other browser still holds its cookie, but its next request finds no session.
  await other.goto("/console/users");
  await expect(other).toHaveURL(/\/sign-in$/);
  await other.context().close();

  await page.goto("/console/audit");
  await page.getByLabel("Event", { exact: true }).selectOption({ label: "All account security events" });
  await expect(page).toHaveURL(/kind=group%3Asecurity/);
  const events = page.getByRole("table", { name: "Audit events" }).locator("tbody tr");
  const signIns = events.filter({ hasText: "Signed in" });
  await expect(signIns).toHaveCount(2);
  for (const row of await signIns.all()) await expect(row.getByRole("cell").nth(4)).toHaveText(/^[0-9a-f.:]+$/);
  await expect(events.filter({ hasText: "Signed out other sessions" })).toHaveCount(1);
  await expect(events.filter({ hasText: "Created workspace" })).toHaveCount(0);
  await page.screenshot({ path: testInfo.outputPath("audit-account-security.png"), fullPage: true });
});

test("sessions: Sign out of all other sessions, after confirming, keeps this browser", async ({ adminPage: page, workspace, browser, baseURL }) => {
  const others = [
    await secondBrowser(browser, baseURL, workspace.admin.email, workspace.admin.password),
    await secondBrowser(browser, baseURL, workspace.admin.email, workspace.admin.password),
  ];
  await page.goto("/console/settings/sessions");
  const rows = page.getByRole("table", { name: "Your sessions" }).locator("tbody tr");
  await expect(rows).toHaveCount(3);
  await page.getByRole("button", { name: "Sign out of all other sessions" }).click();
  const dialog = page.getByRole("dialog", { name: "Sign out of all other sessions?" });
  await expect(dialog).toContainText("2 sessions");
  await dialog.getByRole("button", { name: "Sign out of others" }).click();
  await expect(page.getByTestId("toasts")).toContainText("Signed out of 2 other sessions.");
  await expect(rows).toHaveCount(1);
  for (const other of others) {
    await other.goto("/console/users");
    await expect(other).toHaveURL(/\/sign-in$/);
    await other.context().close();
  }
  await page.goto("/console/users");
  await expect(page.getByRole("heading", { level: 1, name: "Users" })).toBeVisible();
});

test("sessions: /api/auth/session hands page scripts no session id, nor its hash", async ({ adminPage: page }) => {
  const sid = await sessionIdOf(await page.context().cookies());
  const row = await e2eDb().session.findUniqueOrThrow({ where: { idHash: sha256(sid) } });
  const response = await page.request.get("/api/auth/session");
  expect(response.status()).toBe(200);
  const text = await response.text();
  expect(Object.keys(JSON.parse(text))).toEqual(["expires"]);
  for (const secret of [sid, sha256(sid), row.id]) expect(text).not.toContain(secret);
  // Still signed in: the server reads the id from the cookie itself.
  await page.goto("/console/settings/sessions");
  await expect(page.getByText("This browser")).toBeVisible();
});

test("sessions: a session idle past the timeout is signed out, and the sign-in page says why", async ({ adminPage: page }) => {
  const sid = await sessionIdOf(await page.context().cookies());
  // Time is moved in the database, not waited for: the last activity 31 minutes ago.
  await e2eDb().session.update({ where: { idHash: sha256(sid) }, data: { lastSeenAt: new Date(Date.now() - 31 * 60_000) } });
  await page.goto("/console/devices");
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fconsole%2Fdevices&reason=idle$/);
  await expect(page.getByRole("status")).toContainText("You were signed out after 30 minutes of inactivity.");
  expect(await e2eDb().session.count({ where: { idHash: sha256(sid) } })).toBe(0);
});
