import { mkdirSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";

const prepared = new Set<string>();

/**
 * The settings every opener of Roster's SQLite file applies first (the
 * console's client, `npm run db:migrate`, `npm start`, the demo and bench
 * scripts): its folder exists, and the file is in WAL mode, so readers and
 * the one writer work at once. WAL is stored in the file itself; the
 * per-connection settings (foreign keys on, the busy timeout) are the
 * driver's defaults and the client's `timeout`. Once per file per process.
 */
export function prepareSqliteFile(file: string): void {
  if (file === ":memory:" || prepared.has(file)) return;
  mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file, { timeout: 10_000 });
  try {
    if (String(db.pragma("journal_mode", { simple: true })).toLowerCase() !== "wal") db.pragma("journal_mode = WAL");
  } finally {
    db.close();
  }
  prepared.add(file);
}
