import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { parseCsvText } from "@/lib/csv/parse";
import { createUser } from "../factories";
import { e2eDb, expect, test } from "./support/fixtures";
import { messagesTo } from "./support/mail";

test("users: import from CSV — template, review with a fix in place, create, invite, error report and history", async ({ adminPage: page, workspace }) => {
  const tag = randomBytes(3).toString("hex");
  const domain = `csv-${tag}.example`;
  const db = e2eDb();
  await createUser(db, workspace.workspace.id, { roleId: workspace.roles.user, email: `existing@${domain}`, displayName: "Erin Existing" });

  await page.getByRole("link", { name: "Import users" }).click();
  const [template] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download the CSV template" }).click()]);
  const header = parseCsvText(readFileSync((await template.path())!, "utf8")).header;

  // The template's header, then: two good rows (one with a new group), a duplicate, an invalid address, an existing user.
  const rows = [
    [`ann@${domain}`, "Ann Archer", "+44 20 7946 0001", `Field ${tag}`, "", "", ""],
    [`bob@${domain}`, "Bob Baker", "", "", "User", "", ""],
    [`ANN@${domain}`, "Ann Twice", "", "", "", "", ""],
    [`carl(at)${domain}`, "Carl Cole", "", `Field ${tag}`, "", "", ""],
    [`existing@${domain}`, "Erin Existing", "", "", "", "", ""],
  ];
  const csv = [header, ...rows].map((r) => r.map((c) => (c.includes(",") ? `"${c}"` : c)).join(",")).join("\r\n");
  await page.getByLabel("CSV file", { exact: true }).setInputFiles({ name: "new-hires.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await page.getByRole("button", { name: "Upload and review" }).click();

  // Review: counts first, the rows that need attention shown first with their reasons.
  await expect(page.getByRole("list", { name: "Steps" }).locator('[aria-current="step"]')).toHaveText(/Review/);
  const counts = page.getByLabel("Import counts");
  await expect(counts).toContainText("Will be created2");
  await expect(counts).toContainText("Need attention2");
  await expect(counts).toContainText("1");
  await expect(page.getByText(`New groups, created with the users: “Field ${tag}”`)).toBeVisible();
  await expect(page.locator('tr[data-row="4"]')).toContainText("Duplicate in the file: same address as row 2");
  await expect(page.locator('tr[data-row="5"]')).toContainText("Invalid email");
  await expect(page.locator('tr[data-row="5"]')).toContainText(`New group “Field ${tag}” will be created`);
  await expect(page.getByRole("button", { name: /Create accounts/ })).toBeDisabled();

  // Fix row 5's address in place; leave the duplicate out.
  await page.getByRole("button", { name: "Fix row 5" }).click();
  const fix = page.getByRole("form", { name: "Fix row 5" });
  await fix.getByLabel("Email").fill(`carl@${domain}`);
  await fix.getByRole("button", { name: "Save row" }).click();
  await expect(page.locator('tr[data-row="5"]')).toHaveCount(0);
  await page.getByRole("button", { name: "Exclude row 4" }).click();
  await expect(counts).toContainText("Will be created3");
  await expect(counts).toContainText("Need attention0");
  await page.getByRole("link", { name: /Already users/ }).click();
  await expect(page.locator('tr[data-row="6"]')).toContainText("Already a user: will be skipped");

  await page.getByRole("button", { name: "Create accounts (3 new users)" }).click();
  await expect(page.getByRole("heading", { name: "Import finished" })).toBeVisible();
  const results = page.getByLabel("Import results");
  await expect(results).toContainText("Created3");
  await expect(results).toContainText("Skipped2");
  await expect(results).toContainText("Failed0");

  // The rows not imported, with reasons, ready to fix and import again.
  const [report] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: /Download them with the reasons/ }).click()]);
  const reported = parseCsvText(readFileSync((await report.path())!, "utf8"));
  expect(reported.rows.map((r) => [r[0], r.at(-1)])).toEqual([
    [`ANN@${domain}`, "Excluded on the review step"],
    [`existing@${domain}`, "Already a user"],
  ]);

  await page.getByRole("button", { name: "Invite the imported users to enroll" }).click();
  await expect(page.getByText("Instructions were queued for 3 imported users.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Invite the imported users to enroll" })).toHaveCount(0);

  // The users, their group and their source.
  const created = await db.user.findMany({
    where: { workspaceId: workspace.workspace.id, source: "CSV" },
    orderBy: { emailNormalized: "asc" },
    include: { memberships: { include: { group: true } } },
  });
  expect(created.map((u) => [u.email, u.displayName, u.memberships.map((m) => m.group.name)])).toEqual([
    [`ann@${domain}`, "Ann Archer", [`Field ${tag}`]],
    [`bob@${domain}`, "Bob Baker", []],
    [`carl@${domain}`, "Carl Cole", [`Field ${tag}`]],
  ]);
  await expect.poll(async () => (await messagesTo(`carl@${domain}`)).length, { timeout: 20_000 }).toBe(1);
  const [mail] = await messagesTo(`carl@${domain}`);
  expect(mail.text).toMatch(/\/enroll\/[A-Za-z0-9_-]+/);
  expect(await db.emailMessage.count({ where: { workspaceId: workspace.workspace.id, to: `existing@${domain}` } })).toBe(0);

  // The import history and the user list.
  await page.goto("/console/users/import");
  const history = page.getByRole("table", { name: "Import history" });
  await expect(history.getByRole("row", { name: /new-hires\.csv/ })).toContainText("Done");
  await page.goto(`/console/users?q=${domain}`);
  await expect(page.getByRole("row", { name: /Carl Cole/ })).toBeVisible();
  await page.getByRole("link", { name: "Carl Cole" }).click();
  await expect(page.getByText("Imported from CSV (new-hires.csv)")).toBeVisible();
});

test("users: import — a spreadsheet with First/Last names, comma-separated groups, Name <address>, a role synonym and the template's example row left in", async ({ adminPage: page, workspace }) => {
  const tag = randomBytes(3).toString("hex");
  const domain = `sheet-${tag}.example`;
  const db = e2eDb();
  const csv = [
    "E-mail Address,First Name,Last Name,Department,Role",
    "jane.doe@example.com,Jane,Doe,Sales,User",
    `Nina Novak <nina@${domain}>,,,"Sales ${tag}, Marketing ${tag}",admin`,
    `omar@${domain},Omar,Ortiz,"Support ${tag}",`,
  ].join("\r\n");
  await page.goto("/console/users/import");
  await page.getByLabel("CSV file", { exact: true }).setInputFiles({ name: "hr-export.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  // The preview reads the name from the two columns.
  await expect(page.getByTestId("recognised-columns")).toContainText("name (“First Name + Last Name”)");
  await page.getByRole("button", { name: "Upload and review" }).click();

  const counts = page.getByLabel("Import counts");
  await expect(counts).toContainText("Will be created2");
  await expect(counts).toContainText("Need attention1");
  await expect(page.locator('tr[data-row="2"]')).toContainText("The template's example row (jane.doe@example.com): left out.");
  await page.getByRole("link", { name: /Will be created/ }).click();
  const groups = page.getByRole("list", { name: "Groups of row 3" }).getByRole("listitem");
  await expect(groups).toHaveText([`Sales ${tag}`, `Marketing ${tag}`]);
  await expect(page.locator('tr[data-row="3"]')).toContainText("Nina Novak");
  await expect(page.locator('tr[data-row="3"]')).toContainText("Administrator");
  await expect(page.locator('tr[data-row="4"]')).toContainText("Omar Ortiz");

  await page.getByRole("link", { name: /Need attention/ }).click();
  await page.getByRole("button", { name: "Exclude row 2" }).click();
  await expect(counts).toContainText("Need attention0");
  await page.getByRole("button", { name: "Create accounts (2 new users)" }).click();
  await expect(page.getByRole("heading", { name: "Import finished" })).toBeVisible();

  const created = await db.user.findMany({
    where: { workspaceId: workspace.workspace.id, emailNormalized: { in: [`nina@${domain}`, `omar@${domain}`, "jane.doe@example.com"] } },
    select: { email: true, displayName: true, role: { select: { key: true } }, memberships: { select: { group: { select: { name: true } } } } },
    orderBy: { email: "asc" },
  });
  expect(created.map((u) => [u.email, u.displayName, u.role.key, u.memberships.map((m) => m.group.name).sort()])).toEqual([
    [`nina@${domain}`, "Nina Novak", "admin", [`Marketing ${tag}`, `Sales ${tag}`]],
    [`omar@${domain}`, "Omar Ortiz", "user", [`Support ${tag}`]],
  ]);
});

test("users: import — a file whose headers are not recognised: the admin chooses its columns after upload, and the choice is remembered", async ({ adminPage: page, workspace }) => {
  const domain = `mapped-${randomBytes(3).toString("hex")}.example`;
  const csv = ["Work mail,Person,Office", `ann@${domain},Ann Archer,Leeds`, `bob@${domain},Bob Baker,York`].join("\r\n");
  const file = { name: "directory.csv", mimeType: "text/csv", buffer: Buffer.from(csv) };
  await page.goto("/console/users/import");
  await page.getByLabel("CSV file", { exact: true }).setInputFiles(file);
  await expect(page.getByTestId("missing-email")).toContainText("The file has no email column");
  await page.getByRole("button", { name: "Upload and choose columns" }).click();

  await expect(page.getByText("This file was not imported; nothing was created.")).toBeVisible();
  await page.getByLabel("Read “Work mail” as").selectOption("email");
  await page.getByLabel("Read “Person” as").selectOption("name");
  await page.getByRole("button", { name: "Read the file again with these columns" }).click();
  const counts = page.getByLabel("Import counts");
  await expect(counts).toContainText("Will be created2");
  await page.getByRole("link", { name: /Will be created/ }).click();
  await expect(page.locator('tr[data-row="2"]')).toContainText("Ann Archer");
  await expect(page.getByText("Columns: Email ← “Work mail” · Name ← “Person”")).toBeVisible();
  await page.getByRole("button", { name: "Create accounts (2 new users)" }).click();
  await expect(page.getByRole("heading", { name: "Import finished" })).toBeVisible();
  const created = await e2eDb().user.findMany({ where: { workspaceId: workspace.workspace.id, email: { endsWith: `@${domain}` } }, orderBy: { email: "asc" }, select: { displayName: true } });
  expect(created.map((u) => u.displayName)).toEqual(["Ann Archer", "Bob Baker"]);

  // The same headers again: read as chosen, straight to review.
  await page.goto("/console/users/import");
  await page.getByLabel("CSV file", { exact: true }).setInputFiles(file);
  await page.getByRole("button", { name: "Upload and choose columns" }).click();
  await expect(counts).toContainText("Already users (skipped)2");
});
