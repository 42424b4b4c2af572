import AxeBuilder from "@axe-core/playwright";
import type { Page, TestInfo } from "@playwright/test";
import { createEnrollmentToken } from "@/lib/enrollment/tokens";
import { stageImport } from "@/lib/imports/stage-import";
import { assignProfile } from "@/lib/profiles/assign-profile";
import { createProfile, updateProfile } from "@/lib/profiles/manage-profiles";
import { sendInstructions } from "@/lib/users/send-instructions";
import { consoleContextFor, createGroups, createLicense, createUser, createUsers } from "../factories";
import { e2eDb, expect, test } from "./support/fixtures";

const widths = [
  { name: "phone", width: 390, height: 844 },
  { name: "tablet", width: 768, height: 1024 },
  { name: "desktop", width: 1280, height: 800 },
] as const;

// Long, unbreakable addresses are what push tables and the mailbox wider than a phone.
const longEmail = "alexandra.konstantinopoulou-vandenberghe@subsidiary-northwind-logistics.example";

/** A workspace with something on every page: users with devices, a group, a license, a message, a token, an import in review. */
async function seed(workspace: { workspace: { id: string }; roles: { user: string }; admin: { id: string } }) {
  const db = e2eDb();
  const ws = workspace.workspace.id;
  const { userIds } = await createUsers(db, ws, 8, { roleId: workspace.roles.user, withDevices: 1 });
  const person = await createUser(db, ws, { roleId: workspace.roles.user, email: longEmail, displayName: "Alexandra Konstantinopoulou-Vandenberghe", phone: "+44 20 7946 0001", devices: 2 });
  const { groupIds } = await createGroups(db, ws, [{ name: "Field Sales", description: "Road warriors on every continent", memberIds: [...userIds.slice(0, 2), person.id] }], { createdById: workspace.admin.id });
  await createLicense(db, ws, { product: "Endpoint Security Business", seats: 250 });
  const ctx = await consoleContextFor(db, workspace.admin.id);
  await sendInstructions(ctx, { userIds: [person.id] }, { baseUrl: "http://localhost" });
  const message = await db.emailMessage.findFirstOrThrow({ where: { workspaceId: ws, userId: person.id }, select: { id: true } });
  const { token } = await createEnrollmentToken(db, { workspaceId: ws, userId: person.id, createdById: workspace.admin.id });
  const csv = [
    "email,name,phone,group,role,exchange domain,exchange username",
    `${longEmail.replace("alexandra", "alexander")},Alexander Konstantinopoulou-Vandenberghe,+44 20 7946 0002,Field Sales;Regional Operations Northern Europe,User,NORTHWIND-LOGISTICS,alexander.konstantinopoulou`,
    `${longEmail},Alexandra Again,,,,,`,
    "not-an-address,Nobody,,,,,",
  ].join("\r\n");
  const device = await db.device.findFirstOrThrow({ where: { userId: person.id, osFamily: "WINDOWS" }, select: { id: true } });
  const profile = await createProfile(ctx, { name: "Northwind laptops with containment enforced", osFamily: "WINDOWS" });
  await updateProfile(ctx, { profileId: profile.id, name: "Northwind laptops with containment enforced", antivirus: "on", containmentMode: "enforce" });
  await assignProfile(ctx, { profileId: profile.id, target: "user", targetId: person.id });
  const staged = await stageImport(ctx, { bytes: new TextEncoder().encode(csv), fileName: "northwind-logistics-new-starters-2026.csv" });
  const consolePaths = [
    "/console/users",
    `/console/users/${person.id}`,
    `/console/users/${person.id}?tab=devices`,
    `/console/users/${person.id}?tab=tokens`,
    `/console/users/${person.id}?tab=groups`,
    `/console/users/${person.id}?tab=profiles`,
    "/console/users/add",
    "/console/users/new",
    "/console/users/import",
    `/console/users/import/${staged.id}`,
    `/console/users/import/${staged.id}?show=create`,
    `/console/users/import/${staged.id}?show=existing`,
    "/console/groups",
    `/console/groups/${groupIds[0]}`,
    "/console/devices",
    `/console/devices/${device.id}`,
    "/console/profiles",
    `/console/profiles/${profile.id}`,
    "/console/licenses",
    "/console/mailbox",
    `/console/mailbox/${message.id}`,
    "/console/reports",
    "/console/audit",
    "/console/settings",
    "/console/settings/sessions",
    "/console/settings/two-factor",
    "/console/settings/roles",
    `/enroll/${token}`,
  ];
  return { consolePaths };
}

/**
 * Checks one loaded page: no serious or critical axe violation, no sideways
 * scrolling, and a full-page screenshot kept with the test's results.
 */
async function checkPage(page: Page, testInfo: TestInfo, label: string, path: string) {
  await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
  // Record ids and tokens are long; the file name keeps only the route's shape ("phone-console-users-id-tab-tokens.png").
  const slug = path.replace(/\/[A-Za-z0-9_-]{20,}/g, "/id").replace(/[^a-z0-9]+/gi, "-").replace(/^-|-$/g, "");
  const file = testInfo.outputPath(`${label}-${slug}.png`);
  await page.screenshot({ path: file, fullPage: true });
  await testInfo.attach(`${label} ${path}`, { path: file, contentType: "image/png" });

  const width = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth }));
  expect.soft(width.scroll, `${path} at ${label} is ${width.scroll}px wide in a ${width.inner}px window`).toBeLessThanOrEqual(width.inner);

  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `    ${n.target.join(" ")}: ${n.failureSummary?.split("\n").slice(1).join(" ")}`).join("\n")}`);
  expect.soft(serious, `${path} at ${label}`).toEqual([]);
}

for (const size of widths) {
  test(`accessibility: every page at ${size.name} width (${size.width}px) has no serious or critical axe violations and never scrolls sideways`, async ({ adminPage: page, workspace, browser, baseURL }, testInfo) => {
    test.setTimeout(180_000);
    const { consolePaths } = await seed(workspace);
    await page.setViewportSize({ width: size.width, height: size.height });
    for (const path of consolePaths) {
      await page.goto(path);
      await checkPage(page, testInfo, size.name, path);
      // On a desktop screen the review table shows every column, its actions included, without scrolling.
      if (size.name === "desktop" && path.endsWith("?show=create")) {
        const box = page.getByRole("region", { name: "Import rows" });
        expect(await box.evaluate((el) => el.scrollWidth - el.clientWidth), "the review table scrolls sideways at 1280px").toBeLessThanOrEqual(0);
      }
    }

    // Signed out: the sign-in page.
    const context = await browser.newContext({ baseURL, viewport: { width: size.width, height: size.height } });
    const anonymous = await context.newPage();
    await anonymous.goto("/sign-in");
    await checkPage(anonymous, testInfo, size.name, "/sign-in");
    await context.close();
  });
}
