/**
 * `npm test`: type-check, lint, unit + integration tests on SQLite and
 * PostgreSQL (vitest), one production build, the README's run command on an
 * empty data folder, then end-to-end tests in Chromium (Playwright), which
 * start the console through `npm start` too. It checks first that PostgreSQL and Chromium are
 * there and says how to get what is missing; it never skips a stage.
 */
import { spawnSync } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";

const root = path.resolve(import.meta.dirname, "..");
const bin = (name) => path.join(root, "node_modules/.bin", name);
const adminUrl = process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", TEST_DATABASE_URL: adminUrl };

function fail(lines) {
  console.error(["", "npm test cannot run:", ...lines.map((l) => `  ${l}`), ""].join("\n"));
  process.exit(1);
}

async function checkPostgres() {
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.query("select 1");
  } catch (error) {
    fail([
      `PostgreSQL is not reachable at ${adminUrl.replace(/:[^:@/]*@/, ":***@")} (${error.code ?? error.message}).`,
      "Start a PostgreSQL server there (Debian: apt-get install postgresql; pg_ctlcluster 15 main start),",
      "or point TEST_DATABASE_URL at a server where this user may CREATE DATABASE.",
    ]);
  } finally {
    await client.end().catch(() => {});
  }
}

async function checkChromium() {
  if (process.env.CHROMIUM_PATH && !existsSync(process.env.CHROMIUM_PATH)) fail([`CHROMIUM_PATH=${process.env.CHROMIUM_PATH} does not exist.`]);
  if (process.env.CHROMIUM_PATH || existsSync("/usr/bin/chromium")) return;
  const { chromium } = await import("@playwright/test");
  if (existsSync(chromium.executablePath())) return;
  fail([
    "No Chromium for the end-to-end tests.",
    "Debian/Ubuntu: apt-get install -y chromium   (used from /usr/bin/chromium)",
    "elsewhere:     npx playwright install chromium, or set CHROMIUM_PATH",
  ]);
}

function stage(name, command, args, extraEnv = {}) {
  const started = Date.now();
  console.log(`\n=== ${name} ===`);
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit", env: { ...env, ...extraEnv } });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (result.status !== 0) {
    console.error(`\n✗ ${name} failed after ${seconds}s`);
    process.exit(result.status ?? 1);
  }
  console.log(`✓ ${name} (${seconds}s)`);
}

await checkPostgres();
await checkChromium();
stage("type-check", bin("tsc"), ["--noEmit"]);
stage("lint", bin("eslint"), [".", "--max-warnings=0"]);
stage("unit and integration tests (SQLite + PostgreSQL)", bin("vitest"), ["run"]);
stage("build", bin("next"), ["build"], { ROSTER_BUILD_SKIP_TYPECHECK: "1" });
stage("the README's run command (npm start on an empty data folder)", process.execPath, [path.join(root, "scripts/smoke-start.mjs")]);

const e2eDb = path.join(os.tmpdir(), `roster-e2e-${process.pid}-${Date.now()}.db`);
try {
  stage("end-to-end tests (Chromium)", bin("playwright"), ["test"], { E2E_DATABASE_URL: `file:${e2eDb}` });
} finally {
  for (const suffix of ["", "-wal", "-shm"]) rmSync(e2eDb + suffix, { force: true });
}
console.log("\nAll checks passed.");
