import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Breadcrumb } from "@/components/breadcrumb";
import { pageLinks } from "@/components/page-param";
import { Pagination } from "@/components/pagination";
import { PageHeader } from "@/components/page-header";
import { WizardStepper } from "@/components/wizard-stepper";
import { requireConsolePage } from "@/lib/auth/context";
import type { Db } from "@/lib/db/client";
import { formatCount, plural } from "@/lib/format";
import { LocalTime } from "@/components/local-time";
import { importCategories, type ImportCategory } from "@/lib/imports/categories";
import { IMPORT_ROWS_RETENTION_DAYS, importRowsExpired } from "@/lib/imports/delete-old-import-rows";
import { countCategories, countUpdates, getImportRun, listImportRows, newGroupNames, type ImportRunRecord } from "@/lib/imports/read-import";
import { reviewQuerySchema } from "@/lib/imports/schema";
import { IMPORT_STEPS } from "../steps";
import { FinishStep } from "./finish-step";
import { currentColumns } from "@/lib/imports/column-choices";
import { ColumnPicker } from "./column-picker";
import { ImportProgress } from "./import-progress";
import { ReviewControls } from "./review-controls";
import { ReviewTable } from "./review-table";

export const metadata: Metadata = { title: "Import users" };

const PAGE_SIZE = 50;
const tabLabels: Record<ImportCategory, string> = {
  attention: "Need attention",
  create: "Will be created",
  existing: "Already users",
  excluded: "Excluded",
};

export default async function ImportReviewPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const ctx = await requireConsolePage("page /console/users/import/[id]");
  const run = await getImportRun(ctx.db, ctx.workspace.id, (await params).id);
  if (!run) notFound();
  const raw = await searchParams;
  const query = reviewQuerySchema.parse({ show: raw.show, page: raw.page });
  const step = run.status === "CHECKING" || run.status === "REFUSED" || run.status === "UPLOADING" ? 0 : run.status === "REVIEW" ? 1 : run.status === "RUNNING" ? 2 : 3;

  return (
    <>
      <Breadcrumb parent={{ href: "/console/users/import", label: "Import users" }} current={run.fileName} />
      <PageHeader title="Import users" description={<FileFacts run={run} />} />
      <WizardStepper steps={IMPORT_STEPS} current={step} />
      {run.status === "UPLOADING" || run.status === "CHECKING" ? (
        <ImportProgress title="Checking the file…" done={run.checkedRows} total={null} unit="rows checked" />
      ) : null}
      {run.status === "REFUSED" ? <Refused db={ctx.db} run={run} /> : null}
      {run.status === "REVIEW" ? <Review db={ctx.db} run={run} workspaceId={ctx.workspace.id} show={query.show} page={query.page} /> : null}
      {run.status === "RUNNING" ? (
        <ImportProgress title="Creating accounts…" done={run.created + run.updated + run.skipped + run.failed} total={run.rowCount} unit="rows" />
      ) : null}
      {run.status === "DONE" ? <Done run={run} /> : null}
      {run.status === "CANCELLED" ? (
        <p role="status" className="rounded-md border border-slate-200 bg-white px-4 py-3 text-sm text-slate-700">
          This import was cancelled{run.finishedAt ? <> on <LocalTime date={run.finishedAt} /></> : ""}; nothing was created.{" "}
          <Link href="/console/users/import" className="text-brand-700 underline">Import a file</Link>
        </p>
      ) : null}
    </>
  );
}

function FileFacts({ run }: { run: ImportRunRecord }) {
  if (run.status === "UPLOADING" || run.status === "CHECKING" || run.status === "REFUSED") {
    return (
      <>
        {run.fileName} · uploaded by {run.createdByEmail}, <LocalTime date={run.createdAt} />
      </>
    );
  }
  const ignored = JSON.parse(run.ignoredColumns) as string[];
  return (
    <>
      {run.fileName} · {plural(run.rowCount, "row")} · {run.encoding.toUpperCase()}, {run.delimiter}-separated · uploaded by <span className="wrap-anywhere">{run.createdByEmail}</span>,{" "}
      <LocalTime date={run.createdAt} />
      {ignored.length > 0 ? <span className="block">Columns not imported: {ignored.join(", ")}</span> : null}
    </>
  );
}

/** A file that could not be imported: why, and where only its columns were wrong, the picker to choose them. */
async function Refused({ db, run }: { db: Db; run: ImportRunRecord }) {
  const { columns, kept } = await currentColumns(db, run);
  return (
    <div className="space-y-4">
      <div role="alert" className="space-y-2 rounded-md border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-800">
        <p className="font-semibold">This file was not imported; nothing was created.</p>
        <p>{run.refusal}</p>
        <p>
          {columns.length > 0 && kept ? "Choose which column holds the email addresses below, or " : ""}
          <Link href="/console/users/import" className="text-brand-700 underline">choose another file</Link>.
        </p>
      </div>
      {columns.length > 0 ? <ColumnPicker importId={run.id} columns={columns} canReread={kept} open /> : null}
    </div>
  );
}

type ReviewProps = { db: Db; run: ImportRunRecord; workspaceId: string; show?: ImportCategory; page: number };

async function Review({ db, run, workspaceId, show, page }: ReviewProps) {
  const counts = await countCategories(db, run.id);
  // In update mode, what updating really does: most re-imported rows change nothing.
  const updates = run.existingMode === "UPDATE" && counts.existing > 0 ? await countUpdates(db, workspaceId, run.id) : null;
  const columns = await currentColumns(db, run);
  const current = show ?? (counts.attention > 0 ? "attention" : "create");
  const [rows, newGroups] = await Promise.all([
    listImportRows(db, run.id, current, { number: page, size: PAGE_SIZE }),
    newGroupNames(db, workspaceId, run.id),
  ]);
  const pages = Math.max(1, Math.ceil(counts[current] / PAGE_SIZE));
  const href = (category: ImportCategory) => `/console/users/import/${run.id}?show=${category}`;
  const existingVerb = run.existingMode === "UPDATE" ? "will be updated" : "will be skipped";

  return (
    <section aria-labelledby="review-title" className="space-y-4">
      <h2 id="review-title" className="sr-only">Review the import</h2>
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4" aria-label="Import counts">
        <Count label="Will be created" value={counts.create} tone="good" />
        <Count
          label={`Already users (${existingVerb.replace("will be ", "")})`}
          value={counts.existing}
          detail={updates ? `${formatCount(updates.update)} will change, ${formatCount(updates.unchanged)} unchanged` : undefined}
        />
        <Count label="Need attention" value={counts.attention} tone={counts.attention > 0 ? "bad" : undefined} />
        <Count label="Excluded" value={counts.excluded} />
      </dl>
      {newGroups.length > 0 ? (
        <p className="text-sm text-slate-700">
          <span className="font-medium">New groups, created with the users:</span> {newGroups.map((g) => `“${g}”`).join(" · ")}
        </p>
      ) : null}
      <ColumnPicker importId={run.id} columns={columns.columns} canReread={columns.kept} />
      <ReviewControls importId={run.id} mode={run.existingMode} counts={counts} updates={updates} />

      <nav aria-label="Rows" className="flex flex-wrap gap-1 border-b border-slate-200">
        {importCategories.map((c) => (
          <Link
            key={c}
            href={href(c)}
            aria-current={c === current ? "page" : undefined}
            className={`-mb-px rounded-t-md border px-3 py-2 text-sm ${
              c === current ? "border-slate-200 border-b-white bg-white font-semibold text-ink" : "border-transparent text-slate-600 hover:text-ink"
            }`}
          >
            {tabLabels[c]} ({formatCount(counts[c])})
          </Link>
        ))}
      </nav>
      <ReviewTable importId={run.id} category={current} rows={rows} existingVerb={existingVerb} newGroups={newGroups} />
      {pages > 1 ? (
        <Pagination label={`Page ${formatCount(page)} of ${formatCount(pages)}`} {...pageLinks(href(current), page, pages)} />
      ) : null}
    </section>
  );
}

function Count({ label, value, tone, detail }: { label: string; value: number; tone?: "good" | "bad"; detail?: string }) {
  const color = tone === "bad" ? "text-red-700" : tone === "good" ? "text-green-700" : "text-ink";
  return (
    <div className="rounded-lg border border-slate-200 bg-white px-4 py-3">
      <dt className="text-xs font-medium tracking-wide text-slate-500 uppercase">{label}</dt>
      <dd className={`mt-1 text-2xl font-semibold ${color}`}>{formatCount(value)}</dd>
      {detail ? <dd className="text-xs text-slate-600">{detail}</dd> : null}
    </div>
  );
}

function Done({ run }: { run: ImportRunRecord }) {
  const notImported = run.skipped + run.failed;
  return (
    <section aria-labelledby="done-title" className="space-y-4">
      <h2 id="done-title" className="text-lg font-semibold text-ink">Import finished</h2>
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4" aria-label="Import results">
        <Count label="Created" value={run.created} tone="good" />
        <Count label="Updated" value={run.updated} />
        <Count label="Skipped" value={run.skipped} />
        <Count label="Failed" value={run.failed} tone={run.failed > 0 ? "bad" : undefined} />
      </dl>
      {notImported > 0 && importRowsExpired(run) ? (
        <p className="text-sm text-slate-700">
          {plural(notImported, "row was", "rows were")} not imported. The rows of an import are kept for {IMPORT_ROWS_RETENTION_DAYS} days after
          it ends, so this import&rsquo;s report of them is no longer available.
        </p>
      ) : notImported > 0 ? (
        <p className="text-sm text-slate-700">
          {plural(notImported, "row was", "rows were")} not imported.{" "}
          <a className="text-brand-700 underline" href={`/api/users/imports/${run.id}/errors`} download>
            Download them with the reasons (CSV)
          </a>
          , fix them in your spreadsheet and import that file.
        </p>
      ) : null}
      <FinishStep importId={run.id} created={run.created} invited={run.invitedAt ? run.invited : null} />
    </section>
  );
}
