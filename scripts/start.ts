/**
 * `npm start`: checks the configuration, applies pending migrations, builds
 * the app when the build is missing or older than the sources, and serves it.
 * Every failure before serving ends with one line saying what is wrong.
 */
import type { ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { buildIfStale } from "./build-if-stale";
import { startProcess } from "./processes";
import { prepareDatabase } from "../lib/db/prepare-database";
import { projectRoot } from "../lib/db/schema-source";
import { dataDir } from "../lib/db/url";
import { sessionIdleMinutes } from "../lib/auth/session-policy";

const dev = process.argv.includes("--dev");
const port = process.env.PORT ?? "3000";

function fail(message: string): never {
  console.error(`roster: ${message}`);
  process.exit(1);
}

/** AUTH_SECRET signs and encrypts session cookies; without one, a secret is made once and kept in ./data. */
function ensureAuthSecret(): void {
  if (process.env.AUTH_SECRET) return;
  const file = path.resolve(projectRoot, dataDir(), "auth-secret");
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
    console.log(`roster: created ${path.relative(projectRoot, file)} (set AUTH_SECRET to share one secret across instances)`);
  }
  process.env.AUTH_SECRET = readFileSync(file, "utf8").trim();
}

async function main() {
  ensureAuthSecret();
  try {
    sessionIdleMinutes();
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }
  // Nothing leaves the machine unless configured to: no usage reports to Next.js's telemetry service.
  process.env.NEXT_TELEMETRY_DISABLED ??= "1";
  try {
    const applied = await prepareDatabase();
    console.log(applied.length ? `roster: applied migrations ${applied.join(", ")}` : "roster: database is up to date");
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }
  if (!dev && !buildIfStale()) fail("the build failed; see the output above");
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: port, NODE_ENV: dev ? "development" : "production", AUTH_TRUST_HOST: process.env.AUTH_TRUST_HOST ?? "true" };
  // The web server and the worker run in processes of their own: what start-up loaded (the migration engine) is not kept
  // in memory, and the background work (imports, email, clean-up) never holds up a request (scripts/worker.ts).
  const run = (script: "serve.ts" | "worker.ts", args: string[] = []): ChildProcess => startProcess(script, { env, args });
  let stopping = false;
  let worker = run("worker.ts");
  const superviseWorker = () =>
    worker.on("exit", (code, signal) => {
      if (stopping) return;
      console.error(`roster: the worker process stopped (${signal ?? `exit code ${code}`}); starting it again in 2 s`);
      setTimeout(() => {
        if (stopping) return;
        worker = run("worker.ts");
        superviseWorker();
      }, 2_000);
    });
  superviseWorker();
  const server = run("serve.ts", dev ? ["--dev"] : []);
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      stopping = true;
      server.kill(signal);
      worker.kill(signal);
    });
  }
  server.on("exit", (code) => {
    stopping = true;
    worker.kill("SIGTERM");
    process.exit(code ?? 0);
  });
}

void main();
