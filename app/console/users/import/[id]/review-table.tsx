"use client";

import { useRouter } from "next/navigation";
import { Fragment, useState, useTransition, type FormEvent } from "react";
import { Button } from "@/components/button";
import { EmailAddress } from "@/components/email-address";
import { ScrollBox } from "@/components/scroll-box";
import type { ImportCategory } from "@/lib/imports/categories";
import type { ReviewRow } from "@/lib/imports/read-import";
import { OVER_LICENSE_MESSAGE, importFields, splitGroups, type ImportField } from "@/lib/imports/row";
import { excludeImportRowAction, fixImportRowAction } from "../actions";

const fieldLabels: Record<ImportField, string> = {
  email: "Email",
  name: "Name",
  phone: "Phone",
  groups: "Groups",
  role: "Role",
  exchangeDomain: "Exchange domain",
  exchangeUsername: "Exchange username",
};

// The table shows the Exchange domain and username as one DOMAIN\user column; the fix form has both.
const shownFields = importFields.filter((f) => f !== "exchangeDomain" && f !== "exchangeUsername");

// Cells are padded narrowly so the table fits a 1280-pixel screen. Words wrap whole (overflow-wrap: break-word keeps a column as wide as its longest word); an address wraps after its @ first.
const cellWidths: Partial<Record<ImportField, string>> = { email: "wrap-break-word", name: "min-w-28 wrap-break-word", phone: "min-w-24", groups: "min-w-28", role: "wrap-break-word" };

type Props = { importId: string; category: ImportCategory; rows: ReviewRow[]; existingVerb: string; newGroups: string[] };

/** Review: one category's rows, each with its reasons, fixable in place or excluded. */
export function ReviewTable({ importId, category, rows, existingVerb, newGroups }: Props) {
  const isNew = new Set(newGroups.map((g) => g.toLowerCase()));
  const router = useRouter();
  const [editing, setEditing] = useState<number | null>(null);
  const [pending, startTransition] = useTransition();
  const [errors, setErrors] = useState<Record<number, string>>({});

  const exclude = (rowNumber: number, excluded: boolean) =>
    startTransition(async () => {
      const result = await excludeImportRowAction({ importId, rowNumber, excluded });
      setErrors((e) => ({ ...e, [rowNumber]: result.ok ? "" : result.error }));
      if (result.ok) router.refresh();
    });
  const save = (rowNumber: number) => (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const values = Object.fromEntries(new FormData(event.currentTarget)) as Record<ImportField, string>;
    startTransition(async () => {
      const result = await fixImportRowAction({ importId, rowNumber, ...values });
      if (!result.ok) setErrors((e) => ({ ...e, [rowNumber]: result.error }));
      else {
        const still = result.data.issues.map((i) => i.message).join("; ");
        setErrors((e) => ({ ...e, [rowNumber]: still ? `Saved, but: ${still}` : "" }));
        if (!still) setEditing(null);
        router.refresh();
      }
    });
  };

  if (rows.length === 0) {
    return <p className="rounded-md border border-dashed border-slate-300 bg-white px-4 py-8 text-center text-sm text-slate-600">No rows here.</p>;
  }
  return (
    <ScrollBox label="Import rows" className="rounded-lg border border-slate-200 bg-white">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <caption className="sr-only">Import rows</caption>
        <thead className="bg-slate-50">
          <tr>
            {["Row", ...shownFields.map((f) => fieldLabels[f]), "Exchange account", "Status"].map((h, i) => (
              <th key={i} scope="col" className="px-2 py-2.5 text-left font-semibold whitespace-nowrap text-slate-700">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((row) => {
            const problem = new Set(row.issues.map((i) => i.field));
            return (
              <Fragment key={row.rowNumber}>
                <tr data-row={row.rowNumber} className="align-top">
                  <td className="px-2 py-2 text-slate-500 tabular-nums">{row.rowNumber}</td>
                  {shownFields.map((f) => (
                    <td key={f} className={`px-2 py-2 ${cellWidths[f]} ${problem.has(f) ? "bg-red-50 font-medium text-red-800" : "text-slate-700"}`}>
                      {f === "groups" ? (
                        // One by one, as they will be made: "Sales, Marketing" is two groups.
                        <ul aria-label={`Groups of row ${row.rowNumber}`} className="flex flex-wrap gap-1">
                          {splitGroups(row.values.groups).map((g) => (
                            <li key={g} className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-700">
                              {g}
                            </li>
                          ))}
                        </ul>
                      ) : f === "email" ? (
                        <EmailAddress address={row.values.email} fit="column" />
                      ) : (
                        row.values[f]
                      )}
                    </td>
                  ))}
                  <td
                    className={`min-w-28 px-2 py-2 wrap-anywhere ${problem.has("exchangeDomain") || problem.has("exchangeUsername") ? "bg-red-50 font-medium text-red-800" : "text-slate-700"}`}
                  >
                    {row.values.exchangeDomain || row.values.exchangeUsername ? (
                      <>
                        {row.values.exchangeDomain}
                        {"\\"}
                        <wbr />
                        {row.values.exchangeUsername}
                      </>
                    ) : (
                      ""
                    )}
                  </td>
                  <td className="min-w-40 px-2 py-2">
                    <RowStatus row={row} category={category} existingVerb={existingVerb} />
                    {category !== "excluded"
                      ? splitGroups(row.values.groups)
                          .filter((g) => isNew.has(g.toLowerCase()))
                          .map((g) => (
                            <p key={g} className="mt-1 text-xs text-slate-600">
                              New group &ldquo;{g}&rdquo; will be created
                            </p>
                          ))
                      : null}
                    {errors[row.rowNumber] ? <p role="alert" className="mt-1 text-red-700">{errors[row.rowNumber]}</p> : null}
                    {/* The row's actions sit under its status: one column fewer keeps the table within a 1280-pixel screen. */}
                    {category !== "excluded" ? (
                      <span className="mt-1 -ml-2.5 flex gap-1">
                        <Button variant="ghost" onClick={() => setEditing(editing === row.rowNumber ? null : row.rowNumber)} aria-label={`Fix row ${row.rowNumber}`}>
                          Fix
                        </Button>
                        <Button variant="ghost" disabled={pending} onClick={() => exclude(row.rowNumber, true)} aria-label={`Exclude row ${row.rowNumber}`}>
                          Exclude
                        </Button>
                      </span>
                    ) : (
                      <span className="mt-1 -ml-2.5 flex">
                        <Button variant="ghost" disabled={pending} onClick={() => exclude(row.rowNumber, false)} aria-label={`Include row ${row.rowNumber}`}>
                          Include
                        </Button>
                      </span>
                    )}
                  </td>
                </tr>
                {editing === row.rowNumber ? (
                  <tr>
                    <td colSpan={shownFields.length + 3} className="bg-slate-50 px-3 py-3">
                      <form onSubmit={save(row.rowNumber)} aria-label={`Fix row ${row.rowNumber}`} className="flex flex-wrap items-end gap-3">
                        {importFields.map((f) => (
                          <label key={f} className="flex flex-col gap-1 text-xs font-medium text-slate-700">
                            {fieldLabels[f]}
                            <input
                              name={f}
                              defaultValue={row.values[f]}
                              aria-invalid={problem.has(f) || undefined}
                              className={`w-44 rounded-md border px-2 py-1.5 text-sm font-normal ${problem.has(f) ? "border-red-400" : "border-slate-300"}`}
                            />
                          </label>
                        ))}
                        <Button type="submit" disabled={pending}>
                          {pending ? "Saving…" : "Save row"}
                        </Button>
                        <Button variant="secondary" onClick={() => setEditing(null)}>
                          Close
                        </Button>
                      </form>
                    </td>
                  </tr>
                ) : null}
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </ScrollBox>
  );
}

function RowStatus({ row, category, existingVerb }: { row: ReviewRow; category: ImportCategory; existingVerb: string }) {
  if (category === "excluded") return <span className="text-slate-500">Excluded</span>;
  if (category === "create") return <span className="text-green-700">Will be created</span>;
  if (category === "existing") return <span className="text-slate-700">Already a user: {existingVerb}</span>;
  const reasons = [...row.issues.map((i) => i.message), ...(row.overLicense ? [OVER_LICENSE_MESSAGE] : [])];
  return (
    <ul className="list-disc space-y-0.5 pl-4 text-red-800">
      {reasons.map((r) => (
        <li key={r}>{r}</li>
      ))}
    </ul>
  );
}
