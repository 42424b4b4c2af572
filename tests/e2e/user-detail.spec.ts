import type { Page } from "@playwright/test";
import { createUser } from "../factories";
import { isServerAction, runServerAction, tamperWithServerActions } from "./support/actions";
import { e2eDb, expect, test } from "./support/fixtures";
import { shownTime } from "./support/times";
import { UsersList } from "./support/users-list";

/** The User Info tab's fields. */
function field(page: Page, label: "Email" | "Name" | "Phone" | "Role") {
  return page.getByLabel(label, { exact: true });
}

/** Clicks Save changes and waits for the server's answer. */
function save(page: Page) {
  return runServerAction(page, () => page.getByRole("button", { name: "Save changes" }).click());
}

/** One of the facts beside the form (Alias, Devices, 2FA status, …). */
function fact(page: Page, term: string) {
  return page.locator("dt", { hasText: term }).locator("+ dd");
}

const stored = (id: string) => e2eDb().user.findUniqueOrThrow({ where: { id }, select: { email: true, displayName: true, phone: true, roleId: true, twoFactor: true } });

test("users: open a user from the list, edit name, phone and email, and see the list change", async ({ adminPage: page, workspace }) => {
  const dana = await createUser(e2eDb(), workspace.workspace.id, { roleId: workspace.roles.user, displayName: "Dana Draft", email: "dana.draft@corp.example", phone: "+1 555 000 1111", devices: 2 });
  const list = new UsersList(page);
  await list.goto();
  await list.rows.getByRole("link", { name: "Dana Draft" }).click();

  await expect(page).toHaveURL(`/console/users/${dana.id}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Dana Draft");
  await expect(page.getByText("dana.draft@corp.example · User")).toBeVisible();
  await expect(page.getByRole("tab", { name: "User Info", selected: true })).toBeVisible();
  await expect(field(page, "Email")).toHaveValue("dana.draft@corp.example");
  await expect(field(page, "Name")).toHaveValue("Dana Draft");
  await expect(field(page, "Phone")).toHaveValue("+1 555 000 1111");
  await expect(field(page, "Role")).toHaveValue(workspace.roles.user);
  await expect(fact(page, "Devices")).toHaveText("2 devices");
  await expect(fact(page, "Last login")).toHaveText("Not logged in yet");

  await field(page, "Name").fill("Dana Final");
  await field(page, "Phone").fill("+44 20 7946 0958");
  await field(page, "Email").fill("dana.final@corp.example");
  await save(page);
  await expect(page.getByRole("status")).toHaveText("Changes saved.");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Dana Final");
  await expect(page.getByText("dana.final@corp.example · User")).toBeVisible();
  expect(await stored(dana.id)).toMatchObject({ email: "dana.final@corp.example", displayName: "Dana Final", phone: "+44 20 7946 0958" });

  await page.getByRole("navigation", { name: "Breadcrumb" }).getByRole("link", { name: "Users" }).click();
  await expect(page).toHaveURL(/\/console\/users$/);
  await expect(list.row("dana.final@corp.example").getByRole("cell")).toHaveText(["", "Dana Final", "dana.final@corp.example", "User", "+44 20 7946 0958", "2", "Not available", "Not logged in yet"]);
  await expect(list.row("dana.draft@corp.example")).toHaveCount(0);
  // The search finds the user by the new values, not the old ones (the alias, dana.draft, stays).
  await list.search("7946");
  await expect(list.column("Email")).toHaveText(["dana.final@corp.example"]);
  await list.search("Dana Draft");
  await expect(list.count).toHaveText("0 users match");
  await list.search("555 000 1111");
  await expect(list.count).toHaveText("0 users match");
});

test("users: an invalid email or phone is refused at the field and nothing changes", async ({ adminPage: page, workspace }) => {
  const erin = await createUser(e2eDb(), workspace.workspace.id, { roleId: workspace.roles.user, displayName: "Erin Exact", email: "erin@corp.example", phone: "+1 555 222 3333" });
  const before = await stored(erin.id);
  await page.goto(`/console/users/${erin.id}`);

  let actions = 0;
  page.on("request", (r) => {
    if (isServerAction(r)) actions++;
  });
  await field(page, "Email").fill("erin-at-corp");
  await field(page, "Phone").fill("call me maybe");
  await field(page, "Name").fill("Erin Changed");
  await page.getByRole("button", { name: "Save changes" }).click();

  await expect(page.getByRole("alert").filter({ hasText: "highlighted" })).toHaveText("Check the highlighted fields.");
  await expect(field(page, "Email")).toHaveAttribute("aria-invalid", "true");
  await expect(field(page, "Email")).toHaveAccessibleDescription("Enter a valid email address");
  await expect(field(page, "Phone")).toHaveAttribute("aria-invalid", "true");
  await expect(field(page, "Phone")).toHaveAccessibleDescription("Use digits, spaces and + ( ) - . / only");
  await expect(field(page, "Name")).not.toHaveAttribute("aria-invalid");
  expect(actions).toBe(0);
  expect(await stored(erin.id)).toEqual(before);

  // The server checks too: a valid-looking form whose request is altered on the way is refused the same way.
  await field(page, "Email").fill("erin.new@corp.example");
  await field(page, "Phone").fill("+1 555 222 4444");
  const tampering = await tamperWithServerActions(page, "erin.new@corp.example", "erin-at-corp");
  await save(page);
  expect(tampering.rewritten()).toBe(1);
  await expect(field(page, "Email")).toHaveAccessibleDescription("Enter a valid email address");
  await expect(field(page, "Phone")).not.toHaveAttribute("aria-invalid");
  await expect(page.getByRole("status")).toHaveCount(0);
  expect(await stored(erin.id)).toEqual(before);
});

test("users: an email another user of the workspace has is refused at the field", async ({ adminPage: page, workspace }) => {
  const db = e2eDb();
  await createUser(db, workspace.workspace.id, { roleId: workspace.roles.user, displayName: "Tara Taken", email: "tara@corp.example" });
  const fred = await createUser(db, workspace.workspace.id, { roleId: workspace.roles.user, displayName: "Fred Free", email: "fred@corp.example" });
  const before = await stored(fred.id);
  await page.goto(`/console/users/${fred.id}`);

  // Emails are unique whatever their letter case.
  await field(page, "Email").fill("TARA@Corp.Example");
  await field(page, "Name").fill("Fred Renamed");
  await save(page);
  await expect(page.getByRole("alert").filter({ hasText: "highlighted" })).toHaveText("Check the highlighted fields.");
  await expect(field(page, "Email")).toHaveAttribute("aria-invalid", "true");
  await expect(field(page, "Email")).toHaveAccessibleDescription("Another user already has this email");
  expect(await stored(fred.id)).toEqual(before);

  // Their own address in other letter case is not "taken".
  await field(page, "Email").fill("Fred@corp.example");
  await save(page);
  await expect(page.getByRole("status")).toHaveText("Changes saved.");
  expect(await stored(fred.id)).toMatchObject({ email: "Fred@corp.example", displayName: "Fred Renamed" });
});

test("users: a user's role changes to Administrator and back, and each save is audited", async ({ adminPage: page, workspace }) => {
  const gil = await createUser(e2eDb(), workspace.workspace.id, { roleId: workspace.roles.user, displayName: "Gil Grant", email: "gil@corp.example" });
  await page.goto(`/console/users/${gil.id}`);
  await expect(fact(page, "2FA status")).toHaveText("Not available");

  await field(page, "Role").selectOption({ label: "Administrator" });
  await save(page);
  await expect(page.getByRole("status")).toHaveText("Changes saved.");
  await expect(page.getByText("gil@corp.example · Administrator")).toBeVisible();
  // An administrator can sign in to the console, so 2FA now applies (not set up yet: Not active; Not configured is for a reset).
  await expect(fact(page, "2FA status")).toHaveText("Not active");
  expect(await stored(gil.id)).toMatchObject({ roleId: workspace.roles.admin, twoFactor: "NOT_ACTIVE" });

  await field(page, "Role").selectOption({ label: "User" });
  await save(page);
  await expect(page.getByText("gil@corp.example · User")).toBeVisible();
  await expect(fact(page, "2FA status")).toHaveText("Not available");
  expect(await stored(gil.id)).toMatchObject({ roleId: workspace.roles.user, twoFactor: "NOT_AVAILABLE" });

  const list = new UsersList(page);
  await list.goto("?role=" + workspace.roles.admin);
  await expect(list.column("Email")).toHaveText([workspace.admin.email]);

  await page.goto("/console/audit");
  const updates = page.getByRole("row").filter({ hasText: "Changed user" });
  await expect(updates).toHaveCount(2);
  for (const row of await updates.all()) {
    await expect(row.getByRole("cell")).toHaveText([shownTime(), workspace.admin.email, "Changed user", "gil@corp.example", /^[0-9a-f.:]+$/]);
  }
  const events = await e2eDb().auditEvent.findMany({ where: { workspaceId: workspace.workspace.id, action: "user.update" }, orderBy: { createdAt: "asc" } });
  expect(events.map((e) => JSON.parse(e.details))).toEqual([
    // Gaining console access without a password mails an activation link (issue 11).
    { changed: ["role"], role: { from: "User", to: "Administrator" }, activation: true },
    { changed: ["role"], role: { from: "Administrator", to: "User" } },
  ]);
});
