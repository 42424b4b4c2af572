import { readFileSync } from "node:fs";
import { parseCsvText } from "@/lib/csv/parse";
import { createUsers } from "../factories";
import { e2eDb, expect, test } from "./support/fixtures";
import { UsersList } from "./support/users-list";

test("users: Export downloads the current search as CSV", async ({ adminPage: page, workspace }) => {
  await createUsers(e2eDb(), workspace.workspace.id, 12, { roleId: workspace.roles.user, emailDomain: "export.example" });
  await new UsersList(page).search("export.example");
  await expect(page.getByTestId("user-count")).toHaveText("12 users match");

  const toasts = page.getByTestId("toasts");
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Export" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^users-\d{4}-\d{2}-\d{2}\.csv$/);
  // Said when it starts (with how many users) and when the file is ready.
  await expect(toasts).toContainText("Export started: 12 users.");
  await expect(toasts).toContainText(`Export finished: ${download.suggestedFilename()} is downloaded.`);
  await expect(page.getByRole("button", { name: "Export", exact: true })).toBeEnabled();
  const csv = parseCsvText(readFileSync((await download.path())!, "utf8"));
  expect(csv.header.slice(0, 3)).toEqual(["Name", "Email", "Phone"]);
  expect(csv.rows).toHaveLength(12);
  expect(csv.rows.every((r) => r[1].endsWith("@export.example"))).toBe(true);
});

test("users: Export is a POST from the console's own pages; a GET is 405 and another origin is refused, writing nothing", async ({ adminPage: page, workspace }) => {
  const get = await page.request.get("/api/users/export");
  expect(get.status()).toBe(405);
  const foreign = await page.request.post("/api/users/export", { headers: { origin: "https://evil.example" } });
  expect(foreign.status()).toBe(403);
  expect((await foreign.json()).error.code).toBe("FORBIDDEN");
  expect(await e2eDb().export.count({ where: { workspaceId: workspace.workspace.id } })).toBe(0);
});

test("users: an export the server refuses says so in a toast", async ({ adminPage: page }) => {
  await page.route("**/api/users/export**", (route) => route.fulfill({ status: 403, contentType: "application/json", body: JSON.stringify({ error: { code: "FORBIDDEN", message: "You may not export users." } }) }));
  await page.getByRole("button", { name: "Export", exact: true }).click();
  await expect(page.getByTestId("toasts")).toContainText("Export started");
  await expect(page.getByTestId("toasts")).toContainText("You may not export users.");
  await expect(page.getByTestId("toasts")).not.toContainText("Export finished");
});
