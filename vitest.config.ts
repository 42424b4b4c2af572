import path from "node:path";
import { defineConfig } from "vitest/config";

/**
 * Two projects: `unit` (pure code, no database, no network beyond loopback
 * servers a test starts itself) and `integration` (both engines: a throw-away
 * SQLite file and PostgreSQL database made by the global setup). Running one
 * unit test file (`npx vitest run lib/csv/parse.test.ts`) never connects to
 * PostgreSQL: the integration project's global setup runs only when one of its
 * files is selected.
 */
export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      // Next.js's guard against importing server code into the browser; tests are server-side.
      "server-only": path.resolve(import.meta.dirname, "tests/support/empty.ts"),
    },
  },
  test: {
    environment: "node",
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
    env: {
      // The key material tests use where production reads AUTH_SECRET (npm start makes one in ./data).
      AUTH_SECRET: process.env.AUTH_SECRET ?? "vitest-secret-not-for-production-0123456789",
    },
    projects: [
      { extends: true, test: { name: "unit", include: ["lib/**/*.test.ts", "tests/unit/**/*.test.ts"] } },
      {
        extends: true,
        test: { name: "integration", include: ["tests/integration/**/*.test.ts"], globalSetup: ["tests/support/global-setup.ts"] },
      },
    ],
  },
});
