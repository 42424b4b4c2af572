import { randomBytes } from "node:crypto";
import { e2eDb, expect, test } from "./support/fixtures";
import { messagesTo } from "./support/mail";

test("users: add users wizard, instruction email over SMTP, enrollment link and device agent", async ({ adminPage: page, request, workspace }) => {
  const tag = randomBytes(3).toString("hex");
  const domain = `wiz-${tag}.example`;
  await page.getByRole("link", { name: "Add users" }).click();
  await expect(page.getByRole("heading", { name: "Enter email addresses" })).toBeVisible();

  // A messy paste: mixed separators, a duplicate in another case, an invalid entry and a Name <address> entry.
  const paste = `ann@${domain}, bob@${domain};\tJane Doe <jane@${domain}>\nnot-an-address  ANN@${domain.toUpperCase()};;\n`;
  await page.getByLabel(/Type or paste addresses/).fill(paste);
  await expect(page.getByTestId("address-summary")).toContainText("3 valid addresses, 1 duplicate merged, 1 not an address");
  await expect(page.getByTestId("invalid-entries")).toContainText("not-an-address");
  await page.getByRole("button", { name: "Next", exact: true }).click();

  await expect(page.getByRole("heading", { name: "Check data" })).toBeVisible();
  await expect(page.getByTestId("check-row")).toHaveCount(3);
  await expect(page.getByLabel("Alias of row 2")).toHaveValue("bob");
  await page.getByLabel("Alias of row 2").fill("bad alias");
  await expect(page.getByText("No spaces, quotes, < > or @ in an alias")).toBeVisible();
  await expect(page.getByRole("button", { name: "Next", exact: true })).toBeDisabled();
  await page.getByLabel("Alias of row 2").fill("bobby");
  await page.getByRole("button", { name: "Next", exact: true }).click();

  await expect(page.getByRole("heading", { name: "Send instructions" })).toBeVisible();
  await expect(page.getByLabel(/Email the users instructions/)).toBeChecked();
  const preview = page.frameLocator('iframe[title="Preview of the instructions email"]');
  await expect(preview.getByRole("link", { name: "Connect your device" })).toBeVisible();
  await expect(preview.locator("body")).toContainText(workspace.workspace.name);
  await page.getByRole("button", { name: "Finish" }).click();

  const summary = page.getByTestId("add-users-summary");
  await expect(summary).toContainText("3 added");
  await expect(summary).toContainText("0 skipped as existing users");
  await expect(summary).toContainText("3 sent instructions");
  const nextSteps = page.getByRole("dialog", { name: "What happens next" });
  await expect(nextSteps).toBeVisible();
  await nextSteps.getByRole("button", { name: "OK" }).click();
  await expect(nextSteps).toBeHidden();

  // The outbox worker delivers to the loopback SMTP server; read Bob's message from there.
  await expect.poll(async () => (await messagesTo(`bob@${domain}`)).length, { timeout: 30_000 }).toBe(1);
  const [mail] = await messagesTo(`bob@${domain}`);
  expect(mail.subject).toContain(workspace.workspace.name);
  const link = /https?:\/\/[^\s"<>]+\/enroll\/[A-Za-z0-9_-]+/.exec(mail.text ?? "")?.[0];
  expect(link).toBeDefined();

  // Opening the link shows the instructions and changes nothing.
  await page.goto(link!);
  await expect(page.getByRole("heading").first()).toBeVisible();
  await expect(page.locator("body")).toContainText(/only one (phone or tablet|mobile)/i);

  const enroll = (os: string, name: string) =>
    request.post("/api/agent/enroll", { data: { token: link, device: { os, osVersion: os === "windows" ? "11" : "15", name, model: name } } });
  const windows = await enroll("windows", "Bob's laptop");
  expect(windows.status()).toBe(200);
  expect(await windows.json()).toMatchObject({ deviceId: expect.any(String), credential: expect.any(String) });
  const android = await enroll("android", "Pixel 8");
  expect(android.status()).toBe(200);
  const secondAndroid = await enroll("android", "Pixel 9");
  expect(secondAndroid.status()).toBe(409);
  expect(JSON.stringify(await secondAndroid.json())).toMatch(/new message/i);

  await page.goto("/console/users?q=bobby");
  await expect(page.getByRole("row", { name: /bobby/ })).toContainText("2");
  await page.getByRole("link", { name: "bobby" }).click();
  await page.getByRole("tab", { name: "Associated Devices" }).click();
  await expect(page.getByText("Bob's laptop")).toBeVisible();
  await expect(page.getByText("Pixel 8")).toBeVisible();
  await expect(page.getByText("Pixel 9")).toHaveCount(0);
});

test("enrollment: an unknown link answers 404 and still says what to do", async ({ page }) => {
  const response = await page.goto(`/enroll/${"Zz9".repeat(7)}x`);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "This link does not work" })).toBeVisible();
  await expect(page.getByText("ask your administrator to send you a new message")).toBeVisible();
  expect(response?.headers()["content-security-policy"]).toContain("'nonce-");
});

test("users: when Finish's answer is lost, the wizard survives a reload and Finish again is the same run: nobody is emailed twice", async ({ adminPage: page, workspace }) => {
  const tag = randomBytes(3).toString("hex");
  const domain = `lost-${tag}.example`;
  const db = e2eDb();
  await page.goto("/console/users/add");
  await page.getByLabel(/Type or paste addresses/).fill(`ann@${domain}\nbob@${domain}`);
  await page.getByRole("button", { name: "Next", exact: true }).click();
  await expect(page.getByTestId("check-row")).toHaveCount(2);
  await page.getByRole("button", { name: "Next", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Send instructions" })).toBeVisible();

  // The step's own calls (existing users, the preview) are done before the answer of Finish is lost.
  await expect(page.frameLocator('iframe[title="Preview of the instructions email"]').getByRole("link", { name: "Connect your device" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Finish" })).toBeEnabled();
  // The server does the work, then the answer is lost on the way back (a dropped connection).
  let lost = 0;
  await page.route("**/console/users/add", async (route) => {
    const request = route.request();
    const isFinish = request.method() === "POST" && request.headers()["next-action"] && (request.postData() ?? "").includes("runKey");
    if (!isFinish || lost > 0) return route.fallback();
    lost++;
    await route.fetch();
    await route.abort("connectionreset");
  });
  await page.getByRole("button", { name: "Finish" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "did not arrive" })).toContainText("Press Finish again: it is the same run");
  expect(lost).toBe(1);
  const emailsTo = () => db.emailMessage.count({ where: { workspaceId: workspace.workspace.id, to: { endsWith: `@${domain}` } } });
  expect(await db.user.count({ where: { workspaceId: workspace.workspace.id, emailNormalized: { endsWith: `@${domain}` } } })).toBe(2);
  expect(await emailsTo()).toBe(2);

  // Reload: the wizard is where it was, with the same run; Finish shows the first run's result and writes nothing.
  await page.unrouteAll({ behavior: "wait" });
  await page.reload();
  await expect(page.getByRole("heading", { name: "Send instructions" })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "Picked up where you left off" })).toBeVisible();
  await page.getByRole("button", { name: "Finish" }).click();
  const summary = page.getByTestId("add-users-summary");
  await expect(summary).toContainText("2 added");
  await expect(summary).toContainText("2 sent instructions");
  expect(await emailsTo()).toBe(2);
  expect(await db.user.count({ where: { workspaceId: workspace.workspace.id, emailNormalized: { endsWith: `@${domain}` } } })).toBe(2);

  // Done: a new visit starts empty.
  await page.goto("/console/users/add");
  await expect(page.getByLabel(/Type or paste addresses/)).toHaveValue("");
});

test("users: existing users are emailed again only when chosen, and Finish says how many emails go out", async ({ adminPage: page, workspace }) => {
  const tag = randomBytes(3).toString("hex");
  const db = e2eDb();
  await page.goto("/console/users/add");
  await page.getByLabel(/Type or paste addresses/).fill(`new-${tag}@corp.example\nother-${tag}@corp.example`);
  await page.getByRole("button", { name: "Next", exact: true }).click();
  // An address edited on Check data into an existing user's is marked as existing too.
  await page.getByLabel("Email of row 2").fill(workspace.admin.email);
  await page.getByRole("button", { name: "Next", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Send instructions" })).toBeVisible();
  const toSend = page.getByTestId("emails-to-send");
  await expect(toSend).toHaveText("1 email will be sent.");
  const also = page.getByLabel(/Also email the user who already exists/);
  await expect(also).not.toBeChecked();
  await also.check();
  await expect(toSend).toHaveText("2 emails will be sent.");
  await also.uncheck();
  await expect(toSend).toHaveText("1 email will be sent.");
  await page.getByRole("button", { name: "Finish" }).click();
  const summary = page.getByTestId("add-users-summary");
  await expect(summary).toContainText("1 added");
  await expect(summary).toContainText("1 skipped as existing users");
  await expect(summary).toContainText("1 sent instructions");
  expect(await db.emailMessage.count({ where: { userId: workspace.admin.id } })).toBe(0);
});

test("users: Finish is the wizard's last step, marked in the stepper; the breadcrumb link is underlined", async ({ adminPage: page }) => {
  await page.goto("/console/users/add");
  // The breadcrumb's link reads as a link without hovering it.
  const up = page.getByRole("navigation", { name: "Breadcrumb" }).getByRole("link", { name: "Users" });
  expect(await up.evaluate((el) => getComputedStyle(el).textDecorationLine)).toContain("underline");
  const stepper = page.getByRole("list", { name: "Steps" });
  await expect(stepper.getByRole("listitem")).toHaveText([/Enter email addresses/, /Check data/, /Send instructions/, /Finish/]);
  await page.getByLabel(/Type or paste addresses/).fill(`step-${Date.now()}@corp.example`);
  await page.getByRole("button", { name: "Next", exact: true }).click();
  await page.getByRole("button", { name: "Next", exact: true }).click();
  await page.getByRole("button", { name: "Finish" }).click();
  await expect(page.getByTestId("add-users-summary")).toBeVisible();
  await expect(stepper.locator('[aria-current="step"]')).toHaveText(/Finish/);
});
