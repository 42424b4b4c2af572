"use client";

import { Button } from "@/components/button";
import { FormAlert } from "@/components/form-alert";
import { plural } from "@/lib/format";
import { addressKey, withEmail, type CheckRow } from "@/lib/users/check-data";
import { addUserRowSchema } from "@/lib/users/add-users-schema";

type Props = {
  rows: CheckRow[];
  existing: ReadonlySet<string>;
  removedCount: number;
  onRowsChange: (update: (rows: CheckRow[]) => CheckRow[]) => void;
  onRemove: (row: CheckRow) => void;
  onRestoreRemoved: () => void;
  onBack: () => void;
  onNext: () => void;
};

/** The rows' problems, by field, as the Finish schema sees them. */
export function rowIssues(row: CheckRow): Record<string, string> {
  const check = addUserRowSchema.safeParse(row);
  return check.success ? {} : Object.fromEntries(check.error.issues.map((iss) => [String(iss.path[0]), iss.message]));
}

/** Whether each address is in one row only (as stored: case and domain form do not matter). */
export function uniqueAddresses(rows: CheckRow[]): boolean {
  return new Set(rows.map((r) => addressKey(r.email))).size === rows.length;
}

/** Check data: each row's address, alias and name, editable in place, with what is wrong next to it. */
export function CheckDataStep({ rows, existing, removedCount, onRowsChange, onRemove, onRestoreRemoved, onBack, onNext }: Props) {
  const issuesByRow = rows.map(rowIssues);
  const invalidRows = issuesByRow.filter((i) => Object.keys(i).length > 0).length;
  const unique = uniqueAddresses(rows);
  const ready = rows.length > 0 && invalidRows === 0 && unique;
  const update = (key: number, change: (r: CheckRow) => CheckRow) => onRowsChange((rs) => rs.map((r) => (r.key === key ? change(r) : r)));
  const input = (bad: boolean) => `w-full rounded border px-2 py-1 ${bad ? "border-red-500" : "border-slate-300"}`;

  return (
    <section aria-labelledby="step-check" className="space-y-3">
      <h2 id="step-check" className="text-base font-semibold text-ink">Check data</h2>
      <p className="text-sm text-slate-600">
        {plural(rows.length, "user")}. Edit an address, alias or name in place, or remove a row.
        {existing.size ? " Addresses marked as existing are not added again; the next step asks whether they get instructions again." : ""}
      </p>
      {removedCount > 0 ? (
        <p className="text-sm text-slate-600" data-testid="removed-rows">
          {plural(removedCount, "row")} you removed {removedCount === 1 ? "is" : "are"} left out.{" "}
          <button type="button" onClick={onRestoreRemoved} className="font-medium text-brand-700 underline">Put {removedCount === 1 ? "it" : "them"} back</button>
        </p>
      ) : null}
      <div className="max-h-[28rem] overflow-auto rounded-md border border-slate-200">
        <table className="min-w-full divide-y divide-slate-200 text-sm">
          <thead className="sticky top-0 bg-slate-50">
            <tr>
              <th scope="col" className="px-3 py-2 text-left font-semibold text-slate-700">Email</th>
              <th scope="col" className="px-3 py-2 text-left font-semibold text-slate-700">User alias</th>
              <th scope="col" className="px-3 py-2 text-left font-semibold text-slate-700">Name</th>
              <th scope="col" className="px-3 py-2"><span className="sr-only">Remove</span></th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.map((row, i) => {
              const issues = issuesByRow[i];
              const isExisting = existing.has(addressKey(row.email));
              const errorId = (field: string) => (issues[field] ? `row-${row.key}-${field}-error` : undefined);
              return (
                <tr key={row.key} data-testid="check-row">
                  <td className="px-3 py-1.5 align-top">
                    <input aria-label={`Email of row ${i + 1}`} value={row.email} aria-invalid={Boolean(issues.email) || undefined} aria-describedby={errorId("email")}
                      onChange={(e) => update(row.key, (r) => withEmail(r, e.target.value))} className={input(Boolean(issues.email))} />
                    {issues.email ? <p id={errorId("email")} className="mt-0.5 text-xs text-red-600">{issues.email}</p> : null}
                    {isExisting ? <p className="mt-0.5 text-xs text-amber-700">Already a user — will not be added again</p> : null}
                  </td>
                  <td className="px-3 py-1.5 align-top">
                    <input aria-label={`Alias of row ${i + 1}`} value={row.alias} aria-invalid={Boolean(issues.alias) || undefined} aria-describedby={errorId("alias")}
                      onChange={(e) => update(row.key, (r) => ({ ...r, alias: e.target.value }))} className={input(Boolean(issues.alias))} />
                    {issues.alias ? <p id={errorId("alias")} className="mt-0.5 text-xs text-red-600">{issues.alias}</p> : null}
                  </td>
                  <td className="px-3 py-1.5 align-top">
                    <input aria-label={`Name of row ${i + 1}`} value={row.name} aria-invalid={Boolean(issues.name) || undefined} aria-describedby={errorId("name")}
                      onChange={(e) => update(row.key, (r) => ({ ...r, name: e.target.value }))} className={input(Boolean(issues.name))} />
                    {issues.name ? <p id={errorId("name")} className="mt-0.5 text-xs text-red-600">{issues.name}</p> : null}
                  </td>
                  <td className="px-3 py-1.5 text-right align-top">
                    <button type="button" onClick={() => onRemove(row)} className="rounded px-2 py-1 text-slate-600 hover:bg-slate-100" aria-label={`Remove ${row.email}`}>Remove</button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {!unique ? <FormAlert message="Two rows have the same address; remove one." /> : null}
      <div className="flex items-center justify-between gap-3">
        <Button variant="secondary" onClick={onBack}>Back</Button>
        <span className="flex items-center gap-3">
          {invalidRows > 0 ? (
            <span id="check-blocked" className="text-sm text-red-700" data-testid="check-blocked">
              Fix {invalidRows === 1 ? "the row" : `the ${invalidRows} rows`} marked in red to go on.
            </span>
          ) : null}
          <Button onClick={onNext} disabled={!ready} aria-describedby={invalidRows > 0 ? "check-blocked" : undefined}>Next</Button>
        </span>
      </div>
    </section>
  );
}
