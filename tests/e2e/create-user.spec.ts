import { randomBytes } from "node:crypto";
import { runServerAction } from "./support/actions";
import { e2eDb, expect, formAlert, test } from "./support/fixtures";
import { messagesTo } from "./support/mail";

test("users: create one user with a new group, get the instructions, and send them again from the user page", async ({ adminPage: page, workspace }) => {
  const tag = randomBytes(3).toString("hex");
  const email = `cleo-${tag}@create.example`;
  const group = `Night Shift ${tag}`;

  await page.getByRole("link", { name: "Create user" }).click();
  await expect(page).toHaveURL(/\/console\/users\/new$/);
  await expect(page.getByRole("heading", { level: 1, name: "Create user" })).toBeVisible();
  await expect(page.getByText("The user's logon ID and where messages go")).toBeVisible();
  await expect(page.getByLabel("Role", { exact: true })).toHaveValue(workspace.roles.user);
  await expect(page.getByLabel("Send instructions")).toBeChecked();

  // Half an Exchange account is refused in the browser.
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("Name", { exact: true }).fill("Cleo Create");
  await page.getByLabel("Phone", { exact: true }).fill("+1 555 123 4567");
  await page.getByLabel("Group", { exact: true }).fill(group);
  await page.getByLabel("Exchange domain").fill("CORP");
  await page.getByRole("button", { name: "Create user" }).click();
  await expect(page.getByText("Enter the Exchange username too, or clear the domain")).toBeVisible();
  await page.getByLabel("Exchange username").fill(`cleo${tag}`);

  await runServerAction(page, () => page.getByRole("button", { name: "Create user" }).click());
  await expect(page).toHaveURL(/\/console\/users\/(?!new)[^/?]+$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Cleo Create");
  await expect(page.locator("dt", { hasText: "Groups" }).locator("+ dd")).toHaveText(group);

  const stored = await e2eDb().user.findFirstOrThrow({ where: { workspaceId: workspace.workspace.id, emailNormalized: email } });
  expect(stored).toMatchObject({ exchangeDomain: "CORP", exchangeUsername: `cleo${tag}`, phone: "+1 555 123 4567" });
  expect(page.url()).toContain(`/console/users/${stored.id}`);

  const messages = page.getByRole("table", { name: "Messages" });
  await expect(messages.getByRole("row")).toHaveCount(2);
  await expect(messages.getByRole("row").nth(1)).toContainText(/Queued|Sending|Sent/);
  await expect(messages).toContainText(workspace.workspace.name);

  // The outbox worker delivers to the loopback SMTP server.
  await expect.poll(async () => (await messagesTo(email)).length, { timeout: 30_000 }).toBe(1);
  const [first] = await messagesTo(email);
  expect(first.text ?? "").toMatch(/\/enroll\/[A-Za-z0-9_-]+/);

  await runServerAction(page, () => page.getByRole("button", { name: "Send instructions" }).click());
  await expect(formAlert(page)).toHaveText("Instructions queued.");
  await expect(messages.getByRole("row")).toHaveCount(3);
  await expect.poll(async () => (await messagesTo(email)).length, { timeout: 30_000 }).toBe(2);
  const links = (await messagesTo(email)).map((m) => /\/enroll\/([A-Za-z0-9_-]+)/.exec(m.text ?? "")?.[1]);
  expect(new Set(links).size).toBe(2);

  // Once delivered, the list says so.
  await expect.poll(async () => {
    await page.reload();
    return messages.getByRole("row").filter({ hasText: "Sent" }).count();
  }, { timeout: 30_000 }).toBe(2);
});
