import type { Metadata } from "next";
import { DataTable } from "@/components/data-table";
import { EmptyState, PageHeader } from "@/components/page-header";
import { requireConsolePage } from "@/lib/auth/context";
import { plural } from "@/lib/format";
import { listGroups } from "@/lib/groups/list-groups";
import { LocalTime } from "@/components/local-time";

export const metadata: Metadata = { title: "Groups" };

export default async function GroupsPage() {
  const ctx = await requireConsolePage("page /console/groups");
  const groups = await listGroups(ctx.db, ctx.workspace.id);
  return (
    <>
      <PageHeader title="Groups" description={plural(groups.length, "group")} />
      {groups.length === 0 ? (
        <EmptyState title="No groups yet">Groups named when you add or import users appear here.</EmptyState>
      ) : (
        <DataTable
          caption="Groups"
          headers={["Name", "Members", "Description", "Created"]}
          rows={groups.map((g) => ({ key: g.id, cells: [g.name, g._count.members, g.description, <LocalTime key="c" date={g.createdAt} />] }))}
        />
      )}
    </>
  );
}
