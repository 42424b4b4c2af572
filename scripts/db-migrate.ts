/**
 * `npm run db:migrate`: applies the pending migrations to DATABASE_URL
 * (default file:./data/roster.db), as `prisma migrate deploy` would.
 */
import { applyMigrations } from "../lib/db/schema-engine.ts";
import { DEFAULT_DATABASE_URL, redact } from "../lib/db/url.ts";

async function main(): Promise<void> {
  const url = process.env.DATABASE_URL?.trim() || DEFAULT_DATABASE_URL;
  const started = performance.now();
  const applied = await applyMigrations(url);
  const took = `${Math.round(performance.now() - started)} ms`;
  if (!applied.length) {
    console.log(`${redact(url)} is up to date (${took}).`);
    return;
  }
  console.log(`Applied ${applied.length} migration(s) to ${redact(url)} (${took}):`);
  for (const name of applied) console.log(`  ${name}`);
}

main().catch((error: unknown) => {
  // One line: this runs in start-up scripts and their logs.
  const message = error instanceof Error ? error.message : String(error);
  console.error(`db:migrate failed: ${message.split("\n")[0]}`);
  process.exitCode = 1;
});
