import { platformCatalog } from "@/lib/enrollment/platform";
import type { Metadata } from "next";
import Link from "next/link";
import { buttonClasses } from "@/components/button";
import { EmptyState, PageHeader } from "@/components/page-header";
import { Pagination } from "@/components/pagination";
import { can, requireConsolePage } from "@/lib/auth/context";
import { formatCount, plural } from "@/lib/format";
import { listRoles } from "@/lib/users/get-user";
import { toUserListRow, twoFactorLabels } from "@/lib/users/labels";
import { listUsers } from "@/lib/users/list-users";
import { isFiltered, userListHref as hrefFor } from "@/lib/users/list-href";
import { twoFactorStates, userListQuerySchema } from "@/lib/users/schema";
import { ExportButton } from "./export-button";
import { UsersFilters } from "./users-filters";
import { UsersTable, type SortLink } from "./users-table";

export const metadata: Metadata = { title: "Users" };

const columns = [
  { key: "name", label: "Name" },
  { key: "email", label: "Email" },
  { key: "phone", label: "Phone" },
  { key: "devices", label: "# of devices" },
  { key: "twoFactor", label: "2FA status" },
  { key: "lastLogin", label: "Last login" },
] as const;

export default async function UsersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const ctx = await requireConsolePage("page /console/users");
  const raw = await searchParams;
  const query = userListQuerySchema.parse(Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v])));
  const [page, roles] = await Promise.all([listUsers(ctx.db, ctx.workspace.id, query), listRoles(ctx.db, ctx.workspace.id)]);

  const rows = page.rows.map((u) => toUserListRow(u, new Map(roles.map((r) => [r.id, r]))));
  const sortLinks: SortLink[] = columns.map((c) => {
    const active = query.sort === c.key ? query.dir : null;
    return { key: c.key, label: c.label, active, href: hrefFor(query, { sort: c.key, dir: active === "asc" ? "desc" : "asc" }) };
  });
  const filtered = isFiltered(query);
  const total = `${formatCount(page.total)}${page.totalIsAtLeast ? "+" : ""}`;
  const range = page.total === 0 ? "No users" : `${formatCount(page.start + 1)}–${formatCount(page.start + rows.length)} of ${total}`;

  return (
    <>
      <PageHeader
        title="Users"
        actions={
          <>
            {/* The current search, filters and order, as CSV: a POST (it writes a stored export), answered as an attachment, with toasts when it starts and ends. */}
            {can(ctx, "POST /api/users/export") ? (
              <ExportButton action={hrefFor(query, {}, "/api/users/export")} rows={page.totalIsAtLeast ? null : page.total} />
            ) : null}
            {can(ctx, "createUserAction") ? (
              <>
                <Link href="/console/users/new" className={buttonClasses("secondary")}>Create user</Link>
                <Link href="/console/users/import" className={buttonClasses("secondary")}>Import users</Link>
                <Link href="/console/users/add" className={buttonClasses()}>Add users</Link>
              </>
            ) : null}
          </>
        }
        description={<span data-testid="user-count">{page.totalIsAtLeast ? `${total} users` : plural(page.total, "user")}{filtered ? (page.total === 1 ? " matches" : " match") : ""}</span>} />
      <UsersFilters query={query} roles={roles.map((r) => [r.id, r.name])} twoFactorOptions={twoFactorStates.map((s) => [s, twoFactorLabels[s]])} />
      {rows.length === 0 ? (
        <EmptyState title={filtered ? "No users match" : "No users yet"}>
          {filtered ? "Try another search or clear the filters." : "Users you add appear here."}
        </EmptyState>
      ) : (
        <>
          <UsersTable key={`${query.cursor}|${query.sort}|${query.dir}`} rows={rows} columns={sortLinks} canDelete={can(ctx, "deleteUsersAction")} canSend={can(ctx, "sendInstructionsAction")} canSecure={can(ctx, "setUserPasswordsAction")}
            enrollPlatforms={can(ctx, "enrollDeviceAction") ? platformCatalog() : null}
            canGroup={can(ctx, "bulkMembershipAction")}
            total={page.total}
            totalIsAtLeast={page.totalIsAtLeast}
            matching={{ q: query.q, role: query.role, twoFactor: query.twoFactor, devices: query.devices, instructions: query.instructions }}
          />
          <Pagination
            label={range}
            first={page.prev ? hrefFor(query, {}) : null}
            prev={page.prev ? hrefFor(query, { cursor: page.prev }) : null}
            next={page.next ? hrefFor(query, { cursor: page.next }) : null}
            last={page.last ? hrefFor(query, { cursor: page.last }) : null}
          />
        </>
      )}
    </>
  );
}
