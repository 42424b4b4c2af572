import { randomBytes } from "node:crypto";
import { createUser } from "../factories";
import { runServerAction } from "./support/actions";
import { e2eDb, expect, formAlert, signIn, test } from "./support/fixtures";
import { messagesTo } from "./support/mail";

test("roles: create a Help desk role, assign it, activate the account from the email and find only what it permits", async ({ adminPage: page, workspace, browser, baseURL }, testInfo) => {
  const email = `helen-${randomBytes(4).toString("hex")}@corp.example`;
  const helen = await createUser(e2eDb(), workspace.workspace.id, { roleId: workspace.roles.user, email, displayName: "Helen Helpdesk" });

  await page.goto("/console/settings");
  await page.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "Roles" }).click();
  await expect(page).toHaveURL(/\/console\/settings\/roles$/);
  const table = page.getByRole("table", { name: "Roles" });
  await expect(table.getByRole("row", { name: /Administrator/ })).toContainText("Built-in");
  await expect(table.getByRole("row", { name: /^User/ })).toContainText("No");

  // A name taken in another case is refused at the field.
  await page.getByRole("button", { name: "New role" }).click();
  const editor = page.getByRole("dialog", { name: "New role" });
  await editor.getByLabel("Role name").fill("administrator");
  await runServerAction(page, () => editor.getByRole("button", { name: "Create role" }).click());
  await expect(editor.getByLabel("Role name")).toHaveAccessibleDescription('A role named "Administrator" already exists');

  await editor.getByLabel("Role name").fill("Help desk");
  await expect(editor.getByLabel("Can sign in to the console")).toBeChecked();
  await editor.getByLabel("View users").check();
  await expect(editor.getByLabel("View users")).toHaveAccessibleDescription(/See the users list/);
  await page.screenshot({ path: testInfo.outputPath("role-editor.png") });
  await runServerAction(page, () => editor.getByRole("button", { name: "Create role" }).click());
  await expect(editor).toBeHidden();
  const row = table.getByRole("row", { name: /Help desk/ });
  await expect(row).toContainText("Custom");
  await expect(row).toContainText("View users");

  // Assign it on the user's page: an activation email goes out.
  await page.goto(`/console/users/${helen.id}`);
  await page.getByLabel("Role", { exact: true }).selectOption({ label: "Help desk" });
  await runServerAction(page, () => page.getByRole("button", { name: "Save changes" }).click());
  await expect(page.getByRole("status")).toHaveText("Changes saved.");

  await expect.poll(async () => (await messagesTo(email)).filter((m) => /set-password\//.test(m.text ?? "")).length, { timeout: 30_000 }).toBe(1);
  const [mail] = (await messagesTo(email)).filter((m) => /set-password\//.test(m.text ?? ""));
  const link = /(https?:\/\/\S+\/set-password\/[A-Za-z0-9_-]{22})/.exec(mail.text ?? "")?.[1];
  expect(link).toBeDefined();

  // Helen, in her own browser, sets her password and signs in.
  const context = await browser.newContext({ baseURL });
  const helenPage = await context.newPage();
  await helenPage.goto(link!);
  const password = "violet tractor harbour lantern";
  await helenPage.getByLabel("New password", { exact: true }).fill(password);
  await helenPage.getByLabel("Repeat the new password").fill(password);
  await helenPage.getByRole("button", { name: /Save new password|Set password/ }).click();
  await expect(helenPage).toHaveURL(/\/sign-in\?password=set$/);
  await expect(formAlert(helenPage)).toHaveText("Your password is set. Sign in with it.");
  await signIn(helenPage, email, password);

  // Only what Help desk permits: the users list without Create, Add or Delete; Settings → Roles refused.
  await expect(helenPage.getByRole("link", { name: "Create user" })).toHaveCount(0);
  await expect(helenPage.getByRole("link", { name: "Add users" })).toHaveCount(0);
  await expect(helenPage.getByRole("button", { name: /^Delete/ })).toHaveCount(0);
  await expect(helenPage.getByRole("link", { name: "Helen Helpdesk" })).toBeVisible();
  await helenPage.goto("/console/settings");
  await expect(helenPage.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "Roles" })).toHaveCount(0);
  await helenPage.goto("/console/settings/roles");
  await expect(helenPage).toHaveURL(/\/console\/forbidden$/);
  await expect(helenPage.getByRole("heading", { name: "Not allowed" })).toBeVisible();
  await context.close();
});

test("roles: deleting a role in use asks for the replacement its users get", async ({ adminPage: page, workspace }, testInfo) => {
  const db = e2eDb();
  const role = await db.role.create({ data: { workspaceId: workspace.workspace.id, name: "Auditors", permissions: "audit.read", consoleAccess: true } });
  const user = await createUser(db, workspace.workspace.id, { roleId: role.id, displayName: "Ava Auditor" });
  await page.goto("/console/settings/roles");
  await page.getByRole("button", { name: "Delete Auditors" }).click();
  const dialog = page.getByRole("dialog", { name: 'Delete the role "Auditors"?' });
  await expect(dialog).toContainText("1 user has this role");
  await page.screenshot({ path: testInfo.outputPath("delete-role.png") });
  await runServerAction(page, () => dialog.getByRole("button", { name: "Delete role" }).click());
  await expect(dialog.getByRole("alert")).toContainText("Choose the role its user gets instead");
  await dialog.getByLabel("Replacement role").selectOption({ label: "User" });
  await runServerAction(page, () => dialog.getByRole("button", { name: "Delete role" }).click());
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("table", { name: "Roles" }).getByRole("row", { name: /Auditors/ })).toHaveCount(0);
  expect((await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { roleId: true } })).roleId).toBe(workspace.roles.user);
});

test("users: Enroll Device gives a new enrollment link for the user, shown once with a QR code and the steps, without an email", async ({ adminPage: page, workspace }, testInfo) => {
  const email = `erin-${randomBytes(4).toString("hex")}@corp.example`;
  const erin = await createUser(e2eDb(), workspace.workspace.id, { roleId: workspace.roles.user, email, displayName: "Erin Enduser" });
  await page.goto("/console/users");
  await expect(page.getByRole("button", { name: "Enroll Device" })).toBeDisabled();
  await page.getByLabel("Select Erin Enduser").check();
  await runServerAction(page, () => page.getByRole("button", { name: "Enroll Device" }).click());
  const dialog = page.getByRole("dialog", { name: "Enroll a device for Erin Enduser" });
  const link = await dialog.getByRole("textbox", { name: "Enrollment link" }).inputValue();
  expect(link).toMatch(/\/enroll\/[A-Za-z0-9_-]{22}$/);
  await expect(dialog.getByRole("img", { name: "QR code of the enrollment link" })).toBeVisible();
  await dialog.getByLabel("Device platform").selectOption({ label: "macOS" });
  await expect(dialog.getByRole("link", { name: "Download for macOS (.pkg)" })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("enroll-device.png") });
  await dialog.getByRole("button", { name: "Done" }).click();

  // The user's page offers it too; each press makes another link.
  await page.goto(`/console/users/${erin.id}`);
  await runServerAction(page, () => page.getByRole("button", { name: "Enroll Device" }).click());
  await expect(page.getByRole("dialog", { name: "Enroll a device for Erin Enduser" }).getByRole("textbox", { name: "Enrollment link" })).not.toHaveValue(link);
  expect(await e2eDb().enrollmentToken.count({ where: { userId: erin.id, kind: "MANUAL" } })).toBe(2);
  expect(await messagesTo(email)).toHaveLength(0);

  await page.goto(link);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(/Erin Enduser|device/i);
});
