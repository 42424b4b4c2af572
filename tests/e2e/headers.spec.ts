import { expect, test } from "./support/fixtures";

test("headers: every page has a nonce-based CSP that its own scripts satisfy", async ({ page, workspace }) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to (execute|load|apply)/i.test(message.text())) violations.push(message.text());
  });
  const nonces = new Set<string>();
  for (const path of ["/sign-in", "/console/users"]) {
    if (path === "/console/users") {
      await page.getByLabel("Email").fill(workspace.admin.email);
      await page.getByLabel("Password").fill(workspace.admin.password);
      await page.getByRole("button", { name: "Sign in" }).click();
      await expect(page).toHaveURL(/\/console\/users$/);
    }
    const response = await page.goto(path);
    const policy = response?.headers()["content-security-policy"] ?? "";
    const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
    expect(nonce, `CSP of ${path}: ${policy}`).toBeTruthy();
    expect(policy).toContain("'strict-dynamic'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).not.toContain("unsafe-eval");
    nonces.add(nonce as string);
    // Next.js's inline bootstrap ran (it carries the nonce), and every script tag has it.
    await page.waitForFunction(() => Array.isArray((window as unknown as { __next_f?: unknown[] }).__next_f));
    const scripts = await page.locator("script").evaluateAll((els) => els.map((el) => (el as HTMLScriptElement).nonce));
    expect(scripts.length).toBeGreaterThan(0);
    for (const n of scripts) expect(n).toBe(nonce);
  }
  // A fresh nonce per response.
  expect(nonces.size).toBe(2);
  // The page is interactive: a client component answers (the account menu opens).
  await page.getByText("Account", { exact: true }).click();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  expect(violations).toEqual([]);
});
