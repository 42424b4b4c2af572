import { createEnrollmentToken } from "@/lib/enrollment/tokens";
import { createUser } from "../factories";
import { e2eDb, expect, formAlert, test } from "./support/fixtures";

test("profiles: a wrong setting is shown at its field; applied to a user it reaches their enrolled device's page and the agent, and leaves when removed", async ({ adminPage: page, workspace, request }) => {
  const db = e2eDb();
  const user = await createUser(db, workspace.workspace.id, { roleId: workspace.roles.user, displayName: "Petra Policy" });
  const { token } = await createEnrollmentToken(db, { workspaceId: workspace.workspace.id, userId: user.id, createdById: workspace.admin.id });

  // Create an Android profile from the navigation.
  await page.getByRole("navigation", { name: "Console" }).getByRole("link", { name: "Profiles" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Profiles" })).toBeVisible();
  const create = page.getByRole("form", { name: "New profile" });
  await create.getByLabel("Profile name").fill("Phones");
  await create.getByLabel("Operating system").selectOption({ label: "Android" });
  await create.getByRole("button", { name: "Create profile" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Phones" })).toBeVisible();

  // A password length below the minimum is refused at its field; nothing is saved.
  const editor = page.getByRole("form", { name: "Profile settings" });
  await editor.getByLabel("Screen lock").selectOption({ label: "Required" });
  const length = editor.getByLabel("Password minimum length");
  await length.fill("2");
  await editor.getByRole("button", { name: "Save profile" }).click();
  await expect(length).toHaveAttribute("aria-invalid", "true");
  await expect(length).toHaveAccessibleDescription("Use at least 4 characters.");
  await expect(formAlert(page)).toContainText("Check the highlighted fields.");
  await length.fill("8");
  await editor.getByRole("button", { name: "Save profile" }).click();
  await expect(formAlert(page)).toContainText("Profile saved.");
  await expect(length).not.toHaveAttribute("aria-invalid", "true");

  // Apply it to the user from their Profiles tab.
  await page.goto(`/console/users/${user.id}?tab=profiles`);
  await page.getByLabel("Profile to apply").selectOption({ label: "Phones (Android)" });
  await page.getByRole("button", { name: "Apply profile" }).click();
  await expect(page.getByRole("link", { name: "Phones" })).toBeVisible();

  // The agent enrolls an Android phone with the user's token and gets the policy.
  const enrolled = await request.post("/api/agent/enroll", { data: { token, device: { os: "android", osVersion: "15", name: "Petra's Pixel" } } });
  expect(enrolled.status()).toBe(200);
  const { deviceId, credential } = (await enrolled.json()) as { deviceId: string; credential: string };
  const policy = await request.get("/api/agent/policy", { headers: { authorization: `Bearer ${credential}` } });
  expect(policy.status()).toBe(200);
  expect(await policy.json()).toEqual({ deviceId, osFamily: "ANDROID", settings: { passwordMinLength: 8, screenLock: true } });
  const etag = policy.headers()["etag"];
  expect((await request.get("/api/agent/policy", { headers: { authorization: `Bearer ${credential}`, "if-none-match": etag } })).status()).toBe(304);

  // The device page, reached from the user's Associated Devices, shows each setting and where it comes from.
  await page.goto(`/console/users/${user.id}?tab=devices`);
  await page.getByRole("link", { name: "Petra's Pixel" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Petra's Pixel" })).toBeVisible();
  const table = page.getByRole("table", { name: "Effective policy" });
  await expect(table.getByRole("row", { name: /Password minimum length 8 characters Phones The user/ })).toBeVisible();
  await expect(table.getByRole("row", { name: /Screen lock Required Phones The user/ })).toBeVisible();

  // Remove the assignment (with confirmation): the settings leave the device page and the agent's policy.
  await page.goto(`/console/users/${user.id}?tab=profiles`);
  await page.getByRole("button", { name: "Remove profile Phones" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Remove" }).click();
  await expect(page.getByText("No profiles applied to this user directly.")).toBeVisible();
  await page.goto(`/console/devices/${deviceId}`);
  await expect(page.getByText("No profile settings")).toBeVisible();
  await expect(page.getByRole("table", { name: "Effective policy" })).toHaveCount(0);
  const after = await request.get("/api/agent/policy", { headers: { authorization: `Bearer ${credential}`, "if-none-match": etag } });
  expect(after.status()).toBe(200);
  expect(((await after.json()) as { settings: object }).settings).toEqual({});
});
