import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Breadcrumb } from "@/components/breadcrumb";
import { DataTable } from "@/components/data-table";
import { EmailAddress } from "@/components/email-address";
import { LocalTime } from "@/components/local-time";
import { EmptyState, PageHeader } from "@/components/page-header";
import { pageLinks, pageParam } from "@/components/page-param";
import { Pagination } from "@/components/pagination";
import { auditEventLabel } from "@/lib/audit/event-kinds";
import { can, requireConsolePage } from "@/lib/auth/context";
import { formatCount, plural } from "@/lib/format";
import { ProfileAssignments } from "@/components/profile-assignments";
import { listGroupProfiles } from "@/lib/profiles/list-profiles";
import { profileOsLabels, profileOsOf } from "@/lib/profiles/schema";
import { getGroup, listGroupHistory, listGroupMembers, MEMBER_PAGE_SIZE } from "@/lib/groups/get-group";
import { DeleteGroupButton } from "../delete-group-button";
import { RenameGroupButton } from "../group-name-dialog";
import { AddUsersButton } from "./add-users-button";
import { RemoveMemberButton } from "./remove-member-button";

export const metadata: Metadata = { title: "Group" };

export default async function GroupPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ page?: string | string[] }> }) {
  const ctx = await requireConsolePage("page /console/groups/[id]");
  const { id } = await params;
  const group = await getGroup(ctx.db, ctx.workspace.id, id);
  if (!group) notFound();
  const pages = Math.max(1, Math.ceil(group.members / MEMBER_PAGE_SIZE));
  const page = Math.min(pageParam((await searchParams).page), pages);
  const [members, history, profiles] = await Promise.all([
    listGroupMembers(ctx.db, ctx.workspace.id, group.id, page),
    listGroupHistory(ctx.db, ctx.workspace.id, group.id),
    listGroupProfiles(ctx.db, ctx.workspace.id, group.id),
  ]);
  const profileRef = (p: { id: string; name: string; osFamily: Parameters<typeof profileOsOf>[0] }) => ({ id: p.id, name: p.name, osLabel: profileOsLabels[profileOsOf(p.osFamily)] });
  const canWrite = can(ctx, "addMembersAction");
  const start = (page - 1) * MEMBER_PAGE_SIZE;

  return (
    <>
      <Breadcrumb parent={{ href: "/console/groups", label: "Groups" }} current={group.name} />
      <PageHeader
        title={group.name}
        description={
          <>
            {plural(group.members, "user")} · created <LocalTime date={group.createdAt} />
            {group.createdBy ? <> by <EmailAddress address={group.createdBy} /></> : null}
          </>
        }
        actions={canWrite ? (<><RenameGroupButton group={group} /><DeleteGroupButton group={group} afterDelete="/console/groups" /></>) : null}
      />

      <section aria-labelledby="members-heading" className="mb-8">
        <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
          <h2 id="members-heading" className="text-base font-semibold text-slate-900">Members</h2>
          {canWrite ? <AddUsersButton group={{ id: group.id, name: group.name }} /> : null}
        </div>
        {members.length === 0 ? (
          <EmptyState title="No users in this group">{canWrite ? "Add users to give them the group's profiles." : null}</EmptyState>
        ) : (
          <>
            <DataTable
              caption="Members"
              headers={["Name", "Email", "Added", ...(canWrite ? ["Actions"] : [])]}
              rows={members.map((m) => {
                const label = m.user.displayName || m.user.alias;
                return {
                  key: m.user.id,
                  cells: [
                    <Link key="n" href={`/console/users/${m.user.id}`} className="font-medium text-brand-700 hover:underline">{label}</Link>,
                    <EmailAddress key="e" address={m.user.email} fit="column" />,
                    <LocalTime key="a" date={m.createdAt} />,
                    ...(canWrite ? [<RemoveMemberButton key="r" group={group} user={{ id: m.user.id, label }} label={`Remove ${label} from the group`} />] : []),
                  ],
                };
              })}
            />
            <Pagination
              label={`${formatCount(start + 1)}–${formatCount(start + members.length)} of ${formatCount(group.members)}`}
              {...pageLinks(`/console/groups/${group.id}`, page, pages)}
            />
          </>
        )}
      </section>

      <section className="mb-8" data-section="profiles">
        <ProfileAssignments
          target={{ kind: "group", id: group.id, label: group.name }}
          assigned={profiles.own.map(profileRef)}
          available={profiles.all.map(profileRef)}
          canEdit={can(ctx, "assignProfileAction")}
        />
      </section>

      <section aria-labelledby="history-heading">
        <h2 id="history-heading" className="mb-2 text-base font-semibold text-slate-900">History</h2>
        {history.length === 0 ? (
          <p className="text-sm text-slate-600">No recorded changes.</p>
        ) : (
          <DataTable
            caption="Group history"
            headers={["When", "Who", "What"]}
            rows={history.map((e) => ({
              key: e.id,
              cells: [<LocalTime key="w" date={e.createdAt} />, <EmailAddress key="who" address={e.actorEmail} fit="column" />, describe(e.action, e.details)],
            }))}
          />
        )}
      </section>
    </>
  );
}

/** An event of the group's history in words: the kind, and the count or old name it carries. */
function describe(action: string, details: string): string {
  let d: { count?: unknown; from?: unknown; to?: unknown; members?: unknown } = {};
  try {
    d = JSON.parse(details) as typeof d;
  } catch {
    // An unreadable detail still shows the kind.
  }
  const label = auditEventLabel(action);
  if (typeof d.count === "number") return `${label}: ${plural(d.count, "user")}`;
  if (typeof d.from === "string" && typeof d.to === "string") return `${label}: “${d.from}” → “${d.to}”`;
  return label;
}
