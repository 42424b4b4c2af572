/**
 * Migrations that move data, replayed over a database that has rows: each
 * migration's SQL is run in order as Prisma Migrate would, with rows written
 * just before the migration under test.
 */
import { randomBytes } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { auditSearchText } from "@/lib/audit/record";
import { migrationsDir, type Provider } from "@/lib/db/schema-source";
import { createPostgresDatabase, createSqliteDatabase } from "../support/test-databases";
import { testProviders } from "../support/db";

type Sql = { exec(sql: string): Promise<void>; all(sql: string): Promise<Record<string, unknown>[]>; close(): Promise<void> };

async function open(provider: Provider): Promise<Sql & { drop(): unknown }> {
  if (provider === "sqlite") {
    const made = createSqliteDatabase("roster-upgrade");
    const db = new Database(made.url.slice("file:".length));
    return {
      exec: async (sql) => void db.exec(sql),
      all: async (sql) => db.prepare(sql).all() as Record<string, unknown>[],
      close: async () => void db.close(),
      drop: made.drop,
    };
  }
  const made = await createPostgresDatabase("roster_upgrade");
  const client = new pg.Client({ connectionString: made.url });
  await client.connect();
  return {
    exec: async (sql) => void (await client.query(sql)),
    all: async (sql) => (await client.query(sql)).rows as Record<string, unknown>[],
    close: () => client.end(),
    drop: made.drop,
  };
}

function migrations(provider: Provider): { name: string; sql: string }[] {
  const dir = migrationsDir(provider);
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort()
    .map((name) => ({ name, sql: readFileSync(path.join(dir, name, "migration.sql"), "utf8") }));
}

describe.each(testProviders)("upgrading a %s database with data", (provider) => {
  const opened: { drop(): unknown; close(): Promise<void> }[] = [];
  afterAll(async () => {
    for (const o of opened) {
      await o.close();
      await o.drop();
    }
  });

  it("fills workspaceId of import rows, export chunks and profile links from their parents when the foreign keys gain it", async () => {
    const db = await open(provider);
    opened.push(db);
    const all = migrations(provider);
    const at = all.findIndex((m) => m.name.endsWith("_workspace_in_foreign_keys"));
    expect(at).toBeGreaterThan(0);
    for (const m of all.slice(0, at)) await db.exec(m.sql);

    const ws = `ws${randomBytes(4).toString("hex")}`;
    const now = provider === "sqlite" ? "'2026-11-30T10:00:00.000+00:00'" : "now()";
    await db.exec(`
      INSERT INTO "Workspace" ("id", "name", "settings", "createdAt") VALUES ('${ws}', 'Acme', '{}', ${now});
      INSERT INTO "Role" ("id", "workspaceId", "key", "name", "permissions", "consoleAccess", "createdAt") VALUES ('r1', '${ws}', 'user', 'User', '', ${provider === "sqlite" ? 0 : "false"}, ${now});
      INSERT INTO "User" ("id", "workspaceId", "email", "emailNormalized", "alias", "displayName", "sortName", "phone", "searchText", "roleId", "status", "twoFactor", "deviceCount", "source", "nextStepsHintCount", "mustChangePassword", "createdAt", "updatedAt")
        VALUES ('u1', '${ws}', 'a@x.test', 'a@x.test', 'a', '', 'a', '', 'a', 'r1', 'ACTIVE', 'NOT_AVAILABLE', 0, 'CONSOLE', 0, ${provider === "sqlite" ? 0 : "false"}, ${now}, ${now});
      INSERT INTO "Group" ("id", "workspaceId", "name", "nameNormalized", "description", "createdAt") VALUES ('g1', '${ws}', 'G', 'g', '', ${now});
      INSERT INTO "Profile" ("id", "workspaceId", "name", "osFamily", "policy", "createdAt") VALUES ('p1', '${ws}', 'P', 'WINDOWS', '{}', ${now});
      INSERT INTO "ProfileGroup" ("profileId", "groupId") VALUES ('p1', 'g1');
      INSERT INTO "ProfileUser" ("profileId", "userId") VALUES ('p1', 'u1');
      INSERT INTO "ImportRun" ("id", "workspaceId", "fileName", "fileSize", "encoding", "delimiter", "ignoredColumns", "rowCount", "status", "existingMode", "cursor", "created", "updated", "skipped", "failed", "invited", "createdByEmail", "createdAt")
        VALUES ('i1', '${ws}', 'f.csv', 1, 'utf-8', ',', '[]', 1, 'DONE', 'SKIP', 0, 0, 0, 0, 0, 0, 'a@x.test', ${now});
      INSERT INTO "ImportRow" ("importRunId", "rowNumber", "email", "emailNormalized", "name", "phone", "groups", "role", "exchangeDomain", "exchangeUsername", "issues", "overLicense", "excluded")
        VALUES ('i1', 2, 'b@x.test', 'b@x.test', '', '', '', '', '', '', '[]', ${provider === "sqlite" ? 0 : "false"}, ${provider === "sqlite" ? 0 : "false"});
      INSERT INTO "Export" ("id", "workspaceId", "kind", "fileName", "description", "rowCount", "actorEmail", "createdAt") VALUES ('e1', '${ws}', 'users', 'u.csv', '', 1, 'a@x.test', ${now});
      INSERT INTO "ExportChunk" ("exportId", "seq", "content") VALUES ('e1', 0, 'x');
    `);

    for (const m of all.slice(at)) await db.exec(m.sql);

    for (const table of ["ImportRow", "ExportChunk", "ProfileGroup", "ProfileUser"]) {
      expect(await db.all(`SELECT "workspaceId" FROM "${table}"`), table).toEqual([{ workspaceId: ws }]);
    }
    expect(await db.all(`SELECT "id" FROM "User"`)).toEqual([{ id: "u1" }]);
  });

  it("fills the search text of audit events recorded before it existed, as the code writes it", async () => {
    const db = await open(provider);
    opened.push(db);
    const all = migrations(provider);
    const at = all.findIndex((m) => m.name.endsWith("_account_security"));
    expect(at).toBeGreaterThan(0);
    for (const m of all.slice(0, at)) await db.exec(m.sql);
    const ws = `ws${randomBytes(4).toString("hex")}`;
    const now = provider === "sqlite" ? "'2026-11-30T10:00:00.000+00:00'" : "now()";
    await db.exec(`
      INSERT INTO "Workspace" ("id", "name", "settings", "createdAt") VALUES ('${ws}', 'Acme', '{}', ${now});
      INSERT INTO "AuditEvent" ("id", "workspaceId", "actorEmail", "action", "targetType", "targetLabel", "details", "createdAt")
        VALUES ('a1', '${ws}', 'Ana.Admin@Corp.example', 'user.update', 'user', 'bob_b 50%@x.test', '{}', ${now});
    `);
    for (const m of all.slice(at)) await db.exec(m.sql);
    expect(await db.all(`SELECT "searchText", "address" FROM "AuditEvent"`)).toEqual([{ searchText: auditSearchText("Ana.Admin@Corp.example", "bob_b 50%@x.test"), address: "" }]);
  });
});
