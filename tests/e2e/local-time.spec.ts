import { formatDateTime, formatLocalDateTime } from "@/lib/format";
import { createUser } from "../factories";
import { signIn, e2eDb, expect, test } from "./support/fixtures";

const zone = "America/New_York";

test(`times: a console in ${zone} shows times in that zone with how long ago, the UTC time in the tooltip, and hydrates cleanly`, async ({ browser, baseURL, workspace }) => {
  // Three days and a few hours ago, at a minute that shows whether the zone was applied.
  const lastLogin = new Date(Date.now() - 3 * 86_400_000 - 5 * 3_600_000);
  lastLogin.setUTCSeconds(0, 0);
  const user = await createUser(e2eDb(), workspace.workspace.id, { roleId: workspace.roles.user, displayName: "Nora York", lastLoginAt: lastLogin });
  const local = formatLocalDateTime(lastLogin, zone);
  expect(local).toMatch(/ GMT-[45]$/);

  const context = await browser.newContext({ baseURL, timezoneId: zone });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on("console", (m) => m.type() === "error" && problems.push(m.text()));
  page.on("pageerror", (e) => problems.push(e.message));
  await signIn(page, workspace.admin.email, workspace.admin.password);

  // The users list's Last login cell.
  const row = page.getByRole("row").filter({ hasText: "Nora York" });
  const time = row.locator("time");
  await expect(time).toHaveText(`${local} (3 days ago)`);
  await expect(time).toHaveAttribute("dateTime", lastLogin.toISOString());
  await expect(time).toHaveAttribute("title", formatDateTime(lastLogin));

  // The user's page, loaded on its own: the server sends the UTC form, the browser shows New York time.
  const response = await page.goto(`/console/users/${user.id}`);
  expect(await response!.text()).toContain(formatDateTime(lastLogin));
  const fact = page.locator("dd").filter({ has: page.locator(`time[datetime="${lastLogin.toISOString()}"]`) });
  await expect(fact).toHaveText(`${local} (3 days ago)`);

  expect(problems.filter((p) => /hydrat|#418|#423|#425/i.test(p))).toEqual([]);
  await context.close();
});
