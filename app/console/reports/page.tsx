import type { Metadata } from "next";
import { DataTable } from "@/components/data-table";
import { EmptyState, PageHeader } from "@/components/page-header";
import { pageLinks, pageParam } from "@/components/page-param";
import { Pagination } from "@/components/pagination";
import { requireConsolePage } from "@/lib/auth/context";
import { EXPORT_RETENTION_DAYS } from "@/lib/exports/delete-old-exports";
import { listExports } from "@/lib/exports/list-exports";
import { formatCount, plural } from "@/lib/format";
import { LocalTime } from "@/components/local-time";
import { EmailAddress } from "@/components/email-address";

export const metadata: Metadata = { title: "Reports" };

export default async function ReportsPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const ctx = await requireConsolePage("page /console/reports");
  const page = pageParam((await searchParams).page);
  const exports = await listExports(ctx.db, ctx.workspace.id, page);
  return (
    <>
      <PageHeader title="Reports" description={`${plural(exports.total, "export")}, newest first. Exports are kept for ${EXPORT_RETENTION_DAYS} days.`} />
      {exports.rows.length === 0 ? (
        <EmptyState title="No exports yet">Use Export above the users list; each export is kept here to download again.</EmptyState>
      ) : (
        <>
          <DataTable
            caption="Past exports"
            headers={["File", "Rows", "Search and filters", "Who", "When", "Status", "Download"]}
            rows={exports.rows.map((e) => ({
              key: e.id,
              cells: [
                <span key="f" className="font-medium whitespace-nowrap text-slate-900">{e.fileName}</span>,
                <span key="r" className="tabular-nums">{e.completedAt ? formatCount(e.rowCount) : "—"}</span>,
                e.description,
                <EmailAddress key="who" address={e.actorEmail} fit="column" />,
                <LocalTime key="w" date={e.createdAt} />,
                e.completedAt ? (
                  <span key="s" className="rounded-full bg-emerald-50 px-2 py-0.5 text-xs font-medium text-emerald-700">Complete</span>
                ) : (
                  <span key="s" className="rounded-full bg-amber-50 px-2 py-0.5 text-xs font-medium text-amber-800">Incomplete</span>
                ),
                e.completedAt ? (
                  <a key="d" href={`/api/exports/${e.id}`} download className="font-medium whitespace-nowrap text-brand-700 hover:underline">
                    Download<span className="sr-only"> {e.fileName}</span>
                  </a>
                ) : null,
              ],
            }))}
          />
          <Pagination label={`Page ${formatCount(exports.page)} of ${formatCount(exports.pages)}`} {...pageLinks("/console/reports", exports.page, exports.pages)} />
        </>
      )}
    </>
  );
}
