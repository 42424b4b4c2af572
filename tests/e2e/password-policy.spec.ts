import { expect, test } from "./support/fixtures";

test("settings: a new password is measured as it is typed and held to the policy by the server; User Info shows when it changed", async ({ adminPage: page, workspace }) => {
  const userInfo = page.locator("dl").filter({ hasText: "Change password time" });
  await page.goto(`/console/users/${workspace.admin.id}`);
  await expect(userInfo).toContainText("Change password timeNot changed yet");
  await page.goto("/console/settings");
  const strength = page.getByTestId("password-strength");
  await expect(strength).toContainText("At least 12 characters. Not a common password");
  const newPassword = page.getByLabel("New password", { exact: true });

  await newPassword.fill("password1234");
  await expect(strength).toContainText("This password is too common");
  await expect(page.getByRole("meter", { name: "Strength meter" })).toHaveAttribute("aria-valuetext", /Very weak|Weak/);
  // Submitted anyway: the server refuses it at the field.
  await page.getByLabel("Current password").fill("correct horse battery staple");
  await page.getByLabel("Repeat the new password").fill("password1234");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(newPassword).toHaveAttribute("aria-invalid", "true");
  await expect(newPassword).toHaveAccessibleDescription(/This password is too common/);

  await newPassword.fill("violet tractor harbour 42");
  await expect(strength).toContainText("Meets the password policy.");
  await expect(page.getByRole("meter", { name: "Strength meter" })).toHaveAttribute("aria-valuetext", /Strong|Very strong/);
  await page.getByLabel("Repeat the new password").fill("violet tractor harbour 42");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("Password changed.")).toBeVisible();
  await page.goto(`/console/users/${workspace.admin.id}`);
  await expect(userInfo).not.toContainText("Not changed yet");
  await expect(userInfo.locator("time")).not.toHaveCount(0);
});
