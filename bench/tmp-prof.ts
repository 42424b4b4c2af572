import "./lib/production";
import { openBenchDatabase } from "./lib/database";
import { createUsers, createWorkspace } from "@/tests/factories";
import { fetchUsersInOrder, rowSelect, userListWhere } from "@/lib/users/list-users";
import { userListQuerySchema } from "@/lib/users/schema";
const p = (process.argv[2] ?? "postgresql") as "postgresql" | "sqlite";
const bench = await openBenchDatabase(p);
const { workspace, roles, admin } = await createWorkspace(bench.db);
for (let i = 0; i < 2; i++) await createUsers(bench.db, workspace.id, 10000, { roleId: roles.user, createdById: admin.id, seed: i, startAt: i * 10000 });
const q = userListQuerySchema.parse({});
const where = userListWhere(workspace.id, q);
for (const [name, select] of [
  ["rowSelect", rowSelect],
  ["+role", { ...rowSelect, role: { select: { name: true } } }],
  ["+memberships", { ...rowSelect, memberships: { select: { group: { select: { name: true } } } } }],
] as const) {
  for (let k = 0; k < 3; k++) {
    const t = performance.now();
    const rows = await fetchUsersInOrder(bench.db, where, q, select as typeof rowSelect, { take: 1000 });
    console.log(p, name, rows.length, (performance.now() - t).toFixed(1));
  }
}
{
  let cursor: { value: unknown; id: string } | undefined;
  const sel = { ...rowSelect, role: { select: { name: true } }, memberships: { select: { group: { select: { name: true } } } } };
  for (let k = 0; k < 6; k++) {
    const t = performance.now();
    const rows = await fetchUsersInOrder(bench.db, where, q, sel as typeof rowSelect, { take: 1000, cursor: cursor as never });
    console.log(p, "page", k, rows.length, (performance.now() - t).toFixed(1));
    const last = rows[rows.length - 1];
    cursor = { value: last.sortName, id: last.id };
  }
}
await bench.close();
