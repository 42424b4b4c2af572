import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { createDb } from "@/lib/db/client";
import { prepareDatabase } from "@/lib/db/prepare-database";
import { parseDatabaseUrl } from "@/lib/db/url";
import { createSqliteDatabase } from "../support/test-databases";

const journalMode = (file: string) => {
  const db = new Database(file, { readonly: true });
  try {
    return String(db.pragma("journal_mode", { simple: true }));
  } finally {
    db.close();
  }
};

describe("every path that opens the SQLite file sets the same pragmas", () => {
  const made: { drop(): void }[] = [];
  afterEach(() => made.splice(0).forEach((d) => d.drop()));

  it("prepareDatabase (npm start, npm run db:migrate) leaves the file in WAL mode", async () => {
    const sqlite = createSqliteDatabase("roster-pragma");
    made.push(sqlite);
    await prepareDatabase(sqlite.url);
    expect(journalMode((parseDatabaseUrl(sqlite.url) as { file: string }).file)).toBe("wal");
  });

  it("the console's client switches a file migrated some other way to WAL before its first query", async () => {
    const sqlite = createSqliteDatabase("roster-pragma");
    made.push(sqlite);
    const file = (parseDatabaseUrl(sqlite.url) as { file: string }).file;
    // A file in rollback-journal mode, as a tool other than Roster's would leave it.
    const raw = new Database(file);
    raw.pragma("journal_mode = DELETE");
    raw.exec("create table t (x integer)");
    raw.close();
    expect(journalMode(file)).toBe("delete");
    const db = createDb(parseDatabaseUrl(sqlite.url));
    try {
      await db.$queryRawUnsafe("select 1");
      expect(journalMode(file)).toBe("wal");
    } finally {
      await db.$disconnect();
    }
  });
});
