import { applyMigrations } from "./schema-engine";
import { prepareSqliteFile } from "./sqlite-file";
import { ConfigError, parseDatabaseUrl, redact } from "./url";

/**
 * Brings the database DATABASE_URL names up to the code's schema, refusing a
 * database that has migrations this code does not know. Returns the names of
 * the migrations applied. Errors carry one line meant for the operator.
 */
export async function prepareDatabase(raw = process.env.DATABASE_URL): Promise<string[]> {
  const target = parseDatabaseUrl(raw);
  try {
    // applyMigrations refuses, under the migration lock, a database ahead of the code or half-migrated.
    const applied = await applyMigrations(target.url);
    if (target.provider === "sqlite") prepareSqliteFile(target.file);
    return applied;
  } catch (error) {
    throw new ConfigError(describeDatabaseError(error, target.provider === "postgresql" ? redact(target.url) : target.file));
  }
}

/** One line for the usual ways a database connection fails. */
export function describeDatabaseError(error: unknown, where: string): string {
  if (error instanceof ConfigError) return error.message;
  const e = error as { code?: string; message?: string; cause?: { code?: string; message?: string } };
  const code = e.code ?? e.cause?.code;
  const message = e.message ?? e.cause?.message ?? String(error);
  if (code === "ECONNREFUSED" || /ECONNREFUSED|Can't reach database server|not reachable/.test(message)) return `cannot reach PostgreSQL at ${where} (connection refused); is the server running?`;
  if (code === "ENOTFOUND" || /ENOTFOUND|getaddrinfo/.test(message)) return `cannot reach PostgreSQL at ${where} (unknown host)`;
  if (code === "3D000" || /does not exist/.test(message)) return `the database in DATABASE_URL does not exist (${where}); create it first`;
  if (code === "28P01" || code === "28000" || /authentication/.test(message)) return `PostgreSQL refused the credentials in DATABASE_URL (${where})`;
  if (/SQLITE_CANTOPEN|unable to open/.test(message)) return `cannot open the SQLite file ${where}`;
  return `database error at ${where}: ${message.split("\n")[0]}`;
}
