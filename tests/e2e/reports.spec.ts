import { readFileSync } from "node:fs";
import type { Download, Page } from "@playwright/test";
import { parseCsvText } from "@/lib/csv/parse";
import { createRole, createUser, createUsers, createWorkspace } from "../factories";
import { e2eDb, expect, test } from "./support/fixtures";
import { shownTime } from "./support/times";
import { UsersList } from "./support/users-list";

async function download(page: Page, click: () => Promise<void>): Promise<{ file: Download; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent("download"), click()]);
  return { file, bytes: readFileSync((await file.path())!) };
}

/** A stored export written straight to the database (complete unless told otherwise). */
function storedExport(workspaceId: string, opts: { content: string; complete?: boolean }) {
  return e2eDb().export.create({
    data: {
      workspaceId,
      kind: "users",
      fileName: "users-2026-01-02.csv",
      description: "All users · sorted by name",
      actorEmail: "someone@acme.test",
      rowCount: 1,
      completedAt: opts.complete === false ? null : new Date(),
      chunks: { create: [{ seq: 0, content: opts.content }] },
    },
  });
}

test("reports: an export from the users list is listed with its rows and who made it, and downloads again byte for byte", async ({ adminPage: page, workspace }) => {
  await createUsers(e2eDb(), workspace.workspace.id, 7, { roleId: workspace.roles.user, emailDomain: "reports.example" });
  await createUsers(e2eDb(), workspace.workspace.id, 3, { roleId: workspace.roles.user, emailDomain: "elsewhere.example", startAt: 100 });
  const list = new UsersList(page);
  await list.search("reports.example");
  await expect(list.count).toHaveText("7 users match");
  const first = await download(page, () => page.getByRole("button", { name: "Export" }).click());
  expect(parseCsvText(first.bytes.toString("utf8")).rows).toHaveLength(7);

  await page.getByRole("navigation", { name: "Console" }).getByRole("link", { name: "Reports" }).click();
  await expect(page).toHaveURL(/\/console\/reports$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Reports");
  await expect(page.getByRole("link", { name: "Reports" })).toHaveAttribute("aria-current", "page");
  const rows = page.getByRole("table", { name: "Past exports" }).locator("tbody tr");
  await expect(rows).toHaveCount(1);
  await expect(rows.first().getByRole("cell")).toHaveText([
    first.file.suggestedFilename(),
    "7",
    'Search "reports.example" · sorted by name',
    workspace.admin.email,
    shownTime(),
    "Complete",
    /^Download/,
  ]);

  const again = await download(page, () => rows.first().getByRole("link", { name: /^Download/ }).click());
  expect(again.file.suggestedFilename()).toBe(first.file.suggestedFilename());
  expect(again.bytes.equals(first.bytes)).toBe(true);
  expect(await e2eDb().auditEvent.count({ where: { workspaceId: workspace.workspace.id, action: "export.download" } })).toBe(1);
});

test("reports: an empty list, an incomplete export without Download, and downloads refused to the signed out, the unpermitted and other workspaces", async ({ adminPage: page, workspace, request, browser, baseURL }) => {
  await page.goto("/console/reports");
  await expect(page.getByText("No exports yet")).toBeVisible();

  const ws = workspace.workspace.id;
  const mine = await storedExport(ws, { content: "Name\r\nMine\r\n" });
  const incomplete = await storedExport(ws, { content: "Name\r\nHalf\r\n", complete: false });
  const other = await createWorkspace(e2eDb());
  const theirs = await storedExport(other.workspace.id, { content: "Name\r\nTheirs\r\n" });

  await page.reload();
  const rows = page.getByRole("table", { name: "Past exports" }).locator("tbody tr");
  await expect(rows).toHaveCount(2);
  const halfRow = rows.filter({ hasText: "Incomplete" });
  await expect(halfRow).toHaveCount(1);
  await expect(halfRow.getByRole("link")).toHaveCount(0);
  await expect(rows.filter({ hasText: "Complete" }).filter({ hasNotText: "Incomplete" }).getByRole("link", { name: /^Download/ })).toHaveAttribute("href", `/api/exports/${mine.id}`);

  const ok = await page.request.get(`/api/exports/${mine.id}`);
  expect(ok.status()).toBe(200);
  expect(ok.headers()["content-type"]).toBe("text/csv; charset=utf-8");
  expect(ok.headers()["content-disposition"]).toBe('attachment; filename="users-2026-01-02.csv"');
  expect(ok.headers()["cache-control"]).toContain("no-store");
  expect(await ok.text()).toBe("Name\r\nMine\r\n");
  for (const id of [incomplete.id, theirs.id, "no-such-export"]) {
    const response = await page.request.get(`/api/exports/${id}`);
    expect(response.status(), id).toBe(404);
    expect(await response.text()).not.toContain("Theirs");
  }

  expect((await request.get(`/api/exports/${mine.id}`)).status()).toBe(401);

  // A console role without users.read: the page is not allowed and the download is refused.
  const role = await createRole(e2eDb(), ws, { name: "Auditor only", permissions: ["audit.read"] });
  const auditor = await createUser(e2eDb(), ws, { roleId: role.id, password: "auditor password 12" });
  const context = await browser.newContext({ baseURL });
  const auditorPage = await context.newPage();
  await auditorPage.goto("/sign-in");
  await auditorPage.getByLabel("Email").fill(auditor.email);
  await auditorPage.getByLabel("Password").fill(auditor.password!);
  await auditorPage.getByRole("button", { name: "Sign in" }).click();
  await expect(auditorPage.getByRole("heading", { level: 1 })).toHaveText("Not allowed");
  await auditorPage.goto("/console/reports");
  await expect(auditorPage).toHaveURL(/\/console\/forbidden$/);
  expect((await auditorPage.request.get(`/api/exports/${mine.id}`)).status()).toBe(403);
  await context.close();
});
