/**
 * The CSV import as an administrator runs it: the console's web server and
 * its worker process as `npm start` runs them, the 100,000-row file POSTed to
 * /api/users/imports, and users-list pages asked for while the worker
 * creates the accounts. Measures the web process's resident memory (what the
 * import must not inflate) and the users list's latency (what it must not slow).
 */
import { readFileSync } from "node:fs";
import { encode } from "next-auth/jwt";
import { createSession, SESSION_MAX_AGE_SECONDS } from "@/lib/auth/sessions";
import { startImport } from "@/lib/imports/run-import";
import { consoleContextFor, createWorkspace } from "@/tests/factories";
import { buildIfStale } from "../scripts/build-if-stale";
import { startProcess } from "../scripts/processes";
import type { BenchDatabase } from "./lib/database";
import { IMPORT_ROWS, sampleImportCsv } from "./import-export";

const PORT = 3597;
const base = `http://localhost:${PORT}`;
const SESSION_COOKIE = "authjs.session-token";

export type RouteImportFigures = {
  rows: number;
  checkSeconds: number;
  createSeconds: number;
  web: { idleMb: number; peakMb: number; afterMb: number };
  workerPeakMb: number;
  listIdle: { median: number; p95: number };
  listDuring: { median: number; p95: number; max: number; count: number };
};

/** Resident memory of a process now, and its peak so far (Linux: /proc/<pid>/status), in MB. */
function memoryOf(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { rss: kb("VmRSS") / 1024, peak: kb("VmHWM") / 1024 };
}


const stats = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
  return { median: at(0.5), p95: at(0.95), max: sorted.at(-1) ?? NaN, count: sorted.length };
};

export async function benchImportRoute(bench: BenchDatabase): Promise<RouteImportFigures> {
  if (!buildIfStale()) throw new Error("import route bench: the build failed");
  const secret = process.env.AUTH_SECRET!;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: bench.url,
    PORT: String(PORT),
    NODE_ENV: "production",
    AUTH_SECRET: secret,
    AUTH_TRUST_HOST: "true",
    NEXT_TELEMETRY_DISABLED: "1",
    ROSTER_OUTBOX_WORKER: "off",
    ROSTER_URL: base,
  };
  const web = startProcess("serve.ts", { env, stdio: ["ignore", "ignore", "inherit"] });
  const worker = startProcess("worker.ts", { env, stdio: ["ignore", "ignore", "inherit"] });
  try {
    for (let i = 0; ; i++) {
      const ok = await fetch(`${base}/sign-in`).then((r) => r.ok, () => false);
      if (ok) break;
      if (i > 600) throw new Error("import route bench: the console did not start");
      await new Promise((r) => setTimeout(r, 100));
    }
    const { admin } = await createWorkspace(bench.db, { name: "Import route bench" });
    const ctx = await consoleContextFor(bench.db, admin.id);
    const sid = await createSession(bench.db, { id: admin.id, workspaceId: ctx.workspace.id }, { userAgent: "bench" });
    const cookie = `${SESSION_COOKIE}=${await encode({ token: { sid }, secret, salt: SESSION_COOKIE, maxAge: SESSION_MAX_AGE_SECONDS })}`;
    const usersPage = async () => {
      const t = performance.now();
      const response = await fetch(`${base}/console/users`, { headers: { cookie } });
      const html = await response.text();
      if (response.status !== 200 || !html.includes(admin.email)) throw new Error(`import route bench: the users list answered ${response.status}`);
      return performance.now() - t;
    };

    const idleLatencies: number[] = [];
    for (let i = 0; i < 23; i++) idleLatencies.push(await usersPage());
    const idleMb = memoryOf(web.pid!).rss;
    let peakMb = idleMb;
    const sampler = setInterval(() => (peakMb = Math.max(peakMb, memoryOf(web.pid!).rss)), 25);

    let t = performance.now();
    const upload = await fetch(`${base}/api/users/imports?fileName=bench.csv`, {
      method: "POST",
      headers: { cookie, origin: base, "content-type": "application/octet-stream" },
      body: new Blob([new Uint8Array(sampleImportCsv())]),
    });
    if (upload.status !== 201) throw new Error(`import route bench: the upload answered ${upload.status}: ${await upload.text()}`);
    const { id } = (await upload.json()) as { id: string };
    const run = () => bench.db.importRun.findUniqueOrThrow({ where: { id } });
    for (let state = await run(); state.status !== "REVIEW"; state = await run()) {
      if (state.status === "REFUSED") throw new Error(`import route bench: the file was refused: ${state.refusal}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    const checkSeconds = (performance.now() - t) / 1000;

    t = performance.now();
    await startImport(ctx, { importId: id });
    const during: number[] = [];
    for (;;) {
      const state = await run();
      if (state.status === "DONE") break;
      if (state.created > 0) during.push(await usersPage());
      await new Promise((r) => setTimeout(r, 100));
    }
    const createSeconds = (performance.now() - t) / 1000;
    clearInterval(sampler);
    const done = await run();
    if (done.created !== IMPORT_ROWS) throw new Error(`import route bench: expected ${IMPORT_ROWS} created, got ${done.created}`);
    await new Promise((r) => setTimeout(r, 3000));
    const after = memoryOf(web.pid!);
    return {
      rows: IMPORT_ROWS,
      checkSeconds,
      createSeconds,
      web: { idleMb, peakMb: Math.max(peakMb, after.rss), afterMb: after.rss },
      workerPeakMb: memoryOf(worker.pid!).peak,
      listIdle: stats(idleLatencies.slice(3)),
      listDuring: stats(during),
    };
  } finally {
    web.kill("SIGTERM");
    worker.kill("SIGTERM");
  }
}
