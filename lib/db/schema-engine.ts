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
import { parseDatabaseUrl, redact } from "./url.ts";

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
 * the folder does not know. Safe to run from several processes at once: the
 * engine takes a PostgreSQL advisory lock, and SQLite an exclusive file lock.
 */
export async function applyMigrations(url: string): Promise<string[]> {
  const target = parseDatabaseUrl(url);
  const migrationsList = readMigrationsList(target.provider);
  return withEngine(connectionFactory(url), async (engine) => {
    // Checked before applying; another instance migrating in between could
    // only add migrations this one knows or newer ones, as in any rolling start.
    const status = toStatus(await diagnose(engine, migrationsList));
    if (status.unknown.length) {
      throw new MigrationError(
        `the database has migrations this code does not know (${status.unknown.join(", ")}); run a newer version of Roster`,
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
  return toStatus(await withEngine(connectionFactory(url), (engine) => diagnose(engine, migrationsList)));
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

/** A driver adapter factory for the database at `url`. */
function connectionFactory(url: string): SqlMigrationAwareDriverAdapterFactory {
  const target = parseDatabaseUrl(url);
  if (target.provider === "sqlite") {
    if (target.file !== ":memory:") mkdirSync(path.dirname(target.file), { recursive: true });
    // The engine holds an exclusive lock while it works; a second migrator waits this long for it.
    return new PrismaBetterSqlite3({ url: target.file, timeout: 30_000 });
  }
  // One connection: the engine's session-level advisory lock (pg_advisory_lock)
  // must be held by the same session that then runs the migrations, and with a
  // larger pool its later queries could land on other connections.
  const factory = new PrismaPg({ connectionString: url, max: 1 });
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => wholeScripts(await factory.connect()),
    connectToShadowDb: () => Promise.reject(new MigrationError("a shadow database is never used")),
  };
}

/**
 * adapter-pg runs a script by splitting it on every ";", even inside strings
 * and comments, one statement at a time. Sent whole, PostgreSQL runs it as one
 * implicit transaction, so a failed migration leaves nothing half-applied,
 * as with Prisma's native engine.
 */
function wholeScripts(adapter: Awaited<ReturnType<PrismaPg["connect"]>>): SqlDriverAdapter {
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

/** Runs `work` on a fresh engine, then frees it and disposes every connection it opened. */
async function withEngine<T>(
  factory: SqlMigrationAwareDriverAdapterFactory,
  work: (engine: SchemaEngine) => Promise<T>,
): Promise<T> {
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
  const wasm = await loadWasm();
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
    return new MigrationError(`the schema engine crashed: ${panic.message || message}`);
  }
  return new MigrationError(redact(message.trim().replace(/\s+/g, " ")), errorCode(error));
}

type Wasm = typeof glue;

/**
 * Timers the engine starts. It arms a 10 s timeout for the PostgreSQL advisory
 * lock and never clears it, which kept scripts alive 10 s after their work was
 * done; they are unref'd once each call is over. Engine calls running
 * concurrently in one process may see theirs unref'd early, which only matters
 * if one was waiting on nothing but a timer.
 */
const engineTimers = new Set<NodeJS.Timeout>();

function engineSetTimeout(callback: () => void, ms: number): NodeJS.Timeout {
  const timer = setTimeout(() => {
    engineTimers.delete(timer);
    callback();
  }, ms >>> 0);
  engineTimers.add(timer);
  return timer;
}

function releaseTimers(): void {
  for (const timer of engineTimers) timer.unref();
  engineTimers.clear();
}

/** The engine's panic message, which its glue code hands to this global before trapping. */
const panic = { message: "" };

const globals = globalThis as {
  PRISMA_WASM_PANIC_REGISTRY?: { set_message(message: string): void };
  __rosterSchemaEngine?: Promise<Wasm>;
};

/**
 * Loads the engine once per process. The package's entry point imports the
 * .wasm file as an ES module, which Node does not support, so its JS glue is
 * imported instead and the module is instantiated by hand. The instance is
 * kept on globalThis: the glue caches views of the instance's memory, so a
 * second instantiation (this file evaluated again, as test runners do) would
 * leave it reading the old memory.
 */
function loadWasm(): Promise<Wasm> {
  globals.__rosterSchemaEngine ??= (async () => {
    globals.PRISMA_WASM_PANIC_REGISTRY ??= { set_message: (message) => (panic.message = message) };
    const require = createRequire(import.meta.url);
    const gluePath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
    const bytes = readFileSync(gluePath.replace(/\.js$/, ".wasm"));
    // The .wasm imports every glue function from the module "./schema_engine_bg.js".
    const functions: WebAssembly.ModuleImports = { ...(glue as unknown as WebAssembly.ModuleImports) };
    const setTimeoutImport = Object.keys(functions).find((name) => name.startsWith("__wbg_setTimeout_"));
    if (setTimeoutImport) functions[setTimeoutImport] = engineSetTimeout;
    const imports = { "./schema_engine_bg.js": functions };
    const { instance } = await WebAssembly.instantiate(bytes, imports);
    glue.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return glue;
  })();
  return globals.__rosterSchemaEngine;
}
