import type { Metadata } from "next";
import { Breadcrumb } from "@/components/breadcrumb";
import { PageHeader } from "@/components/page-header";
import { ScrollBox } from "@/components/scroll-box";
import { pageParam } from "@/components/page-param";
import { WizardStepper } from "@/components/wizard-stepper";
import { requireConsolePage } from "@/lib/auth/context";
import { IMPORT_COLUMNS, type ImportColumn } from "@/lib/csv/columns";
import { FileStep } from "./file-step";
import { ImportHistory } from "./import-history";
import { IMPORT_STEPS } from "./steps";

export const metadata: Metadata = { title: "Import users" };

/** Import users, first step: the template and its columns, then choosing the file. */
export default async function ImportUsersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const ctx = await requireConsolePage("page /console/users/import");
  const historyPage = pageParam((await searchParams).page);
  return (
    <>
      <Breadcrumb parent={{ href: "/console/users", label: "Users" }} current="Import users" />
      <PageHeader
        title="Import users"
        description="Add or update many users at once from a CSV file, such as one exported from a spreadsheet or a directory."
      />
      <div className="max-w-4xl space-y-8 rounded-lg border border-slate-200 bg-white p-6">
        <WizardStepper steps={IMPORT_STEPS} current={0} />
        <section aria-labelledby="template" className="space-y-3">
          <h2 id="template" className="text-base font-semibold text-ink">1. Download the CSV template</h2>
          <p className="text-sm text-slate-700">
            The first row names the columns; each row below it is one user. Only <strong>email</strong> is required, and the columns may
            come in any order. Header names are matched in any case, and the names under &ldquo;Also accepted&rdquo; work too.
          </p>
          {/* A route handler, so a plain download link. */}
          <a href="/api/users/import/template" download className="inline-flex items-center gap-2 text-sm font-medium text-brand-700 hover:underline">
            <svg aria-hidden="true" viewBox="0 0 24 24" className="h-4 w-4" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
              <path d="M12 4v12m0 0-5-5m5 5 5-5M5 20h14" />
            </svg>
            Download the CSV template
          </a>
          {/* A table from the sm breakpoint; on a phone each column stacks as a card, so nothing scrolls sideways. */}
          <ScrollBox label="The template’s columns" className="hidden rounded-md border border-slate-200 sm:block">
            <table className="min-w-full divide-y divide-slate-200 text-sm">
              <caption className="sr-only">The template&rsquo;s columns</caption>
              <thead className="bg-slate-50">
                <tr>
                  {["Column", "Description", "Example", "Also accepted"].map((h) => (
                    <th key={h} scope="col" className="px-3 py-2 text-left font-semibold whitespace-nowrap text-slate-700">{h}</th>
                  ))}
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100 align-top">
                {IMPORT_COLUMNS.map((c) => (
                  <tr key={c.key}>
                    <th scope="row" className="px-3 py-1.5 text-left font-mono text-xs font-medium whitespace-nowrap text-ink">{c.header}</th>
                    <td className="px-3 py-1.5 text-slate-700">{c.description}</td>
                    <td className="px-3 py-1.5 whitespace-nowrap text-slate-700">{c.example}</td>
                    <td className="px-3 py-1.5 text-slate-600">{aliasesOf(c) || "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollBox>
          <ul aria-label="The template’s columns" className="space-y-3 sm:hidden">
            {IMPORT_COLUMNS.map((c) => (
              <li key={c.key} className="rounded-md border border-slate-200 p-3 text-sm">
                <p className="font-mono text-xs font-medium text-ink">{c.header}</p>
                <p className="mt-1 text-slate-700">{c.description}</p>
                <dl className="mt-2 grid grid-cols-[max-content_minmax(0,1fr)] gap-x-3 gap-y-1 text-xs">
                  <dt className="font-medium text-slate-600">Example</dt>
                  <dd className="wrap-anywhere text-slate-700">{c.example}</dd>
                  <dt className="font-medium text-slate-600">Also accepted</dt>
                  <dd className="text-slate-700">{aliasesOf(c) || "—"}</dd>
                </dl>
              </li>
            ))}
          </ul>
        </section>
        <FileStep />
      </div>
      <ImportHistory db={ctx.db} workspaceId={ctx.workspace.id} page={historyPage} />
    </>
  );
}

/** The other headers read as a column ("Name" is the header "name" itself, so it is left out). */
function aliasesOf(column: ImportColumn): string {
  return column.aliases.filter((a) => a.toLowerCase() !== column.header).join(", ");
}
