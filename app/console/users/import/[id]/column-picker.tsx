"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/button";
import { FormAlert } from "@/components/form-alert";
import { toast } from "@/components/toast";
import { COLUMN_CHOICE_LABELS, COLUMN_CHOICES, type ColumnChoice } from "@/lib/csv/columns";
import { chooseImportColumnsAction } from "../actions";

type Props = {
  importId: string;
  /** The file's header cells as written, and what each is read as now. */
  columns: { header: string; choice: ColumnChoice }[];
  /** Whether the file is still kept, so it can be read again. */
  canReread: boolean;
  /** Open at once (the file was refused for want of an email column). */
  open?: boolean;
};

/** Review: which column of the file is read as which field; applying reads the file again and remembers the choice for next time. */
export function ColumnPicker({ importId, columns, canReread, open = false }: Props) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string>();
  const [choices, setChoices] = useState(() => columns.map((c) => c.choice));
  const changed = choices.some((c, i) => c !== columns[i].choice);
  const summary = columns
    .filter((c) => c.choice !== "ignore")
    .map((c) => `${COLUMN_CHOICE_LABELS[c.choice]} ← “${c.header}”`)
    .join(" · ");

  const apply = () =>
    startTransition(async () => {
      const result = await chooseImportColumnsAction({ importId, columns: Object.fromEntries(columns.map((c, i) => [c.header, choices[i]])) });
      setError(result.ok ? undefined : result.error);
      if (result.ok) {
        toast("Reading the file again with the columns you chose. They are remembered for your next imports.");
        router.refresh();
      }
    });

  return (
    <details open={open} className="rounded-lg border border-slate-200 bg-white p-4 text-sm">
      <summary className="cursor-pointer font-medium text-slate-800">
        Columns{summary ? `: ${summary}` : ""} <span className="text-brand-700 underline">Change</span>
      </summary>
      <div className="mt-3 space-y-3">
        <p className="text-slate-600">
          Choose what each column of your file holds. The file is read again with your choice, and the choice is remembered for the next files
          with the same headers. Fixes made on this page are dropped.
        </p>
        <div className="overflow-x-auto">
          <table className="min-w-full text-left">
            <caption className="sr-only">Columns of the file</caption>
            <thead>
              <tr className="border-b border-slate-200 text-xs text-slate-500 uppercase">
                <th scope="col" className="py-2 pr-4 font-medium">Column in your file</th>
                <th scope="col" className="py-2 font-medium">Read as</th>
              </tr>
            </thead>
            <tbody>
              {columns.map((c, i) => (
                <tr key={`${i}-${c.header}`} className="border-b border-slate-100">
                  <th scope="row" className="py-2 pr-4 font-normal text-ink">{c.header}</th>
                  <td className="py-2">
                    <select
                      aria-label={`Read “${c.header}” as`}
                      className="rounded-md border border-slate-300 px-2 py-1"
                      value={choices[i]}
                      disabled={pending || !canReread}
                      onChange={(e) => setChoices((all) => all.map((v, j) => (j === i ? (e.target.value as ColumnChoice) : v)))}
                    >
                      {COLUMN_CHOICES.map((choice) => (
                        <option key={choice} value={choice}>{COLUMN_CHOICE_LABELS[choice]}</option>
                      ))}
                    </select>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <FormAlert message={error} />
        {canReread ? (
          <Button onClick={apply} disabled={pending || !changed}>
            {pending ? "Reading again…" : "Read the file again with these columns"}
          </Button>
        ) : (
          <p className="text-slate-600">The file is no longer kept (a day after upload). Upload it again to choose its columns.</p>
        )}
      </div>
    </details>
  );
}
