import path from "node:path";

/** Where Roster keeps its data when DATABASE_URL is unset. */
export const DEFAULT_DATABASE_URL = "file:./data/roster.db";

/** The folder for local data (the default SQLite file, the generated auth secret): ROSTER_DATA_DIR, else ./data. */
export function dataDir(env: Record<string, string | undefined> = process.env): string {
  return env.ROSTER_DATA_DIR?.trim().replace(/\/+$/, "") || "./data";
}

/** The database used when DATABASE_URL is unset: roster.db in the data folder. */
export function defaultDatabaseUrl(env: Record<string, string | undefined> = process.env): string {
  return env.ROSTER_DATA_DIR?.trim() ? `file:${dataDir(env)}/roster.db` : DEFAULT_DATABASE_URL;
}

export type DatabaseTarget =
  | { provider: "sqlite"; url: string; file: string }
  | { provider: "postgresql"; url: string };

/** Raised for configuration that cannot work; its message is one line meant for the operator. */
export class ConfigError extends Error {
  override name = "ConfigError";
}

/**
 * Reads DATABASE_URL: `file:` picks SQLite (path relative to the working
 * directory), `postgres://` or `postgresql://` picks PostgreSQL.
 */
export function parseDatabaseUrl(raw: string | undefined = process.env.DATABASE_URL): DatabaseTarget {
  const url = (raw ?? "").trim() || defaultDatabaseUrl();
  if (url.startsWith("file:")) {
    const file = url.slice("file:".length).replace(/^\/\/(?=\/)/, "");
    if (!file) throw new ConfigError(`DATABASE_URL "${url}" names no SQLite file; use e.g. ${DEFAULT_DATABASE_URL}`);
    return { provider: "sqlite", url, file: file === ":memory:" ? file : path.resolve(file) };
  }
  if (/^postgres(ql)?:\/\//.test(url)) {
    try {
      const parsed = new URL(url);
      if (!parsed.hostname && !parsed.searchParams.get("host")) throw new Error("no host");
    } catch {
      throw new ConfigError(`DATABASE_URL is not a valid PostgreSQL URL: ${redact(url)}`);
    }
    return { provider: "postgresql", url };
  }
  throw new ConfigError(
    `DATABASE_URL must start with file: (SQLite) or postgresql:// (PostgreSQL); got "${redact(url)}"`,
  );
}

/** The URL with any password replaced, for messages and logs. */
export function redact(url: string): string {
  return url.replace(/(\/\/[^:/@]+:)[^@]*@/, "$1***@");
}
