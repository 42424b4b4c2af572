import jsQR from "jsqr";
import pngjs from "pngjs";
import { createEnrollmentToken } from "@/lib/enrollment/tokens";
import { createUser } from "../factories";
import { e2eDb, expect, test } from "./support/fixtures";

const iPhone = "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1";

/** A user of the fixture's workspace with a fresh emailed token; the token is returned in clear. */
async function enrollmentToken(workspace: { workspace: { id: string }; roles: { user: string }; admin: { id: string } }) {
  const db = e2eDb();
  const user = await createUser(db, workspace.workspace.id, { roleId: workspace.roles.user, displayName: "Quinn Scanner" });
  return createEnrollmentToken(db, { workspaceId: workspace.workspace.id, userId: user.id, createdById: workspace.admin.id });
}

test("enrollment: the page's QR code, read by a scanner, is the page's own link", async ({ page, workspace, baseURL }) => {
  const { token } = await enrollmentToken(workspace);
  await page.goto(`/enroll/${token}`);
  const code = page.getByRole("img", { name: "QR code of this enrollment link" });
  await expect(code).toBeVisible();
  await expect(page.getByText("Scan this code with its camera to open this page there")).toBeVisible();

  // Decode what is on the screen, as a phone's camera would.
  const png = pngjs.PNG.sync.read(await code.screenshot());
  const decoded = jsQR(new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.length), png.width, png.height);
  expect(decoded?.data).toBe(`${baseURL}/enroll/${token}`);
  expect(decoded?.data).toBe(page.url());
});

test("enrollment: on a phone the page names the platform once and shows no QR code", async ({ browser, baseURL, workspace }) => {
  const { token } = await enrollmentToken(workspace);
  const context = await browser.newContext({ baseURL, userAgent: iPhone, viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await page.goto(`/enroll/${token}`);
  await expect(page.getByRole("heading", { level: 2, name: "On this device: iOS for iPhone" })).toBeVisible();
  // Labels are composed into sentences, so none carries parentheses of its own.
  await expect(page.locator("main")).not.toContainText(/\([^)]*\(/);
  await expect(page.getByRole("img", { name: "QR code of this enrollment link" })).toHaveCount(0);
  await context.close();
});
