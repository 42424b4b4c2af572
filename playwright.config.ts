import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 3210);
const databaseUrl = process.env.E2E_DATABASE_URL ?? "file:./data/e2e.db";
// Debian's Chromium where it is installed; Playwright's own build elsewhere.
const executablePath = process.env.CHROMIUM_PATH ?? (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);

const smtpPort = Number(process.env.E2E_SMTP_PORT ?? 2526);
// The console and the tests share the secret: tests queue email (sealed under a key derived from it) for the console to send.
const authSecret = (process.env.AUTH_SECRET ??= "e2e-secret-not-for-production-0123456789");

export default defineConfig({
  testDir: "tests/e2e",
  // A real SMTP server on loopback receives what the console sends (tests/e2e/support/mail.ts).
  globalSetup: "./tests/e2e/support/global-mail-server.ts",
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  retries: 0,
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL: `http://localhost:${port}`,
    // Times show in the browser's zone (components/local-time.tsx): the same on every machine unless a test picks one.
    timezoneId: "UTC",
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath,
      args: ["--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    },
  },
  projects: [
    // The first-visit test needs a console with no workspace, so it runs before any other.
    { name: "first-visit", testMatch: /first-visit\.spec\.ts/, use: { ...devices["Desktop Chrome"] } },
    { name: "console", testIgnore: /first-visit\.spec\.ts/, dependencies: ["first-visit"], use: { ...devices["Desktop Chrome"] } },
  ],
  webServer: {
    // The README's own command, so the tests exercise what a newcomer runs.
    command: "npm start",
    url: `http://localhost:${port}/sign-in`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: "pipe",
    env: {
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      AUTH_SECRET: authSecret,
      NEXT_TELEMETRY_DISABLED: "1",
      SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
      ROSTER_URL: `http://localhost:${port}`,
    },
  },
});
