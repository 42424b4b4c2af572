import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as PgClient } from "./generated/postgresql/client.ts";
import { PrismaClient as SqliteClient } from "./generated/sqlite/client.ts";
import { prepareSqliteFile } from "./sqlite-file.ts";
import { parseDatabaseUrl, type DatabaseTarget } from "./url.ts";

/** Secrets never leave the database unless a query asks for them by name. */
const omit = { user: { passwordHash: true, totpSecret: true, totpPendingSecret: true }, emailMessage: { sealedToken: true } } as const;

function createPg(url: string) {
  const max = Number(process.env.DATABASE_POOL_SIZE ?? 10);
  return new PgClient({ adapter: new PrismaPg({ connectionString: url, max }), omit });
}

/**
 * The client type the code is written against. Both clients come from one
 * schema, so their model APIs are the same; the SQLite one is typed as this.
 */
export type Db = ReturnType<typeof createPg>;
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

function createSqlite(file: string): Db {
  prepareSqliteFile(file);
  const client = new SqliteClient({ adapter: new PrismaBetterSqlite3({ url: file, timeout: 10_000 }), omit });
  return client as unknown as Db;
}

/** Creates a new client for a database target; most code wants `unscopedDb()`. */
export function createDb(target: DatabaseTarget): Db {
  return target.provider === "sqlite" ? createSqlite(target.file) : createPg(target.url);
}

type Cached = { url: string; db: Db; provider: DatabaseTarget["provider"] };
const globalCache = globalThis as unknown as { __rosterDb?: Cached };

/**
 * The process's one client, for the database DATABASE_URL names, seeing every
 * workspace. Only for what runs before or outside a workspace: sign-in,
 * setup, the agent API, background workers. Console code gets the
 * workspace-scoped client from its context (lib/auth/context.ts).
 */
export function unscopedDb(): Db {
  const target = parseDatabaseUrl();
  const cached = globalCache.__rosterDb;
  if (cached && cached.url === target.url) return cached.db;
  const db = createDb(target);
  globalCache.__rosterDb = { url: target.url, db, provider: target.provider };
  return db;
}

/** Which engine the process's client talks to. */
export function dbProvider(): DatabaseTarget["provider"] {
  return parseDatabaseUrl().provider;
}
