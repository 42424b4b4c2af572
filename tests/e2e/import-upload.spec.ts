import { closeSync, openSync, readFileSync, ftruncateSync } from "node:fs";
import type { Page } from "@playwright/test";
import { IMPORT_COLUMNS } from "@/lib/csv/columns";
import { MAX_IMPORT_BYTES, TOO_LARGE_MESSAGE } from "@/lib/csv/inspect";
import { parseCsvText } from "@/lib/csv/parse";
import { createRole, createUser } from "../factories";
import { signInElsewhere } from "./support/actions";
import { e2eDb, expect, formAlert, test } from "./support/fixtures";

// The fixture files are encoded here by hand, not with the console's decoder.

/** Windows-1251 holds А–я at 0xC0–0xFF in alphabet order (Ё/ё aside, which these names do not use). */
function windows1251(text: string): Buffer {
  return Buffer.from(
    Array.from(text, (c) => {
      const code = c.charCodeAt(0);
      if (code < 0x80) return code;
      if (code >= 0x410 && code <= 0x44f) return code - 0x410 + 0xc0;
      throw new Error(`${c} is not in the test's Windows-1251 table`);
    }),
  );
}

/** The same bytes read as Windows-1252, which matches Latin-1 from 0xA0 up: what a wrong encoding shows. */
const asWindows1252 = (bytes: Buffer) => String.fromCharCode(...bytes);

/** Excel's "Unicode text": UTF-16 LE with a byte order mark, tab-separated. */
const utf16le = (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);

const csvFile = (name: string, buffer: Buffer) => ({ name, mimeType: "text/csv", buffer });

async function openImport(page: Page) {
  await page.goto("/console/users/import");
  await expect(page.getByRole("heading", { level: 1, name: "Import users" })).toBeVisible();
}

test("users: import — the users list links to Import users, whose template downloads with the seven columns and an example row", async ({
  adminPage: page,
  request,
}) => {
  await page.getByRole("link", { name: "Import users" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Import users" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Breadcrumb" })).toContainText("Users/Import users");
  await expect(page.getByRole("list", { name: "Steps" }).locator('[aria-current="step"]')).toHaveText(/Choose a file/);
  const columns = page.getByRole("table", { name: "The template’s columns" });
  await expect(columns.getByRole("rowheader")).toHaveText(["email", "name", "phone", "group", "role", "exchange domain", "exchange username"]);
  await expect(columns.getByRole("row", { name: /^email/ })).toContainText("Required");
  await expect(page.getByRole("button", { name: "Upload and review" })).toBeDisabled();

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download the CSV template" }).click()]);
  expect(download.suggestedFilename()).toBe("roster-users-template.csv");
  const bytes = readFileSync((await download.path())!);
  // A UTF-8 byte order mark, so Excel reads accents right.
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const csv = parseCsvText(bytes.toString("utf8"));
  expect(csv.header).toEqual(["email", "name", "phone", "group", "role", "exchange domain", "exchange username"]);
  expect(csv.rows).toEqual([IMPORT_COLUMNS.map((c) => c.example)]);
  expect(csv.rows[0][0]).toBe("jane.doe@example.com");

  // The template is for signed-in console users only (the `request` fixture has no session).
  const anonymous = await request.get("/api/users/import/template", { maxRedirects: 0 });
  expect(anonymous.status()).toBe(401);
});

test("users: import — a semicolon-separated Windows-1251 file is read in a worker and previewed; another encoding garbles the names", async ({
  adminPage: page,
}) => {
  await openImport(page);
  const names = ["Иван Петров", "Анна Смирнова"];
  const bytes = windows1251(`email;name;phone\r\nivan@corp.example;${names[0]};+7 495 123-45-67\r\nanna@corp.example;${names[1]};\r\n`);
  const garbled = names.map((n) => asWindows1252(windows1251(n)));
  expect(garbled[0]).toBe("Èâàí Ïåòðîâ");

  const worker = page.waitForEvent("worker");
  await page.getByLabel("CSV file", { exact: true }).setInputFiles(csvFile("staff.csv", bytes));
  await worker;

  const encoding = page.getByLabel("Encoding", { exact: true });
  await expect(encoding).toHaveValue("windows-1251");
  await expect(encoding.locator("option:checked")).toHaveText("Windows-1251 (Cyrillic) — detected");
  await expect(page.getByTestId("file-name")).toContainText("staff.csv");
  await expect(page.getByTestId("delimiter")).toHaveText("semicolon");
  await expect(page.getByTestId("row-count")).toHaveText("2 user rows");
  const table = page.getByTestId("preview-table");
  await expect(table.getByRole("columnheader")).toHaveText(["email", "name", "phone"]);
  await expect(table.locator("tbody tr").nth(0).getByRole("cell")).toHaveText(["ivan@corp.example", names[0], "+7 495 123-45-67"]);
  await expect(table.locator("tbody tr").nth(1).getByRole("cell")).toHaveText(["anna@corp.example", names[1], ""]);
  await expect(page.getByRole("button", { name: "Upload and review" })).toBeEnabled();

  await encoding.selectOption("windows-1252");
  await expect(table.locator("tbody tr td:nth-child(2)")).toHaveText(garbled);
  await expect(page.getByText("The file looked like Windows-1251 (Cyrillic).")).toBeVisible();
  await expect(page.getByRole("button", { name: "Upload and review" })).toBeEnabled();

  // An encoding that makes nothing of the file is refused, and the admin can still go back.
  await encoding.selectOption("utf-16le");
  await expect(formAlert(page)).toContainText("The file has no email column.");
  await expect(page.getByRole("button", { name: "Upload and review" })).toBeDisabled();
  await expect(table).toHaveCount(0);

  await encoding.selectOption("windows-1251");
  await expect(table.locator("tbody tr td:nth-child(2)")).toHaveText(names);
  await expect(formAlert(page)).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Upload and review" })).toBeEnabled();
});

test("users: import — a UTF-16 LE tab-separated file (Excel “Unicode text”) is previewed", async ({ adminPage: page }) => {
  await openImport(page);
  const text = "Email\tName\tPhone\r\nzoe@corp.example\tZoë Müller\t+44 20 7946 0958\r\njose@corp.example\tJosé García\t\r\n";
  await page.getByLabel("CSV file", { exact: true }).setInputFiles({ name: "unicode.txt", mimeType: "text/plain", buffer: utf16le(text) });

  await expect(page.getByLabel("Encoding", { exact: true })).toHaveValue("utf-16le");
  await expect(page.getByTestId("delimiter")).toHaveText("tab");
  await expect(page.getByTestId("row-count")).toHaveText("2 user rows");
  const table = page.getByTestId("preview-table");
  await expect(table.locator("tbody tr td:nth-child(2)")).toHaveText(["Zoë Müller", "José García"]);
  await expect(page.getByTestId("ignored-columns")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Upload and review" })).toBeEnabled();
});

test("users: import — a dropped file's aliases and any case are recognised; extra and repeated columns are listed as not imported", async ({ adminPage: page }) => {
  await openImport(page);
  const text = "E-Mail,Full Name,Cost centre,Notes,EMAIL,Department\r\nkim@corp.example,Kim Lee,42,VIP,kim2@corp.example,Sales\r\n";
  // Dropped on the drop zone rather than chosen.
  const dataTransfer = await page.evaluateHandle((content) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([content], "extra.csv", { type: "text/csv" }));
    return transfer;
  }, text);
  await page.getByTestId("drop-zone").dispatchEvent("dragover", { dataTransfer });
  await page.getByTestId("drop-zone").dispatchEvent("drop", { dataTransfer });

  await expect(page.getByTestId("file-name")).toContainText("extra.csv");

  await expect(page.getByTestId("delimiter")).toHaveText("comma");
  await expect(page.getByTestId("recognised-columns").getByRole("listitem")).toHaveText(["email (“E-Mail”)", "name (“Full Name”)", "group (“Department”)"]);
  await expect(page.getByTestId("ignored-columns")).toHaveText("These columns are not imported: Cost centre, Notes, EMAIL (repeated)");
  await expect(page.getByTestId("preview-table").locator("tbody tr").getByRole("cell")).toHaveText(["kim@corp.example", "Kim Lee", "Sales"]);
});

test("users: import — a large file is read with a progress bar", async ({ adminPage: page }) => {
  await openImport(page);
  const rows = Array.from({ length: 100_000 }, (_, i) => `user${i}@corp.example,"Doe, Jane ${i}",020 7946 ${String(i).padStart(5, "0")}`);
  const bytes = Buffer.from(`email,name,phone\n${rows.join("\n")}\n`);
  // Record every value the bar shows, as it shows it.
  await page.evaluate(() => {
    const seen: number[] = [];
    (window as unknown as { progressSeen: number[] }).progressSeen = seen;
    new MutationObserver(() => {
      const bar = document.querySelector('[role="progressbar"]');
      if (bar) seen.push(Number(bar.getAttribute("aria-valuenow")));
    }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ["aria-valuenow"] });
  });
  await page.getByLabel("CSV file", { exact: true }).setInputFiles(csvFile("large.csv", bytes));

  await expect(page.getByTestId("row-count")).toHaveText("100,000 user rows");
  await expect(page.getByRole("progressbar")).toHaveCount(0);
  await expect(page.getByTestId("preview-table").locator("tbody tr")).toHaveCount(5);
  await expect(page.getByTestId("preview-table").locator("caption")).toHaveText("The first 5 of 100,000 rows, as they will be read");
  const seen = await page.evaluate(() => (window as unknown as { progressSeen: number[] }).progressSeen);
  expect(seen.some((percent) => percent > 0 && percent < 100), `progress values seen: ${seen.join(", ")}`).toBe(true);
});

test("users: import — files that cannot be imported are refused with their reason, and nothing can be uploaded; one with unrecognised columns can be", async ({ adminPage: page }, testInfo) => {
  await openImport(page);
  const upload = page.getByRole("button", { name: "Upload and review" });
  const input = page.getByLabel("CSV file", { exact: true });

  // A good file first, so each refusal is seen to replace its preview.
  await input.setInputFiles(csvFile("good.csv", Buffer.from("email\r\na@corp.example\r\n")));
  await expect(upload).toBeEnabled();

  // No column recognised as the email column: not refused, but its columns are chosen after upload.
  await input.setInputFiles(csvFile("no-email.csv", Buffer.from("name;phone\r\nJane Doe;020 7946 0958\r\n")));
  await expect(page.getByTestId("missing-email")).toContainText('The file has no email column. The first row must name the columns, with one called "email"; this file\'s first row is: name, phone.');
  await expect(page.getByRole("button", { name: "Upload and choose columns" })).toBeEnabled();

  await input.setInputFiles(csvFile("good.csv", Buffer.from("email\r\na@corp.example\r\n")));
  await expect(upload).toBeEnabled();
  await input.setInputFiles(csvFile("empty.csv", Buffer.alloc(0)));
  await expect(formAlert(page)).toContainText("The file is empty. Add a header row and one row per user; the template shows how.");
  await expect(upload).toBeDisabled();

  const workbook = Buffer.concat([Buffer.from("PK\x03\x04", "latin1"), Buffer.alloc(200, 0x14)]);
  await input.setInputFiles({ name: "users.xlsx", mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer: workbook });
  await expect(formAlert(page)).toContainText("This is an Excel workbook or another ZIP file, not CSV.");
  await expect(upload).toBeDisabled();

  // Over the size limit: refused from its size alone (a sparse file, so nothing is written or read).
  const huge = testInfo.outputPath("huge.csv");
  const fd = openSync(huge, "w");
  ftruncateSync(fd, MAX_IMPORT_BYTES + 1);
  closeSync(fd);
  await input.setInputFiles(huge);
  await expect(formAlert(page)).toHaveText(TOO_LARGE_MESSAGE);
  await expect(page.getByRole("progressbar")).toHaveCount(0);
  await expect(upload).toBeDisabled();
});

test("users: import — a role without users.write sees no Import users and may not open it, but may read the template", async ({ browser, baseURL, workspace }) => {
  const db = e2eDb();
  const viewer = await createRole(db, workspace.workspace.id, { name: "Viewer", permissions: ["users.read"] });
  const user = await createUser(db, workspace.workspace.id, { roleId: viewer.id, displayName: "Vic Viewer", password: "viewer password 12" });
  const page = await signInElsewhere(browser, baseURL, user.email, user.password!);
  await expect(page.getByRole("button", { name: "Export" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Import users" })).toHaveCount(0);
  await page.goto("/console/users/import");
  await expect(page).toHaveURL(/\/console\/forbidden$/);
  const template = await page.request.get("/api/users/import/template");
  expect(template.status()).toBe(200);
  expect(template.headers()["content-type"]).toBe("text/csv; charset=utf-8");
  expect(template.headers()["cache-control"]).toBe("no-store");
  await page.context().close();
});
