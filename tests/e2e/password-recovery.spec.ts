import { randomBytes } from "node:crypto";
import type { Page } from "@playwright/test";
import { createUser } from "../factories";
import { e2eDb, expect, formAlert, signIn, test } from "./support/fixtures";
import { messagesTo } from "./support/mail";

/** The set-password link of the newest message to an address, once it has arrived over SMTP. */
async function mailedLink(to: string, count: number): Promise<string> {
  await expect.poll(async () => (await messagesTo(to)).filter((m) => /set-password\//.test(m.text ?? "")).length, { timeout: 30_000 }).toBe(count);
  const mails = (await messagesTo(to)).filter((m) => /set-password\//.test(m.text ?? "")).sort((a, b) => (a.date?.getTime() ?? 0) - (b.date?.getTime() ?? 0));
  const link = /(https?:\/\/\S+\/set-password\/[A-Za-z0-9_-]{22})/.exec(mails.at(-1)!.text ?? "")?.[1];
  expect(link).toBeDefined();
  return link!;
}

async function setPassword(page: Page, password: string) {
  await page.getByLabel("New password", { exact: true }).fill(password);
  await page.getByLabel("Repeat the new password").fill(password);
  await page.getByRole("button", { name: /Save new password|Set password/ }).click();
}

test("Forgot password? mails a link that works once; an unknown address gets the very same page", async ({ page, workspace }) => {
  const email = workspace.admin.email;
  await page.goto("/sign-in");
  await page.getByRole("link", { name: "Forgot password?" }).click();
  await expect(page.getByRole("heading", { name: "Forgot your password?" })).toBeVisible();
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Send recovery link" }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
  const known = await page.locator("main").innerText();

  await page.goto("/forgot-password");
  await page.getByLabel("Email").fill(`nobody-${randomBytes(4).toString("hex")}@nowhere.example`);
  await page.getByRole("button", { name: "Send recovery link" }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
  expect(await page.locator("main").innerText()).toBe(known);

  const link = await mailedLink(email, 1);
  // Opening the link (as a mail scanner would, then the person) does not use it.
  expect((await page.request.get(link)).status()).toBe(200);
  await page.goto(link);
  await expect(page.getByRole("heading", { name: "Choose a new password" })).toBeVisible();
  await setPassword(page, "password1234");
  await expect(page.getByLabel("New password", { exact: true })).toHaveAccessibleDescription(/too common/);
  await setPassword(page, "violet tractor harbour lantern");
  await expect(page).toHaveURL(/\/sign-in\?password=set$/);
  await expect(formAlert(page)).toHaveText("Your password is set. Sign in with it.");
  await signIn(page, email, "violet tractor harbour lantern");

  // The mail that says so arrives too, and the link is refused from now on.
  await expect.poll(async () => (await messagesTo(email)).filter((m) => m.subject?.includes("password was changed")).length, { timeout: 30_000 }).toBe(1);
  await page.goto(link);
  await expect(page.getByRole("heading", { name: "This link cannot be used" })).toBeVisible();
  await expect(page.getByRole("alert").filter({ hasText: "already been used" })).toBeVisible();
});

test("an administrator generates a password for another administrator, who must choose their own at the next sign-in", async ({ adminPage: page, workspace }) => {
  const dana = await createUser(e2eDb(), workspace.workspace.id, { roleId: workspace.roles.admin, displayName: "Dana Admin", password: "an old password of hers" });
  const endUser = await createUser(e2eDb(), workspace.workspace.id, { roleId: workspace.roles.user, displayName: "Erin Enduser" });

  await page.goto("/console/users");
  await page.getByLabel("Select Dana Admin").check();
  await page.getByLabel("Select Erin Enduser").check();
  await page.getByRole("button", { name: "Change Password" }).click();
  const dialog = page.getByRole("dialog", { name: "Change password of 2 users" });
  await expect(dialog).toContainText("1 selected user will be skipped");
  await expect(dialog).toContainText("Erin Enduser: Their role does not give access to the console");
  await expect(dialog.getByLabel("Ask for a password change at the next sign-in")).toBeChecked();
  await dialog.getByRole("button", { name: "Change password" }).click();
  const shown = page.getByRole("dialog", { name: "New passwords" });
  const password = (await shown.getByTestId("generated-password").innerText()).trim();
  expect(password).toMatch(/^[A-Za-z2-9]{16}$/);
  await shown.getByRole("button", { name: "Done" }).click();

  // Dana's user page says when; she is told by email (without the password).
  await page.goto(`/console/users/${dana.id}`);
  await expect(page.locator("dl").filter({ hasText: "Change password time" })).not.toContainText("Not changed yet");
  await expect.poll(async () => (await messagesTo(dana.email)).filter((m) => m.subject?.includes("password was changed")).length, { timeout: 30_000 }).toBe(1);
  const [notice] = (await messagesTo(dana.email)).filter((m) => m.subject?.includes("password was changed"));
  expect(notice.text).not.toContain(password);

  // The end user's page explains why there is no password to change.
  await page.goto(`/console/users/${endUser.id}`);
  await expect(page.getByRole("button", { name: "Change Password" })).toHaveCount(0);
  await expect(page.locator("dl")).toContainText("Their role does not give access to the console");
});

test("Send Password Recovery Email from a user's page mails a one-hour link", async ({ adminPage: page, workspace }) => {
  const dana = await createUser(e2eDb(), workspace.workspace.id, { roleId: workspace.roles.admin, displayName: "Dana Admin", password: "an old password of hers" });
  await page.goto(`/console/users/${dana.id}`);
  await page.getByRole("button", { name: "Send Password Recovery Email" }).click();
  const dialog = page.getByRole("dialog", { name: "Send a password recovery email to Dana Admin?" });
  await dialog.getByRole("button", { name: "Send email" }).click();
  await expect(page.getByText("Password recovery email queued for 1 user.")).toBeVisible();
  const link = await mailedLink(dana.email, 1);
  const [mail] = await messagesTo(dana.email);
  expect(mail.text).toContain("An administrator of");
  expect(mail.text).toContain("for 1 hour");
  // The Mailbox lists the message but never shows the link.
  await page.goto("/console/mailbox");
  await page.getByRole("link", { name: /reset your console password/ }).first().click();
  await expect(page.getByText("Link hidden: a set-password link is shown only to the person it was sent to.")).toBeVisible();
  await expect(page.locator("body")).not.toContainText(link.split("/").at(-1)!);
});
