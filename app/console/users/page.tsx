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
import { twoFactorStates, userListQuerySchema, type UserListQuery } from "@/lib/users/schema";
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

/** The list's URL for a query (or another path taking the same query), leaving out defaults so links stay short. */
function hrefFor(query: UserListQuery, change: Partial<UserListQuery>, path = "/console/users"): string {
  const next = { ...query, cursor: "", ...change };
  const params = new URLSearchParams();
  if (next.q) params.set("q", next.q);
  if (next.sort !== "name") params.set("sort", next.sort);
  if (next.dir !== "asc") params.set("dir", next.dir);
  if (next.role) params.set("role", next.role);
  if (next.twoFactor) params.set("twoFactor", next.twoFactor);
  if (next.devices) params.set("devices", next.devices);
  if (next.instructions) params.set("instructions", next.instructions);
  if (next.size !== 50) params.set("size", String(next.size));
  if (next.cursor) params.set("cursor", next.cursor);
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

export default async function UsersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const ctx = await requireConsolePage("page /console/users");
  const raw = await searchParams;
  const query = userListQuerySchema.parse(Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v])));
  const [page, roles] = await Promise.all([listUsers(ctx.db, ctx.workspace.id, query), listRoles(ctx.db, ctx.workspace.id)]);

  const rows = page.rows.map(toUserListRow);
  const sortLinks: SortLink[] = columns.map((c) => {
    const active = query.sort === c.key ? query.dir : null;
    return { key: c.key, label: c.label, active, href: hrefFor(query, { sort: c.key, dir: active === "asc" ? "desc" : "asc" }) };
  });
  const filtered = Boolean(query.q || query.role || query.twoFactor || query.devices || query.instructions);
  const total = `${formatCount(page.total)}${page.totalIsAtLeast ? "+" : ""}`;
  const range = page.total === 0 ? "No users" : `${formatCount(page.start + 1)}–${formatCount(page.start + rows.length)} of ${total}`;

  return (
    <>
      <PageHeader
        title="Users"
        actions={
          <>
            {/* The current search, filters and order, as CSV. A form POST (it writes a stored export), answered as an attachment, so the browser downloads it and stays here. */}
            {can(ctx, "POST /api/users/export") ? (
              <form method="post" action={hrefFor(query, {}, "/api/users/export")} className="contents">
                <button type="submit" className={buttonClasses("secondary")}>Export</button>
              </form>
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
      <form method="get" role="search" className="mb-4 flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-3">
        <div className="min-w-56 flex-1">
          <label htmlFor="q" className="block text-xs font-medium text-slate-600">Search</label>
          <input id="q" name="q" type="search" defaultValue={query.q} placeholder="Name, email or phone" className="mt-1 w-full rounded-md border border-slate-300 px-3 py-1.5 text-sm" />
        </div>
        <Select label="Role" name="role" value={query.role} options={roles.map((r) => [r.id, r.name])} />
        <Select label="2FA status" name="twoFactor" value={query.twoFactor} options={twoFactorStates.map((s) => [s, twoFactorLabels[s]])} />
        <Select label="Devices" name="devices" value={query.devices} options={[["yes", "Has devices"], ["no", "No devices"]]} />
        <Select label="Instructions" name="instructions" value={query.instructions} options={[["sent", "Sent"], ["never", "Never sent"]]} />
        <Select label="Per page" name="size" value={String(query.size)} options={[["25", "25"], ["50", "50"], ["100", "100"]]} all={false} />
        {query.sort !== "name" ? <input type="hidden" name="sort" value={query.sort} /> : null}
        {query.dir !== "asc" ? <input type="hidden" name="dir" value={query.dir} /> : null}
        <button type="submit" className="rounded-md bg-brand-600 px-3.5 py-1.5 text-sm font-medium text-white hover:bg-brand-700">Apply</button>
        {filtered ? <a href={hrefFor(query, { q: "", role: "", twoFactor: "", devices: "", instructions: "" })} className="py-1.5 text-sm text-brand-700 hover:underline">Clear</a> : null}
      </form>
      {rows.length === 0 ? (
        <EmptyState title={filtered ? "No users match" : "No users yet"}>
          {filtered ? "Try another search or clear the filters." : "Users you add appear here."}
        </EmptyState>
      ) : (
        <>
          <UsersTable key={`${query.cursor}|${query.sort}|${query.dir}`} rows={rows} columns={sortLinks} canDelete={can(ctx, "deleteUsersAction")} canSend={can(ctx, "sendInstructionsAction")} />
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

function Select({ label, name, value, options, all = true }: { label: string; name: string; value: string; options: [string, string][]; all?: boolean }) {
  return (
    <div>
      <label htmlFor={`f-${name}`} className="block text-xs font-medium text-slate-600">{label}</label>
      <select id={`f-${name}`} name={name} defaultValue={value} className="mt-1 rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm">
        {all ? <option value="">All</option> : null}
        {options.map(([v, text]) => (
          <option key={v} value={v}>{text}</option>
        ))}
      </select>
    </div>
  );
}
