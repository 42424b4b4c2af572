/**
 * Generates one Prisma client per provider from the single schema source.
 * `prisma generate` never runs the schema engine, but the Prisma 7 CLI tries
 * to download it at start-up unless PRISMA_SCHEMA_ENGINE_BINARY names a file;
 * any existing file will do, so this points it at the node binary.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { projectRoot, providers, renderSchema } from "../lib/db/schema-source";

const outDir = path.join(projectRoot, "prisma/.rendered");
mkdirSync(outDir, { recursive: true });
const prismaCli = path.join(projectRoot, "node_modules/prisma/build/index.js");

for (const provider of providers) {
  const file = path.join(outDir, `${provider}.prisma`);
  // Rendered schemas sit one level below prisma/, so the output stays relative to the project.
  writeFileSync(file, renderSchema(provider).replace('"../lib/db/generated/', '"../../lib/db/generated/'));
  execFileSync(process.execPath, [prismaCli, "generate", "--schema", file], {
    cwd: projectRoot,
    stdio: ["ignore", "ignore", "inherit"],
    env: {
      ...process.env,
      PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? process.execPath,
      PRISMA_HIDE_UPDATE_MESSAGE: "1",
      CHECKPOINT_DISABLE: "1",
    },
  });
  console.log(`generated the ${provider} client`);
}
