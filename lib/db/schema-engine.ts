/**
 * Prisma's schema engine (the part behind `prisma migrate`), run as
 * WebAssembly through the project's driver adapters. The Prisma 7 CLI would
 * download a native engine instead, which this project cannot rely on.
 *
 * Every call builds an engine, does its work and then frees it and closes the
 * connections it opened: the engine never disposes adapters itself, and an
 * open connection would keep the process (and, on SQLite, the file lock) alive.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import {
  bindMigrationAwareSqlAdapterFactory,
  ColumnTypeEnum,
  DriverAdapterError,
  type ErrorRegistry,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";
import type { MigrationList, SchemaEngine } from "@prisma/schema-engine-wasm";
import * as glue from "@prisma/schema-engine-wasm/schema_engine_bg";
import pg from "pg";
import { migrationsDir, type Provider } from "./schema-source.ts";
import { parseDatabaseUrl, redact, type DatabaseTarget } from "./url.ts";

/** A migration step that failed; the message is one line meant for the operator. */
export class MigrationError extends Error {
  override name = "MigrationError";
  /** Prisma's error code (e.g. P3009, failed migrations found) when the engine gave one. */
  readonly code: string | undefined;
  constructor(message: string, code?: string) {
    super(code ? `${message} (${code})` : message);
    this.code = code;
  }
}

/** How a database's migration history compares with the migrations folder. */
export type MigrationStatus = {
  /** In the folder, not yet applied. */
  pending: string[];
  /** Recorded in the database but absent from the folder: the database is ahead of the code. */
  unknown: string[];
  /** Recorded as started but never finished. */
  failed: string[];
  /** Applied, but the migration.sql in the folder has changed since. */
  edited: string[];
};

const LOCKFILE = "migration_lock.toml";
const MIGRATION_FILE = "migration.sql";
const noFilters = { externalTables: [], externalEnums: [] };
/** The advisory lock key Prisma Migrate uses on PostgreSQL. */
const PG_MIGRATION_LOCK = 72707369;
/** How long a migrator waits for another one to finish before giving up. */
const LOCK_WAIT_MS = 5 * 60_000;

/**
 * The SQL script that turns `fromSchema` (null: an empty database) into
 * `toSchema`, both Prisma schemas for `provider`; "" when they are equivalent.
 * Works offline: no database is contacted.
 */
export async function diffSchemas(provider: Provider, fromSchema: string | null, toSchema: string): Promise<string> {
  const datamodel = (content: string) => ({ tag: "schemaDatamodel" as const, files: [{ path: "schema.prisma", content }] });
  // "Empty" is a schema with only a datasource rather than the engine's `empty`
  // target: the latter has no `public` schema on PostgreSQL and would open the
  // script with CREATE SCHEMA, which `prisma migrate dev` never writes.
  const from = fromSchema ?? `datasource db {\n  provider = "${provider}"\n}\n`;
  const { stdout } = await withEngine(offlineFactory(provider), (engine) =>
    engine.diff({ from: datamodel(from), to: datamodel(toSchema), script: true, exitCode: null, filters: noFilters }),
  );
  const script = stdout ?? "";
  // An empty diff still comes back as a comment ("-- This is an empty migration.").
  const statements = script.replace(/--.*$/gm, "").trim();
  return statements ? script : "";
}

/**
 * Applies the pending migrations of `migrationsDir(provider)` to the database
 * at `url` (provider chosen by the URL) and returns the names applied, in
 * order; [] when it is up to date. Refuses a database that holds migrations
 * the folder does not know. Safe to run from several processes at once:
 * they take turns (PostgreSQL advisory lock, SQLite exclusive file lock),
 * each waiting up to 5 minutes for the one before.
 */
export async function applyMigrations(url: string): Promise<string[]> {
  const target = parseDatabaseUrl(url);
  const migrationsList = readMigrationsList(target.provider);
  return withEngine(connectionFactory(target, { lock: true }), async (engine) => {
    // On SQLite another migrator could slip in between this check and the
    // apply; it could only add migrations this one knows or newer ones.
    const status = toStatus(await diagnose(engine, migrationsList));
    if (status.unknown.length) {
      throw new MigrationError(
        `the database is ahead of this version of Roster: it has migrations the code does not know (${status.unknown.join(", ")}); run a newer Roster or another database`,
      );
    }
    // Checked under the lock: a migration another process is applying right now is not a failed one.
    if (status.failed.length) {
      throw new MigrationError(
        `migration ${status.failed.join(", ")} failed earlier and left the database half-migrated; restore a backup or fix it by hand`,
      );
    }
    const { appliedMigrationNames } = await engine.applyMigrations({ migrationsList, filters: noFilters });
    return appliedMigrationNames;
  });
}

/** Compares the database at `url` with the migrations folder, changing nothing. */
export async function migrationStatus(url: string): Promise<MigrationStatus> {
  const target = parseDatabaseUrl(url);
  const migrationsList = readMigrationsList(target.provider);
  // Opening a missing SQLite file would create it; it has nothing applied.
  if (target.provider === "sqlite" && target.file !== ":memory:" && !existsSync(target.file)) {
    return { pending: migrationsList.migrationDirectories.map((m) => m.path), unknown: [], failed: [], edited: [] };
  }
  return toStatus(await withEngine(connectionFactory(target, { lock: false }), (engine) => diagnose(engine, migrationsList)));
}

type Diagnosis = Awaited<ReturnType<SchemaEngine["diagnoseMigrationHistory"]>>;

async function diagnose(engine: SchemaEngine, migrationsList: MigrationList): Promise<Diagnosis> {
  try {
    return await engine.diagnoseMigrationHistory({ migrationsList, optInToShadowDatabase: false, filters: noFilters });
  } catch (error) {
    // On SQLite the engine fails with P1014 (table missing) where it should
    // report a database with no migrations table, i.e. nothing applied yet.
    if (errorCode(error) !== "P1014") throw error;
    const unapplied = migrationsList.migrationDirectories.map((m) => m.path);
    return {
      hasMigrationsTable: false,
      failedMigrationNames: [],
      editedMigrationNames: [],
      history: unapplied.length ? { diagnostic: "databaseIsBehind", unappliedMigrationNames: unapplied } : null,
    };
  }
}

function errorCode(error: unknown): string | undefined {
  const code: unknown = error instanceof Error && "code" in error ? error.code : undefined;
  return typeof code === "string" ? code : undefined;
}

function toStatus({ history, failedMigrationNames, editedMigrationNames }: Diagnosis): MigrationStatus {
  const status: MigrationStatus = { pending: [], unknown: [], failed: failedMigrationNames, edited: editedMigrationNames };
  if (history?.diagnostic === "databaseIsBehind") status.pending = history.unappliedMigrationNames;
  if (history?.diagnostic === "migrationsDirectoryIsBehind") status.unknown = history.unpersistedMigrationNames;
  if (history?.diagnostic === "historiesDiverge") {
    status.pending = history.unappliedMigrationNames;
    status.unknown = history.unpersistedMigrationNames;
  }
  return status;
}

/** The migrations folder as the engine takes it: the host reads the files, the engine never does. */
function readMigrationsList(provider: Provider): MigrationList {
  const baseDir = migrationsDir(provider);
  const lockPath = path.join(baseDir, LOCKFILE);
  const names = existsSync(baseDir)
    ? readdirSync(baseDir, { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .map((entry) => entry.name)
        .sort()
    : [];
  return {
    baseDir,
    lockfile: { path: LOCKFILE, content: existsSync(lockPath) ? readFileSync(lockPath, "utf8") : null },
    shadowDbInitScript: "",
    migrationDirectories: names.map((name) => {
      const file = path.join(baseDir, name, MIGRATION_FILE);
      let content: MigrationList["migrationDirectories"][number]["migrationFile"]["content"];
      try {
        content = { tag: "ok", value: readFileSync(file, "utf8") };
      } catch (error) {
        content = { tag: "error", value: error instanceof Error ? error.message : String(error) };
      }
      return { path: name, migrationFile: { path: MIGRATION_FILE, content } };
    }),
  };
}

/**
 * A driver adapter factory for the database. With `lock`, a PostgreSQL
 * connection first takes the migration lock.
 */
function connectionFactory(target: DatabaseTarget, { lock }: { lock: boolean }): SqlMigrationAwareDriverAdapterFactory {
  if (target.provider === "sqlite") {
    if (target.file !== ":memory:") mkdirSync(path.dirname(target.file), { recursive: true });
    const factory = new PrismaBetterSqlite3({ url: target.file, timeout: LOCK_WAIT_MS });
    if (!lock) return factory;
    return {
      provider: factory.provider,
      adapterName: factory.adapterName,
      connect: async () => {
        const adapter = await factory.connect();
        try {
          await takeSqliteFileLock(adapter);
          return adapter;
        } catch (error) {
          await adapter.dispose();
          throw error;
        }
      },
      connectToShadowDb: () => Promise.reject(new MigrationError("a shadow database is never used")),
    };
  }
  // One connection, so the session-level advisory lock is held by the session
  // that runs the migrations; with a larger pool queries could land elsewhere.
  const factory = new PrismaPg({ connectionString: target.url, max: 1 });
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => {
      const adapter = wholeScripts(await factory.connect());
      if (!lock) return adapter;
      try {
        await takeMigrationLock(adapter);
        return adapter;
      } catch (error) {
        await adapter.dispose();
        throw error;
      }
    },
    connectToShadowDb: () => Promise.reject(new MigrationError("a shadow database is never used")),
  };
}

/**
 * Takes the lock the engine itself takes before applying, but waits longer:
 * the engine gives up after 10 s, so an instance starting while another runs
 * a longer migration would fail. Held by this session, the engine's own
 * pg_advisory_lock then returns at once (the lock is re-entrant), and it is
 * released when the connection closes. Also covers the check for unknown
 * migrations that precedes the apply.
 */
async function takeMigrationLock(adapter: PgAdapter): Promise<void> {
  const deadline = Date.now() + LOCK_WAIT_MS;
  // Through the adapter, so a failure (server unreachable, no such database)
  // reaches the engine as a mapped error and reads as the engine's own would.
  const query = { sql: "SELECT pg_try_advisory_lock($1)", args: [PG_MIGRATION_LOCK], argTypes: [{ scalarType: "int" as const, arity: "scalar" as const }] };
  for (;;) {
    const { rows } = await adapter.queryRaw(query);
    if (rows[0]?.[0] === true) return;
    if (Date.now() > deadline) {
      throw new MigrationError(`another migrator has held the migration lock for ${LOCK_WAIT_MS / 60_000} minutes; is one stuck?`);
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

type PgAdapter = Awaited<ReturnType<PrismaPg["connect"]>>;

/**
 * Takes the SQLite file's exclusive lock before the engine reads anything,
 * and keeps it until the connection closes (exclusive locking mode never
 * gives a lock back). Without it, two migrators could both read (each then
 * holding a shared lock) and each wait for the other's to go before writing:
 * a deadlock SQLite's busy handler does not break, seen as a migrator hanging
 * under load. Taken from no lock at all, BEGIN EXCLUSIVE waits its turn (up
 * to LOCK_WAIT_MS, blocking this process, which has nothing else to do).
 */
async function takeSqliteFileLock(adapter: SqlDriverAdapter): Promise<void> {
  await adapter.executeScript("PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE; COMMIT;");
}

/**
 * adapter-pg runs a script by splitting it on every ";", even inside strings
 * and comments, one statement at a time. Sent whole, PostgreSQL runs it as one
 * implicit transaction, so a failed migration leaves nothing half-applied,
 * as with Prisma's native engine.
 */
function wholeScripts(adapter: PgAdapter): PgAdapter {
  const pool = adapter.underlyingDriver();
  adapter.executeScript = async (script: string) => {
    try {
      await pool.query(script);
    } catch (error) {
      if (!(error instanceof pg.DatabaseError)) throw error;
      // Mapped like the adapter's own errors, so the engine logs the real
      // message in _prisma_migrations.logs rather than an opaque error id.
      const { code = "", severity = "ERROR", message, detail, column, hint } = error;
      throw new DriverAdapterError({ kind: "postgres", code, severity, message, detail, column, hint });
    }
  };
  return adapter;
}

/**
 * The engine needs an adapter even for a pure schema diff. On PostgreSQL it
 * asks the server's version once at start-up; this answers that and nothing
 * else, so diffs never depend on a running database.
 */
function offlineFactory(provider: Provider): SqlMigrationAwareDriverAdapterFactory {
  const adapterProvider = provider === "sqlite" ? "sqlite" : "postgres";
  const refuse = () => Promise.reject(new MigrationError("diffSchemas tried to use a database"));
  const adapter: SqlDriverAdapter = {
    provider: adapterProvider,
    adapterName: "roster-offline",
    queryRaw: async (query) => {
      if (!query.sql.includes("server_version_num")) return refuse();
      return {
        columnNames: ["exists", "version", "numeric_version"],
        columnTypes: [ColumnTypeEnum.Boolean, ColumnTypeEnum.Text, ColumnTypeEnum.Int32],
        rows: [[true, "PostgreSQL 15.0", 150000]],
      };
    },
    executeRaw: refuse,
    executeScript: refuse,
    startTransaction: refuse,
    dispose: () => Promise.resolve(),
  };
  return {
    provider: adapterProvider,
    adapterName: "roster-offline",
    connect: () => Promise.resolve(adapter),
    connectToShadowDb: refuse,
  };
}

/**
 * Runs `work` on a fresh engine, then frees it and disposes every connection
 * it opened. Calls in one process run one at a time: SQLite waits for a lock
 * synchronously, so a second connection in the same process would block the
 * event loop the lock holder needs to finish.
 */
function withEngine<T>(factory: SqlMigrationAwareDriverAdapterFactory, work: (engine: SchemaEngine) => Promise<T>): Promise<T> {
  const rt = runtime();
  const result = rt.queue.then(() => runEngine(factory, work));
  rt.queue = result.catch(() => undefined);
  return result;
}

async function runEngine<T>(factory: SqlMigrationAwareDriverAdapterFactory, work: (engine: SchemaEngine) => Promise<T>): Promise<T> {
  const opened: SqlDriverAdapter[] = [];
  const track = async (adapter: Promise<SqlDriverAdapter>) => {
    opened.push(await adapter);
    return opened[opened.length - 1];
  };
  const bound = bindMigrationAwareSqlAdapterFactory({
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: () => track(factory.connect()),
    connectToShadowDb: () => track(factory.connectToShadowDb()),
  });
  const wasm = await runtime().wasm;
  let engine: SchemaEngine | undefined;
  try {
    engine = await wasm.SchemaEngine.new({ datamodels: undefined }, engineLog, bound);
    return await work(engine);
  } catch (error) {
    throw explain(error, bound.errorRegistry);
  } finally {
    engine?.free();
    await Promise.allSettled(opened.map((adapter) => adapter.dispose()));
    releaseTimers();
  }
}

/** Engine log lines (JSON), shown when DEBUG mentions schema-engine. */
function engineLog(line: string): void {
  if (process.env.DEBUG?.includes("schema-engine")) console.error(line);
}

/** Turns what the engine throws into an error with a readable one-line message. */
function explain(error: unknown, registry: ErrorRegistry): Error {
  if (error instanceof MigrationError) return error;
  const message = error instanceof Error ? error.message : String(error);
  // A JavaScript error raised inside an adapter reaches us only as an id.
  const id = /External error id#(\d+)/.exec(message)?.[1];
  const original = id === undefined ? undefined : registry.consumeError(Number(id))?.error;
  if (original !== undefined) return explain(original, registry);
  if (error instanceof WebAssembly.RuntimeError) {
    return new MigrationError(`the schema engine crashed: ${runtime().panic.message || message}`);
  }
  // Engine messages end in a Rust span trace ("0: sql_schema_connector::…"),
  // whose only part of interest is the migration it was applying.
  const [text, trace = ""] = message.split(/\n\s*0: /);
  const migration = /migration_name="([^"]+)"/.exec(trace)?.[1];
  const line = text.trim().replace(/\s+/g, " ");
  return new MigrationError(redact(migration ? `migration ${migration} failed: ${line}` : line), errorCode(error));
}

/**
 * The loaded engine and what its glue code calls back into. Kept on
 * globalThis, so one per process: the glue module caches views of the
 * instance's memory, and a second instantiation (this file evaluated again,
 * as test runners do) would leave it reading the old memory.
 */
type Runtime = {
  wasm: Promise<typeof glue>;
  /** The tail of the queue of engine calls (see withEngine). */
  queue: Promise<unknown>;
  /**
   * Timers the engine starts. It arms a 10 s timeout around its advisory lock
   * and never clears it, which kept scripts alive 10 s after their work; they
   * are unref'd when each call ends.
   */
  timers: Set<NodeJS.Timeout>;
  /** The engine's panic message, handed over just before it traps. */
  panic: { message: string };
};

const globals = globalThis as {
  PRISMA_WASM_PANIC_REGISTRY?: { set_message(message: string): void };
  __rosterSchemaEngine?: Runtime;
};

function runtime(): Runtime {
  globals.__rosterSchemaEngine ??= createRuntime();
  return globals.__rosterSchemaEngine;
}

function releaseTimers(): void {
  const { timers } = runtime();
  for (const timer of timers) timer.unref();
  timers.clear();
}

/**
 * The package's entry point imports the .wasm file as an ES module, which
 * Node does not support, so its JS glue is imported instead and the module is
 * instantiated by hand.
 */
function createRuntime(): Runtime {
  const timers = new Set<NodeJS.Timeout>();
  const panic = { message: "" };
  globals.PRISMA_WASM_PANIC_REGISTRY ??= { set_message: (message) => (panic.message = message) };
  const engineSetTimeout = (callback: () => void, ms: number) => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      callback();
    }, ms >>> 0);
    timers.add(timer);
    return timer;
  };
  const wasm = (async () => {
    const require = createRequire(import.meta.url);
    const gluePath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
    const bytes = readFileSync(gluePath.replace(/\.js$/, ".wasm"));
    // The .wasm imports every glue function from the module "./schema_engine_bg.js".
    const functions: WebAssembly.ModuleImports = { ...(glue as unknown as WebAssembly.ModuleImports) };
    const setTimeoutImport = Object.keys(functions).find((name) => name.startsWith("__wbg_setTimeout_"));
    if (setTimeoutImport) functions[setTimeoutImport] = engineSetTimeout;
    const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": functions });
    glue.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return glue;
  })();
  return { wasm, queue: Promise.resolve(), timers, panic };
}
