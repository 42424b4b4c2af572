/**
 * `npm run db:migrate`: applies the pending migrations to DATABASE_URL
 * (default file:./data/roster.db), as `prisma migrate deploy` would, and
 * prepares the database exactly as `npm start` does (a database ahead of the
 * code is refused; a SQLite file is switched to WAL).
 */
import { prepareDatabase } from "../lib/db/prepare-database.ts";
import { defaultDatabaseUrl, redact } from "../lib/db/url.ts";

async function main(): Promise<void> {
  const url = process.env.DATABASE_URL?.trim() || defaultDatabaseUrl();
  const started = performance.now();
  const applied = await prepareDatabase(url);
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
