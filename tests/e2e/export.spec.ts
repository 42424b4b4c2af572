import { readFileSync } from "node:fs";
import { parseCsvText } from "@/lib/csv/parse";
import { createUsers } from "../factories";
import { e2eDb, expect, test } from "./support/fixtures";

test("users: Export downloads the current search as CSV", async ({ adminPage: page, workspace }) => {
  await createUsers(e2eDb(), workspace.workspace.id, 12, { roleId: workspace.roles.user, emailDomain: "export.example" });
  await page.getByLabel("Search").fill("export.example");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page.getByTestId("user-count")).toHaveText("12 users match");

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Export" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^users-\d{4}-\d{2}-\d{2}\.csv$/);
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
