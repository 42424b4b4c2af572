import { createGroups, createLicense, createUsers } from "../factories";
import { e2eDb, expect, test } from "./support/fixtures";

const widths = [
  { name: "phone", width: 390, height: 844 },
  { name: "tablet", width: 768, height: 1024 },
  { name: "desktop", width: 1280, height: 800 },
];

const paths = ["/console/users", "/console/users/add", "/console/users/new", "/console/users/import", "/console/groups", "/console/devices", "/console/licenses", "/console/mailbox", "/console/reports", "/console/audit", "/console/settings", "/console/settings/sessions"];

test("responsive: every console page fits phone, tablet and desktop widths, with the navigation in a menu on a phone", async ({ adminPage: page, workspace }, testInfo) => {
  const db = e2eDb();
  const ws = workspace.workspace.id;
  const { userIds } = await createUsers(db, ws, 8, { roleId: workspace.roles.user, withDevices: 1 });
  await createGroups(db, ws, [{ name: "Field Sales", memberIds: userIds.slice(0, 2) }]);
  await createLicense(db, ws, { product: "Endpoint Security Business", seats: 250 });

  for (const size of widths) {
    await page.setViewportSize({ width: size.width, height: size.height });
    for (const path of [...paths, `/console/users/${userIds[0]}`]) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      // The page itself never scrolls sideways; wide tables scroll inside their own box.
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `${path} at ${size.width}px overflows by ${overflow}px`).toBeLessThanOrEqual(0);
      await testInfo.attach(`${size.name}${path.replaceAll("/", "-")}.png`, { body: await page.screenshot({ fullPage: true }), contentType: "image/png" });
    }
  }

  // On a phone the sidebar gives way to a Menu button opening the navigation.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/console/users");
  const nav = page.getByRole("navigation", { name: "Console" });
  await expect(nav).toBeHidden();
  await page.getByRole("button", { name: "Menu" }).click();
  await expect(nav).toBeVisible();
  await nav.getByRole("link", { name: "Devices" }).click();
  await expect(page).toHaveURL(/\/console\/devices$/);
  await expect(nav).toBeHidden();
  await page.getByRole("button", { name: "Menu" }).click();
  await page.keyboard.press("Escape");
  await expect(nav).toBeHidden();
  await expect(page.getByRole("button", { name: "Menu" })).toBeFocused();
});
