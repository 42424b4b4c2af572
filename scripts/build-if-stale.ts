/** The build step of `npm start` (and of the bench, which serves the console as it does). */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { projectRoot } from "../lib/db/schema-source";

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "generated" || entry.name.startsWith(".")) continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(full) : statSync(full).mtimeMs);
  }
  return newest;
}

/** Runs `next build` when the build is missing or older than the sources; false when the build failed. */
export function buildIfStale(): boolean {
  const buildId = path.join(projectRoot, ".next/BUILD_ID");
  const builtAt = existsSync(buildId) ? statSync(buildId).mtimeMs : 0;
  const sources = Math.max(...["app", "components", "lib", "emails"].map((d) => path.join(projectRoot, d)).filter(existsSync).map(newestSource));
  if (builtAt > sources) return true;
  console.log("roster: building the console (next build)…");
  const result = spawnSync(process.execPath, [path.join(projectRoot, "node_modules/next/dist/bin/next"), "build"], { stdio: "inherit", cwd: projectRoot });
  return result.status === 0;
}
