import { randomBytes } from "node:crypto";
import type { Page } from "@playwright/test";
import { e2eDb, expect, test } from "./support/fixtures";

const next = (page: Page) => page.getByRole("button", { name: "Next", exact: true });
const back = (page: Page) => page.getByRole("button", { name: "Back", exact: true });

async function toCheckData(page: Page, text: string) {
  await page.goto("/console/users/add");
  await page.getByLabel(/Type or paste addresses/).fill(text);
  await next(page).click();
  await expect(page.getByRole("heading", { name: "Check data" })).toBeVisible();
}

test("users: add users wizard: Check data edits survive Back and forward, and a default alias follows an edited email", async ({ adminPage: page }) => {
  const tag = randomBytes(3).toString("hex");
  const d = `back-${tag}.example`;
  await toCheckData(page, `ann@${d}\nbob@${d}\nAnn Other <cy@${d}>`);

  // An edited email takes its default alias along; an alias the admin typed stays.
  await page.getByLabel("Email of row 2").fill(`robert@${d}`);
  await expect(page.getByLabel("Alias of row 2")).toHaveValue("robert");
  await page.getByLabel("Alias of row 1").fill("annie");
  await page.getByLabel("Email of row 1").fill(`anne@${d}`);
  await expect(page.getByLabel("Alias of row 1")).toHaveValue("annie");
  await page.getByLabel("Name of row 3").fill("Cy Young");

  // Back, add an address to the list, forward: the edited rows are as they were, the new one is fresh.
  await back(page).click();
  await expect(page.getByLabel(/Type or paste addresses/)).toHaveValue(`ann@${d}\nbob@${d}\nAnn Other <cy@${d}>`);
  await page.getByLabel(/Type or paste addresses/).fill(`ann@${d}\nbob@${d}\nAnn Other <cy@${d}>\ndee@${d}`);
  await next(page).click();
  await expect(page.getByTestId("check-row")).toHaveCount(4);
  await expect(page.getByLabel("Email of row 1")).toHaveValue(`anne@${d}`);
  await expect(page.getByLabel("Alias of row 1")).toHaveValue("annie");
  await expect(page.getByLabel("Email of row 2")).toHaveValue(`robert@${d}`);
  await expect(page.getByLabel("Alias of row 2")).toHaveValue("robert");
  await expect(page.getByLabel("Name of row 3")).toHaveValue("Cy Young");
  await expect(page.getByLabel("Email of row 4")).toHaveValue(`dee@${d}`);
  await expect(page.getByLabel("Alias of row 4")).toHaveValue("dee");

  // A removed row stays out when the list comes back, and can be put back.
  await page.getByRole("button", { name: `Remove dee@${d}` }).click();
  await back(page).click();
  await next(page).click();
  await expect(page.getByTestId("check-row")).toHaveCount(3);
  await page.getByTestId("removed-rows").getByRole("button", { name: "Put it back" }).click();
  await expect(page.getByTestId("check-row")).toHaveCount(4);

  // What Finish adds is what Check data shows.
  await next(page).click();
  await page.getByLabel(/Email the users instructions/).uncheck();
  await page.getByRole("button", { name: "Finish" }).click();
  await expect(page.getByTestId("add-users-summary")).toContainText("4 added");
  const users = await e2eDb().user.findMany({ where: { emailNormalized: { endsWith: `@${d}` } }, select: { email: true, alias: true, displayName: true }, orderBy: { email: "asc" } });
  expect(users).toEqual([
    { email: `anne@${d}`, alias: "annie", displayName: "" },
    { email: `cy@${d}`, alias: "cy", displayName: "Cy Young" },
    { email: `dee@${d}`, alias: "dee", displayName: "" },
    { email: `robert@${d}`, alias: "robert", displayName: "" },
  ]);
});

test("users: add users wizard: an address edited into an existing user's is marked on Check data", async ({ adminPage: page, workspace }) => {
  const tag = randomBytes(3).toString("hex");
  await toCheckData(page, `new-${tag}@corp.example\nother-${tag}@corp.example`);
  const row2 = page.getByTestId("check-row").nth(1);
  await expect(row2).not.toContainText("Already a user");
  await page.getByLabel("Email of row 2").fill(workspace.admin.email.toUpperCase());
  await expect(row2).toContainText("Already a user — will not be added again");
  await expect(page.getByTestId("check-row").nth(0)).not.toContainText("Already a user");
  // And back to a new address: the mark goes.
  await page.getByLabel("Email of row 2").fill(`other-${tag}@corp.example`);
  await expect(row2).not.toContainText("Already a user");
});

test("users: add users wizard: a name over the limit says why Next is disabled, and can be edited", async ({ adminPage: page }) => {
  const tag = randomBytes(3).toString("hex");
  const long = `Very ${"Long".repeat(50)} Name`;
  expect(long.length).toBeGreaterThan(200);
  await toCheckData(page, `"${long}" <long-${tag}@corp.example>\nshort-${tag}@corp.example`);
  const name = page.getByLabel("Name of row 1");
  await expect(name).toHaveValue(long);
  await expect(name).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByTestId("check-row").nth(0)).toContainText("Name is longer than 200 characters");
  await expect(next(page)).toBeDisabled();
  await expect(page.getByTestId("check-blocked")).toHaveText("Fix the row marked in red to go on.");
  await name.fill("Val Long");
  await expect(page.getByText("Name is longer than 200 characters")).toHaveCount(0);
  await expect(next(page)).toBeEnabled();
});

test("users: add users wizard: names pasted in typographic quotes lose them", async ({ adminPage: page }) => {
  const tag = randomBytes(3).toString("hex");
  await toCheckData(page, `“Jane Doe” <jane-${tag}@corp.example>, ‘Ann Lee’ <ann-${tag}@corp.example>; « Zoé Martin » <zoe-${tag}@corp.example>\n“Doe, John” <john-${tag}@corp.example>`);
  await expect(page.getByTestId("check-row")).toHaveCount(4);
  await expect(page.getByLabel("Name of row 1")).toHaveValue("Jane Doe");
  await expect(page.getByLabel("Name of row 2")).toHaveValue("Ann Lee");
  await expect(page.getByLabel("Name of row 3")).toHaveValue("Zoé Martin");
  await expect(page.getByLabel("Name of row 4")).toHaveValue("Doe, John");
});

test("users: add users wizard: an IDN domain is shown in Unicode on Check data, the summary and the list, and stored and delivered in punycode", async ({ adminPage: page, workspace }) => {
  const tag = randomBytes(3).toString("hex");
  const unicode = `jose-${tag}@exämple.com`;
  const ascii = `jose-${tag}@xn--exmple-cua.com`;
  await toCheckData(page, `José <${unicode}>`);
  await expect(page.getByLabel("Email of row 1")).toHaveValue(unicode);
  await next(page).click();
  await page.getByRole("button", { name: "Finish" }).click();
  const summary = page.getByTestId("add-users-summary");
  await expect(summary).toContainText("1 added");
  await expect(summary.getByTestId("added-addresses")).toHaveText(unicode);

  const db = e2eDb();
  const user = await db.user.findFirstOrThrow({ where: { workspaceId: workspace.workspace.id, displayName: "José" }, select: { id: true, email: true } });
  expect(user.email).toBe(ascii);
  expect((await db.emailMessage.findFirstOrThrow({ where: { userId: user.id } })).to).toBe(ascii);

  // Searched for as people see it, the Unicode domain finds the user.
  await page.goto(`/console/users?q=${encodeURIComponent(`exämple.com`)}`);
  await expect(page.getByTestId("user-count")).toHaveText("1 user matches");
  await expect(page.getByRole("cell", { name: unicode, exact: true })).toBeVisible();
  await expect(page.getByText(ascii)).toHaveCount(0);
  await page.getByRole("link", { name: "José" }).click();
  await expect(page.getByText(`${unicode} · User`)).toBeVisible();
});

test("users: add users wizard: the next-steps message is a dialog closed with OK, on the first five finishes with instructions only", async ({ adminPage: page, workspace }) => {
  const db = e2eDb();
  async function finish(withInstructions: boolean) {
    await toCheckData(page, `hint-${randomBytes(4).toString("hex")}@corp.example`);
    await next(page).click();
    if (!withInstructions) await page.getByLabel(/Email the users instructions/).uncheck();
    await page.getByRole("button", { name: "Finish" }).click();
    await expect(page.getByTestId("add-users-summary")).toBeVisible();
  }
  const dialog = page.getByRole("dialog", { name: "What happens next" });

  // Without instructions: no message, and the count stays.
  await finish(false);
  await expect(dialog).toHaveCount(0);
  expect((await db.user.findUniqueOrThrow({ where: { id: workspace.admin.id } })).nextStepsHintCount).toBe(0);

  // The first finish with instructions: a modal, focus on OK, Escape closes it.
  await finish(true);
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText("Each user receives an email with instructions");
  await expect(dialog.getByRole("button", { name: "OK" })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();

  // The fifth: closed with OK.
  await db.user.update({ where: { id: workspace.admin.id }, data: { nextStepsHintCount: 4 } });
  await finish(true);
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "OK" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("link", { name: "Go to users" })).toBeVisible();

  // The sixth: none.
  await finish(true);
  await expect(page.getByTestId("add-users-summary")).toContainText("1 sent instructions");
  await expect(dialog).toHaveCount(0);
});
