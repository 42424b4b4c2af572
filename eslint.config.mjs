import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([".next/**", "lib/db/generated/**", "prisma/.rendered/**", "test-results/**", "playwright-report/**", "next-env.d.ts"]),
  {
    // Playwright fixtures call a parameter named `use`, which is not React's hook.
    files: ["tests/e2e/**"],
    rules: { "react-hooks/rules-of-hooks": "off" },
  },
  {
    // Routes never hold a database client of their own: console code uses the
    // workspace-scoped ctx.db from its context, machine routes get one from
    // their wrapper, and the unscoped client stays in lib/ (sign-in, setup, workers).
    files: ["app/**"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          paths: [
            { name: "@/lib/db/client", allowTypeImports: true, message: "Use ctx.db (workspace-scoped) from the console context, or a lib/ function." },
            { name: "@/lib/db/scoped", message: "The console context already hands out the scoped client (ctx.db)." },
          ],
          patterns: [
            { group: ["**/lib/db/generated/**", "@/lib/db/generated/**"], allowTypeImports: true, message: "Import the client through lib/, not the generated client." },
            { group: ["@prisma/*", "better-sqlite3", "pg"], message: "Database drivers and clients belong in lib/db." },
          ],
        },
      ],
    },
  },
  {
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/ban-ts-comment": "error",
    },
  },
]);
