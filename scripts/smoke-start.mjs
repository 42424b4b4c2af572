/**
 * The README's run command, as a newcomer runs it: `npm start` with nothing
 * configured, on an empty data folder (ROSTER_DATA_DIR points it at a new
 * temporary one, so the developer's ./data is left alone). Passes when the
 * first visit reaches "Create your workspace", the worker process is up (and a made-up X-Forwarded-For
 * does not dodge a per-address rate limit), then stops the console.
 * `npm test` runs it after the build; `node scripts/smoke-start.mjs` alone works too.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const port = Number(process.env.SMOKE_PORT ?? 3297);
const dataDir = mkdtempSync(path.join(os.tmpdir(), "roster-smoke-"));
const env = { ...process.env, ROSTER_DATA_DIR: dataDir, PORT: String(port), NEXT_TELEMETRY_DISABLED: "1" };
// A newcomer has none of these set.
for (const name of ["DATABASE_URL", "AUTH_SECRET", "SMTP_URL", "ROSTER_URL", "AUTH_URL", "TRUSTED_PROXIES", "ROSTER_OPEN_SIGNUP"]) delete env[name];

const npm = process.platform === "win32" ? "npm.cmd" : "npm";
const child = spawn(npm, ["start"], { cwd: root, env, stdio: ["ignore", "pipe", "pipe"], detached: true });
let output = "";
child.stdout.on("data", (d) => (output += d));
child.stderr.on("data", (d) => (output += d));
let exited = null;
child.on("exit", (code, signal) => (exited = { code, signal }));

function stop() {
  try {
    process.kill(-child.pid, "SIGTERM");
  } catch {
    /* already gone */
  }
}

async function firstVisit() {
  // The first visit: / redirects to /setup while no workspace exists.
  const home = await fetch(`http://localhost:${port}/`, { redirect: "manual" });
  const location = home.headers.get("location") ?? "";
  if (home.status < 300 || home.status > 399 || !location.endsWith("/setup")) throw new Error(`GET / answered ${home.status} ${location}`);
  const setup = await fetch(new URL(location, `http://localhost:${port}/`));
  const html = await setup.text();
  if (setup.status !== 200 || !html.includes("Create your workspace")) throw new Error(`GET /setup answered ${setup.status} without "Create your workspace"`);
}

/**
 * With no trusted proxy, the per-address limit of the agent API (60 enroll
 * requests per 10 minutes) counts the socket's address: a made-up
 * X-Forwarded-For on every request must not earn a fresh allowance.
 */
async function forgedForwardedForIsIgnored() {
  let status = 0;
  for (let i = 0; i < 61; i++) {
    const res = await fetch(`http://localhost:${port}/api/agent/enroll`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-forwarded-for": `198.51.100.${i}`, "x-roster-client-address": `203.0.113.${i}` },
      body: "{}",
    });
    status = res.status;
    await res.arrayBuffer();
  }
  if (status !== 429) throw new Error(`the 61st enroll request with a made-up X-Forwarded-For answered ${status}, not 429`);
}

const deadline = Date.now() + 180_000;
let lastError = "";
let ok = false;
while (Date.now() < deadline && !exited) {
  try {
    await firstVisit();
    ok = true;
    break;
  } catch (error) {
    lastError = error instanceof Error ? error.message : String(error);
    await new Promise((r) => setTimeout(r, 500));
  }
}
let limitProblem = "";
if (ok) await forgedForwardedForIsIgnored().catch((error) => (limitProblem = error.message));
stop();
await new Promise((resolve) => {
  if (exited) return resolve();
  const kill = setTimeout(() => {
    try {
      process.kill(-child.pid, "SIGKILL");
    } catch {
      /* gone */
    }
    resolve();
  }, 10_000);
  child.on("exit", () => {
    clearTimeout(kill);
    resolve();
  });
});

const made = ["roster.db", "auth-secret"].filter((f) => existsSync(path.join(dataDir, f)));
const secretMode = made.includes("auth-secret") ? (statSync(path.join(dataDir, "auth-secret")).mode & 0o777).toString(8) : "";
rmSync(dataDir, { recursive: true, force: true });

const problems = [];
if (!ok) problems.push(exited ? `npm start exited (${exited.code ?? exited.signal}) before serving the setup page` : `the setup page did not appear within 180 s (${lastError})`);
if (limitProblem) problems.push(limitProblem);
// The worker process (imports, email, clean-up) says so when it is up.
if (ok && !output.includes("roster worker:")) problems.push("npm start did not start the worker process (no \"roster worker:\" line)");
if (!made.includes("roster.db")) problems.push("npm start did not create roster.db in the data folder");
if (!made.includes("auth-secret")) problems.push("npm start did not create auth-secret in the data folder");
else if (secretMode !== "600") problems.push(`auth-secret has mode ${secretMode}, not 600`);
if (problems.length) {
  console.error(output.split("\n").slice(-40).join("\n"));
  console.error(`\nsmoke: ${problems.join("; ")}`);
  process.exit(1);
}
console.log(`smoke: npm start on an empty data folder served "Create your workspace" on :${port}, made ${made.join(" and ")}, started the worker process, and counted requests with made-up X-Forwarded-For against the socket's address`);
