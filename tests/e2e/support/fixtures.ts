import { test as base, expect, type Page } from "@playwright/test";
import { createDb, type Db } from "@/lib/db/client";
import { parseDatabaseUrl } from "@/lib/db/url";
import { createWorkspace } from "../../factories";

type Workspace = Awaited<ReturnType<typeof createWorkspace>>;

let db: Db | undefined;
/** The database the console under test uses (the same file or server). */
export function e2eDb(): Db {
  db ??= createDb(parseDatabaseUrl(process.env.E2E_DATABASE_URL ?? "file:./data/e2e.db"));
  return db;
}

/** A form's error or notice (Next.js's route announcer also has role=alert). */
export function formAlert(page: Page) {
  return page.locator('[role="alert"]:not(#__next-route-announcer__), [role="status"]').first();
}

/** Signs in through the sign-in form. */
export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/console\/users$/);
}

/**
 * Every test gets its own workspace (so tests run in parallel without
 * seeing each other) and a page signed in as its administrator.
 */
export const test = base.extend<{ workspace: Workspace; adminPage: Page }>({
  workspace: async ({}, use) => {
    await use(await createWorkspace(e2eDb()));
  },
  adminPage: async ({ page, workspace }, use) => {
    await signIn(page, workspace.admin.email, workspace.admin.password);
    await use(page);
  },
});

export { expect };
