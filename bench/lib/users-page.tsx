/** The server work of /console/users: listUsers, the rows mapped as page.tsx maps them, and the table rendered to HTML. */
import { AppRouterContext, type AppRouterInstance } from "next/dist/shared/lib/app-router-context.shared-runtime";
import { renderToString } from "react-dom/server";
import { UsersTable, type SortLink } from "@/app/console/users/users-table";
import type { Db } from "@/lib/db/client";
import { toUserListRow } from "@/lib/users/labels";
import { listUsers } from "@/lib/users/list-users";
import { userListQuerySchema, userSortKeys, type UserListQuery } from "@/lib/users/schema";
import type { Timing } from "./stats";

// The table's delete dialog calls useRouter(), which needs the app router Next.js provides; nothing here navigates.
const noop = () => {};
const router: AppRouterInstance = { back: noop, forward: noop, refresh: noop, push: noop, replace: noop, prefetch: noop, bfcacheId: "bench" };

/** A users-list query from URL-style parameters, with the page's defaults for the rest. */
export function usersQuery(params: Partial<Record<keyof UserListQuery, string>>): UserListQuery {
  return userListQuerySchema.parse(params);
}

/** Renders one users-list page on the server, timing the database part and the rest apart. */
export async function renderUsersPage(db: Db, workspaceId: string, query: UserListQuery): Promise<Timing & { html: number; rows: number; matching: string; start: number }> {
  const t0 = performance.now();
  const page = await listUsers(db, workspaceId, query);
  const fetched = performance.now();
  const rows = page.rows.map((u) => toUserListRow(u));
  const columns: SortLink[] = userSortKeys.map((key) => {
    const active = query.sort === key ? query.dir : null;
    return { key, label: key, active, href: `/console/users?sort=${key}&dir=${active === "asc" ? "desc" : "asc"}` };
  });
  const html = renderToString(
    <AppRouterContext.Provider value={router}>
      <UsersTable rows={rows} columns={columns} canDelete canSend canSecure />
    </AppRouterContext.Provider>,
  );
  const end = performance.now();
  return { total: end - t0, db: fetched - t0, render: end - fetched, html: html.length, rows: rows.length, matching: `${page.total.toLocaleString("en-US")}${page.totalIsAtLeast ? "+" : ""}`, start: page.start };
}
