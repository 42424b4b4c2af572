import type { Metadata } from "next";
import Link from "next/link";
import { DataTable } from "@/components/data-table";
import { EmailAddress } from "@/components/email-address";
import { LocalTime } from "@/components/local-time";
import { EmptyState, PageHeader } from "@/components/page-header";
import { Pagination } from "@/components/pagination";
import { can, requireConsolePage } from "@/lib/auth/context";
import { formatCount, plural } from "@/lib/format";
import { GROUP_PAGE_SIZE, listGroups } from "@/lib/groups/list-groups";
import { groupListHref, groupListQuerySchema } from "@/lib/groups/schema";
import { DeleteGroupButton } from "./delete-group-button";
import { CreateGroupButton, RenameGroupButton } from "./group-name-dialog";

export const metadata: Metadata = { title: "Groups" };

const field = "mt-1 block rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm";

export default async function GroupsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const ctx = await requireConsolePage("page /console/groups");
  const raw = await searchParams;
  const query = groupListQuerySchema.parse(Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v])));
  const groups = await listGroups(ctx.db, ctx.workspace.id, query);
  const canWrite = can(ctx, "createGroupAction");
  const range = groups.total === 0 ? "No groups" : `${formatCount(groups.start + 1)}–${formatCount(groups.start + groups.rows.length)} of ${formatCount(groups.total)}`;
  return (
    <>
      <PageHeader
        title="Groups"
        description={<span data-testid="group-count">{plural(groups.total, "group")}{query.q ? (groups.total === 1 ? " matches" : " match") : ""}</span>}
        actions={canWrite ? <CreateGroupButton /> : null}
      />
      {/* A plain GET form: works before (and without) JavaScript. */}
      <form method="get" role="search" aria-label="Search groups" className="mb-4 flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-3">
        <div className="min-w-56 flex-1">
          <label htmlFor="g-q" className="block text-xs font-medium text-slate-600">Search</label>
          <input id="g-q" name="q" type="search" defaultValue={query.q} placeholder="A group name" className={`${field} w-full px-3`} />
        </div>
        <div>
          <label htmlFor="g-sort" className="block text-xs font-medium text-slate-600">Sort by</label>
          <select id="g-sort" name="sort" defaultValue={query.sort} className={field}>
            <option value="name">Group name</option>
            <option value="created">Created</option>
          </select>
        </div>
        <div>
          <label htmlFor="g-dir" className="block text-xs font-medium text-slate-600">Order</label>
          <select id="g-dir" name="dir" defaultValue={query.dir} className={field}>
            <option value="asc">Ascending</option>
            <option value="desc">Descending</option>
          </select>
        </div>
        <button type="submit" className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-50">Apply</button>
        {query.q ? <Link href={groupListHref(query, { q: "" })} className="py-1.5 text-sm text-brand-700 hover:underline">Clear</Link> : null}
      </form>
      {groups.rows.length === 0 ? (
        <EmptyState title={query.q ? "No groups match" : "No groups yet"}>
          {query.q ? "Try another name or clear the search." : "Create a group, or name one when you add or import users."}
        </EmptyState>
      ) : (
        <>
          <DataTable
            caption="Groups"
            headers={["Group name", "# of users", "Created by", "Created", ...(canWrite ? ["Actions"] : [])]}
            rows={groups.rows.map((g) => ({
              key: g.id,
              cells: [
                <Link key="n" href={`/console/groups/${g.id}`} className="font-medium text-brand-700 hover:underline">{g.name}</Link>,
                formatCount(g.members),
                g.createdBy ? <EmailAddress key="b" address={g.createdBy} fit="column" /> : "—",
                <LocalTime key="c" date={g.createdAt} />,
                ...(canWrite
                  ? [
                      <div key="a" className="flex gap-2">
                        <RenameGroupButton group={g} />
                        <DeleteGroupButton group={g} />
                      </div>,
                    ]
                  : []),
              ],
            }))}
          />
          <Pagination
            label={range}
            first={groups.prev ? groupListHref(query, {}) : null}
            prev={groups.prev ? groupListHref(query, { cursor: groups.prev }) : null}
            next={groups.next ? groupListHref(query, { cursor: groups.next }) : null}
            last={groups.last && groups.total > GROUP_PAGE_SIZE ? groupListHref(query, { cursor: groups.last }) : null}
          />
        </>
      )}
    </>
  );
}
