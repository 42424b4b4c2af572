/**
 * The two processes of a console instance, as `npm start` runs them (and the
 * bench, which measures them as they run): the web server (scripts/serve.ts)
 * and the worker (scripts/worker.ts), each a Node.js process loading its
 * TypeScript through tsx.
 */
import { spawn, type ChildProcess, type StdioOptions } from "node:child_process";
import path from "node:path";
import { projectRoot } from "../lib/db/schema-source";

/**
 * V8 flags per process. The web server runs with --optimize-for-size: V8
 * otherwise lets the heap of a long-lived server grow by tens of MB per
 * hundred pages rendered and per upload streamed through it, garbage it
 * collects late; with the flag the server stays near its start-up size
 * (measured by `npm run bench -- csv`) for a page time within the noise.
 */
const nodeFlags: Record<"serve.ts" | "worker.ts", string[]> = { "serve.ts": ["--optimize-for-size"], "worker.ts": [] };

export function startProcess(script: "serve.ts" | "worker.ts", options: { env: NodeJS.ProcessEnv; args?: string[]; stdio?: StdioOptions }): ChildProcess {
  return spawn(process.execPath, [...nodeFlags[script], "--import", "tsx", path.join(projectRoot, "scripts", script), ...(options.args ?? [])], {
    cwd: projectRoot,
    env: options.env,
    stdio: options.stdio ?? "inherit",
  });
}
