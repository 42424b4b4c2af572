import { applyMigrations } from "@/lib/db/schema-engine";
import { createDb } from "@/lib/db/client";
import { parseDatabaseUrl } from "@/lib/db/url";
import { listUsers } from "@/lib/users/list-users";
import { usersQuery } from "./lib/users-page";
import { createUsers, createWorkspace } from "@/tests/factories";
import { createPostgresDatabase, createSqliteDatabase } from "@/tests/support/test-databases";
for (const made of [createSqliteDatabase("walk"), await createPostgresDatabase("walk")]) {
  await applyMigrations(made.url);
  const db = createDb(parseDatabaseUrl(made.url));
  const { workspace, roles } = await createWorkspace(db);
  const { userIds } = await createUsers(db, workspace.id, 300, { roleId: roles.user });
  const states = ["ACTIVE", "NOT_ACTIVE", "NOT_CONFIGURED"] as const;
  for (const [k, s] of states.entries()) await db.user.updateMany({ where: { id: { in: userIds.filter((_, j) => j % 4 === k) } }, data: { twoFactor: s } });
  for (const sort of ["twoFactor", "devices", "lastLogin"] as const) for (const dir of ["asc", "desc"] as const) {
    const seen: string[] = []; let cursor = ""; let pages = 0; const firsts: string[] = [];
    do { const p = await listUsers(db, workspace.id, usersQuery({ sort, dir, size: "25", cursor })); seen.push(...p.rows.map((r) => r.id)); firsts.push(p.rows[0]?.twoFactor ?? "-"); cursor = p.next ?? ""; pages++; } while (cursor && pages < 50);
    console.log(made.url.slice(0, 12), sort, dir, "pages", pages, "rows seen", seen.length, "distinct", new Set(seen).size, "of", 301, sort === "twoFactor" ? firsts.join(",") : "");
  }
  await db.$disconnect(); await made.drop();
}
