import type { Metadata } from "next";
import { DataTable } from "@/components/data-table";
import { EmptyState, PageHeader } from "@/components/page-header";
import { pageLinks, pageParam } from "@/components/page-param";
import { Pagination } from "@/components/pagination";
import { listAuditEvents } from "@/lib/audit/list-audit";
import { requireConsolePage } from "@/lib/auth/context";
import { formatCount, plural } from "@/lib/format";
import { LocalTime } from "@/components/local-time";
import { EmailAddress } from "@/components/email-address";

export const metadata: Metadata = { title: "Audit" };

export default async function AuditPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const ctx = await requireConsolePage("page /console/audit");
  const page = pageParam((await searchParams).page);
  const audit = await listAuditEvents(ctx.db, ctx.workspace.id, page);
  return (
    <>
      <PageHeader title="Audit" description={`${plural(audit.total, "event")}, newest first`} />
      {audit.rows.length === 0 ? (
        <EmptyState title="No events yet" />
      ) : (
        <>
          <DataTable
            caption="Audit events"
            headers={["When", "Who", "What", "Target"]}
            rows={audit.rows.map((e) => ({
              key: e.id,
              cells: [
                <LocalTime key="w" date={e.createdAt} />,
                <EmailAddress key="who" address={e.actorEmail} fit="column" />,
                <code key="a" className="rounded bg-slate-100 px-1.5 py-0.5 text-xs">{e.action}</code>,
                e.targetLabel || e.targetType,
              ],
            }))}
          />
          <Pagination label={`Page ${formatCount(audit.page)} of ${formatCount(audit.pages)}`} {...pageLinks("/console/audit", audit.page, audit.pages)} />
        </>
      )}
    </>
  );
}
