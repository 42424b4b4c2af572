import Link from "next/link";
import { DataTable } from "@/components/data-table";
import { pageLinks } from "@/components/page-param";
import { Pagination } from "@/components/pagination";
import type { Db } from "@/lib/db/client";
import { formatCount } from "@/lib/format";
import { EmailAddress } from "@/components/email-address";
import { LocalTime } from "@/components/local-time";
import { listImportRuns, type ImportStatus } from "@/lib/imports/read-import";

const statusLabels = {
  UPLOADING: "Uploading",
  CHECKING: "Checking the file",
  REFUSED: "Not imported",
  REVIEW: "In review",
  RUNNING: "Creating accounts",
  DONE: "Done",
  CANCELLED: "Cancelled",
} as const satisfies Record<ImportStatus, string>;

/** The workspace's imports, newest first: file, who, when, and what became of the rows. */
export async function ImportHistory({ db, workspaceId, page }: { db: Db; workspaceId: string; page: number }) {
  const { rows: runs, pages } = await listImportRuns(db, workspaceId, page);
  return (
    <section aria-labelledby="history-title" className="mt-10">
      <h2 id="history-title" className="mb-3 text-lg font-semibold text-ink">Import history</h2>
      {runs.length === 0 && page === 1 ? (
        <p className="text-sm text-slate-600">No imports yet.</p>
      ) : (
        <DataTable
          caption="Import history"
          headers={["File", "Uploaded by", "When", "Status", "Rows", "Created", "Updated", "Skipped", "Failed"]}
          rows={runs.map((run) => ({
            key: run.id,
            cells: [
              <Link key="file" href={`/console/users/import/${run.id}`} className="text-brand-700 underline">
                {run.fileName}
              </Link>,
              <EmailAddress key="by" address={run.createdByEmail} fit="column" />,
              <LocalTime key="at" date={run.createdAt} />,
              statusLabels[run.status],
              formatCount(run.rowCount),
              formatCount(run.created),
              formatCount(run.updated),
              formatCount(run.skipped),
              formatCount(run.failed),
            ],
          }))}
        />
      )}
      {pages > 1 ? (
        <Pagination label={`Page ${formatCount(page)} of ${formatCount(pages)}`} {...pageLinks("/console/users/import", page, pages)} />
      ) : null}
    </section>
  );
}
