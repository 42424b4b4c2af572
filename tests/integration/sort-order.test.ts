import { describe, expect, it } from "vitest";
import { listUsers } from "@/lib/users/list-users";
import { userListQuerySchema } from "@/lib/users/schema";
import { derivedUserColumns } from "@/lib/users/fields";
import { createWorkspace } from "../factories";
import { testDb, testProviders } from "../support/db";

// Names whose order differs between code-point order and ICU / glibc en-US order.
const names = ["Zed", "éclair", "Ezra", "fred", "a b", "ab", "a-c", "_under", "Ölaf", "oscar", "Émile", "1st", "Zoë"];

/** Code-point order of the stored sort keys: what SQLite's BINARY collation does. */
const codePointOrder = (keys: string[]) => [...keys].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

describe.each(testProviders)("sort order on %s", (provider) => {
  const db = testDb(provider);

  it("sorts names, emails and phones by code point, whatever the database's collation (the PostgreSQL test database is ICU en-US)", async () => {
    const { workspace, roles } = await createWorkspace(db, { adminName: "~admin" });
    for (const [i, name] of names.entries()) {
      const email = `${name.replace(/[^a-z0-9]/gi, "x")}.${i}@sort.test`;
      const profile = { email, alias: `u${i}`, displayName: name, phone: `+${name.length} ${name}` };
      await db.user.create({ data: { workspaceId: workspace.id, ...profile, ...derivedUserColumns(profile), roleId: roles.user } });
    }
    const all = await db.user.findMany({ where: { workspaceId: workspace.id }, select: { sortName: true, emailNormalized: true, phone: true } });
    for (const [sort, key] of [["name", "sortName"], ["email", "emailNormalized"], ["phone", "phone"]] as const) {
      const page = await listUsers(db, workspace.id, { ...userListQuerySchema.parse({}), sort, size: 50 });
      const listed = await db.user.findMany({ where: { id: { in: page.rows.map((r) => r.id) } }, select: { id: true, sortName: true, emailNormalized: true, phone: true } });
      const byId = new Map(listed.map((u) => [u.id, u[key]]));
      expect(page.rows.map((r) => byId.get(r.id)), `sort by ${sort}`).toEqual(codePointOrder(all.map((u) => u[key])));
    }
  });
});
