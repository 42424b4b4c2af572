"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/button";
import { ConfirmDialog } from "@/components/confirm-dialog";
import { FormAlert } from "@/components/form-alert";
import { formatCount, plural } from "@/lib/format";
import type { ImportCategory } from "@/lib/imports/categories";
import type { ActionResult } from "@/lib/errors";
import { cancelImportAction, setExistingModeAction, startImportAction } from "../actions";

type Props = {
  importId: string;
  mode: "SKIP" | "UPDATE";
  counts: Record<ImportCategory, number>;
  /** In update mode: how many existing users the file changes, and how many it leaves as they are. */
  updates: { update: number; unchanged: number } | null;
};

/** The button says what it will do: "Create 12 users and update 3 (99,985 unchanged)". */
function createLabel(create: number, updates: Props["updates"]): string {
  const update = updates?.update ?? 0;
  const unchanged = updates && updates.unchanged > 0 ? ` (${formatCount(updates.unchanged)} unchanged)` : "";
  if (create === 0 && update === 0) return "Nothing to import";
  if (update === 0) return `Create accounts (${plural(create, "new user")})`;
  if (create === 0) return `Update ${plural(update, "user")}${unchanged}`;
  return `Create ${plural(create, "user")} and update ${formatCount(update)}${unchanged}`;
}

/** Review: what to do with existing users, and the step's way forward (create) or out (cancel). */
export function ReviewControls({ importId, mode, counts, updates }: Props) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string>();
  const [leaveOut, setLeaveOut] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  const run = (action: () => Promise<ActionResult<unknown>>, then?: () => void) =>
    startTransition(async () => {
      const result = await action();
      setError(result.ok ? undefined : result.error);
      if (result.ok) then?.();
    });

  const willWrite = counts.create + (mode === "UPDATE" ? (updates?.update ?? 0) : 0);
  const blocked = counts.attention > 0 && !leaveOut;
  return (
    <div className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
      <fieldset className="flex flex-wrap items-center gap-x-5 gap-y-2 text-sm" disabled={pending}>
        <legend className="mb-1 font-medium text-slate-800">Rows for people who are already users</legend>
        {(["SKIP", "UPDATE"] as const).map((value) => (
          <label key={value} className="flex items-center gap-2">
            <input
              type="radio"
              name="existing"
              value={value}
              checked={mode === value}
              onChange={() => run(() => setExistingModeAction({ importId, mode: value }), () => router.refresh())}
            />
            {value === "SKIP" ? "Skip them (change nothing)" : "Update them with the file's name, phone, role, Exchange account and groups"}
          </label>
        ))}
      </fieldset>
      {counts.attention > 0 ? (
        <label className="flex items-start gap-2 text-sm text-slate-800">
          <input type="checkbox" className="mt-0.5" checked={leaveOut} onChange={(e) => setLeaveOut(e.target.checked)} />
          <span>
            Import the other rows now and leave out the {plural(counts.attention, "row that needs", "rows that need")} attention (they go in the
            report of rows not imported).
          </span>
        </label>
      ) : null}
      <FormAlert message={error} />
      <div className="flex flex-wrap items-center gap-2">
        <Button onClick={() => run(() => startImportAction({ importId }), () => router.refresh())} disabled={pending || blocked || willWrite === 0}>
          {pending ? "Starting…" : createLabel(counts.create, mode === "UPDATE" ? updates : null)}
        </Button>
        <Button variant="secondary" onClick={() => setCancelling(true)} disabled={pending}>
          Cancel import
        </Button>
        {counts.attention + counts.excluded > 0 ? (
          <a className="text-sm text-brand-700 underline" href={`/api/users/imports/${importId}/errors`} download>
            Download the rows that would not be imported (CSV)
          </a>
        ) : null}
      </div>
      {blocked ? <p className="text-sm text-slate-600">Fix or exclude the rows that need attention, or choose to leave them out.</p> : null}
      <ConfirmDialog
        open={cancelling}
        title="Cancel this import?"
        confirmLabel="Cancel import"
        pending={pending}
        error={error}
        onCancel={() => setCancelling(false)}
        onConfirm={() => run(() => cancelImportAction({ importId }), () => router.push("/console/users/import"))}
      >
        Nothing from this file will be created, and your fixes on this page are dropped.
      </ConfirmDialog>
    </div>
  );
}
