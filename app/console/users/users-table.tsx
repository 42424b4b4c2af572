"use client";

import type { PlatformInfo } from "@/lib/enrollment/platform";
import { EnrollDeviceButton } from "./enroll-device-dialog";
import Link from "next/link";
import { useState, useTransition } from "react";
import { Button } from "@/components/button";
import { ConfirmDialog } from "@/components/confirm-dialog";
import { toast } from "@/components/toast";
import { FormAlert } from "@/components/form-alert";
import { LocalTime } from "@/components/local-time";
import { ScrollBox } from "@/components/scroll-box";
import { plural } from "@/lib/format";
import { sendInstructionsAction } from "./actions";
import type { UserListRow } from "@/lib/users/labels";
import { DeleteUsersDialog } from "./delete-users-dialog";
import { ChangePasswordDialog, RecoveryEmailDialog } from "./account-dialogs";
import { ResetTwoFactorDialog } from "./reset-two-factor-dialog";
import { GroupBulkDialog } from "./group-bulk-dialog";
import { formatCount } from "@/lib/format";
import type { UserSelection } from "@/lib/groups/bulk-membership";

/** The list's search and filters, for "all users matching" (what the server resolves with the list's own filter code). */
export type MatchingFilters = Extract<UserSelection, { matching: unknown }>["matching"];

const ONLY_ROWS = "Works on ticked rows only: clear “all matching” and tick up to a page of users.";

export type SortLink = { key: string; label: string; href: string; active: "asc" | "desc" | null };

/** The users table with row selection; rows and sort links are prepared on the server. */
export function UsersTable({ rows, columns, canDelete, canSend, canSecure, canGroup = false, total = rows.length, totalIsAtLeast = false, matching = {}, enrollPlatforms = null }: {
  rows: UserListRow[];
  columns: SortLink[];
  canDelete: boolean;
  canSend: boolean;
  canSecure: boolean;
  canGroup?: boolean;
  /** Users matching the search and filters (at least this many when totalIsAtLeast). */
  total?: number;
  totalIsAtLeast?: boolean;
  matching?: MatchingFilters;
  /** The platforms Enroll Device offers, or null when the viewer may not enroll devices. */
  enrollPlatforms?: PlatformInfo[] | null;
}) {
  const [selected, setSelected] = useState<Set<string>>(new Set());
  // "Select all N matching": the selection is the list's query, resolved on the server.
  const [allMatching, setAllMatching] = useState(false);
  const [groupDialog, setGroupDialog] = useState<"add" | "remove" | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [confirmingReset, setConfirmingReset] = useState(false);
  const [confirmingSend, setConfirmingSend] = useState(false);
  const [accountDialog, setAccountDialog] = useState<"password" | "recovery" | null>(null);
  const [sending, startSending] = useTransition();
  const [notice, setNotice] = useState<{ tone: "error" | "success"; text: string }>();
  // Selection only holds rows of this page; rows that went away drop out.
  const chosen = rows.filter((r) => selected.has(r.id));
  const allOnPage = rows.length > 0 && chosen.length === rows.length;
  const matchingAll = allMatching && allOnPage;
  const selection: UserSelection = matchingAll ? { matching } : { userIds: chosen.map((r) => r.id) };
  const totalText = `${formatCount(total)}${totalIsAtLeast ? "+" : ""}`;
  const rowsOnly = matchingAll ? ONLY_ROWS : undefined;

  function toggle(id: string) {
    setSelected((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  }

  return (
    <div>
      <div className="mb-3 flex min-h-9 flex-wrap items-center gap-3">
        {canSend ? (
          <Button
            variant="secondary"
            disabled={chosen.length === 0 || sending || matchingAll}
            title={rowsOnly}
            onClick={() => {
              setNotice(undefined);
              setConfirmingSend(true);
            }}
          >
            {sending ? "Sending…" : "Send instructions"}
          </Button>
        ) : null}
        {enrollPlatforms ? <EnrollDeviceButton userId={chosen.length === 1 && !matchingAll ? chosen[0].id : null} platforms={enrollPlatforms} /> : null}
        {canSecure ? (
          <>
            <Button variant="secondary" disabled={chosen.length === 0 || matchingAll} title={rowsOnly} onClick={() => setAccountDialog("password")}>
              Change Password
            </Button>
            <Button variant="secondary" disabled={chosen.length === 0 || matchingAll} title={rowsOnly} onClick={() => setAccountDialog("recovery")}>
              Send Password Recovery Email
            </Button>
            <Button variant="secondary" disabled={chosen.length === 0 || matchingAll} title={rowsOnly} onClick={() => setConfirmingReset(true)}>
              Reset 2FA Token
            </Button>
          </>
        ) : null}
        {canDelete ? (
          <Button variant="danger" disabled={chosen.length === 0 || matchingAll} title={rowsOnly} onClick={() => setConfirming(true)}>
            Delete User
          </Button>
        ) : null}
        {canGroup ? (
          <>
            <Button variant="secondary" disabled={chosen.length === 0} onClick={() => setGroupDialog("add")}>Add to group</Button>
            <Button variant="secondary" disabled={chosen.length === 0} onClick={() => setGroupDialog("remove")}>Remove from group</Button>
          </>
        ) : null}
        <FormAlert message={notice?.text} tone={notice?.tone} />
        <span className="text-sm text-slate-600" aria-live="polite">
          {matchingAll ? `All ${totalText} matching users selected` : chosen.length > 0 ? `${chosen.length} selected` : ""}
        </span>
      </div>
      {allOnPage && (total > rows.length || totalIsAtLeast) ? (
        <div className="mb-3 flex flex-wrap items-center gap-2 rounded-md border border-brand-100 bg-brand-50 px-3 py-2 text-sm text-slate-800">
          {matchingAll ? (
            <>
              <span>All {totalText} users matching the search and filters are selected. Add to group and Remove from group take them all; the other actions work on ticked rows only.</span>
              <button type="button" onClick={() => setAllMatching(false)} className="font-medium text-brand-700 hover:underline">Select only this page</button>
            </>
          ) : (
            <>
              <span>All {rows.length} users on this page are selected.</span>
              <button type="button" onClick={() => setAllMatching(true)} className="font-medium text-brand-700 hover:underline">Select all {totalText} matching</button>
            </>
          )}
        </div>
      ) : null}
      <ScrollBox label="Users" className="rounded-lg border border-slate-200 bg-white">
        <table className="min-w-full divide-y divide-slate-200 text-sm">
          <thead className="bg-slate-50">
            <tr>
              <th scope="col" className="w-10 px-3 py-2.5">
                <input
                  type="checkbox"
                  aria-label="Select all users on this page"
                  checked={allOnPage}
                  onChange={() => setSelected(allOnPage ? new Set() : new Set(rows.map((r) => r.id)))}
                  className="h-4 w-4 rounded border-slate-300"
                />
              </th>
              {columns.flatMap((c) => [
                <th
                  key={c.key}
                  scope="col"
                  aria-sort={c.active === "asc" ? "ascending" : c.active === "desc" ? "descending" : undefined}
                  className="px-3 py-2.5 text-left font-semibold whitespace-nowrap text-slate-700"
                >
                  <Link href={c.href} className="inline-flex items-center gap-1 hover:text-brand-700">
                    {c.label}
                    <span aria-hidden="true" className="text-xs text-slate-400">
                      {c.active === "asc" ? "▲" : c.active === "desc" ? "▼" : "↕"}
                    </span>
                  </Link>
                </th>,
                // The role follows the email; it is not a sort key.
                ...(c.key === "email" ? [<th key="role" scope="col" className="px-3 py-2.5 text-left font-semibold whitespace-nowrap text-slate-700">Role</th>] : []),
              ])}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.map((row) => (
              <tr key={row.id} className={selected.has(row.id) ? "bg-brand-50" : "hover:bg-slate-50"}>
                <td className="px-3 py-2">
                  <input
                    type="checkbox"
                    aria-label={`Select ${row.name}`}
                    checked={selected.has(row.id)}
                    onChange={() => toggle(row.id)}
                    className="h-4 w-4 rounded border-slate-300"
                  />
                </td>
                <td className="px-3 py-2 font-medium">
                  <Link href={`/console/users/${row.id}`} className="text-brand-700 hover:underline">
                    {row.name}
                  </Link>
                </td>
                <td className="px-3 py-2 text-slate-700">{row.email}</td>
                <td className="px-3 py-2 whitespace-nowrap text-slate-700">{row.role}</td>
                <td className="px-3 py-2 whitespace-nowrap text-slate-700">{row.phone}</td>
                <td className="px-3 py-2 text-right tabular-nums text-slate-700">{row.deviceCount}</td>
                <td className="px-3 py-2 whitespace-nowrap text-slate-700">{row.twoFactor}</td>
                <td className="px-3 py-2 text-slate-700">{row.lastLoginAt ? <LocalTime date={row.lastLoginAt} /> : row.lastLogin}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollBox>
      <ConfirmDialog
        open={confirmingSend}
        title={`Send instructions to ${plural(chosen.length, "user")}?`}
        confirmLabel={`Send ${plural(chosen.length, "email")}`}
        pending={sending}
        error={notice?.tone === "error" ? notice.text : undefined}
        onCancel={() => setConfirmingSend(false)}
        onConfirm={() =>
          startSending(async () => {
            const result = await sendInstructionsAction({ userIds: chosen.map((r) => r.id) });
            if (!result.ok) return setNotice({ tone: "error", text: result.error });
            setConfirmingSend(false);
            toast(`Instructions queued for ${plural(result.data.queued, "user")}.`);
          })
        }
      >
        <p>Each gets a new email with a new enrollment link. Links sent earlier keep working.</p>
        {chosen.length <= 5 ? <p className="mt-2 text-slate-600">{chosen.map((r) => r.name).join(", ")}</p> : null}
      </ConfirmDialog>
      {accountDialog ? (
        (() => {
          const Dialog = accountDialog === "password" ? ChangePasswordDialog : RecoveryEmailDialog;
          return <Dialog open targets={chosen.map((r) => ({ id: r.id, label: r.name, email: r.email, credentialsProblem: r.credentialsProblem }))} onClose={() => setAccountDialog(null)} />;
        })()
      ) : null}
      <ResetTwoFactorDialog
        open={confirmingReset}
        targets={chosen.map((r) => ({ id: r.id, label: r.name }))}
        onClose={() => setConfirmingReset(false)}
        onDone={() => {
          setConfirmingReset(false);
          setSelected(new Set());
        }}
      />
      {groupDialog ? (
        <GroupBulkDialog
          op={groupDialog}
          selection={selection}
          knownCount={matchingAll ? null : chosen.length}
          onClose={() => setGroupDialog(null)}
          onDone={() => {
            setGroupDialog(null);
            setSelected(new Set());
            setAllMatching(false);
          }}
        />
      ) : null}
      <DeleteUsersDialog
        open={confirming}
        targets={chosen.map((r) => ({ id: r.id, label: r.name, deviceCount: r.deviceCount }))}
        onClose={() => setConfirming(false)}
        onDeleted={() => {
          setConfirming(false);
          setSelected(new Set());
        }}
      />
    </div>
  );
}
