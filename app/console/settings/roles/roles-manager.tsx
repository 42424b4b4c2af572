"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/button";
import { ConfirmDialog } from "@/components/confirm-dialog";
import { ScrollBox } from "@/components/scroll-box";
import { toast } from "@/components/toast";
import type { Permission } from "@/lib/auth/permissions";
import { plural } from "@/lib/format";
import type { RoleRow } from "@/lib/roles/list-roles";
import { deleteRoleAction } from "./actions";
import { RoleEditor, type PermissionEntry } from "./role-editor";

type Props = { roles: RoleRow[]; myRoleId: string; held: Permission[]; catalogue: PermissionEntry[]; canEdit: boolean };

/** Settings → Roles: the roles table with New role, Edit and Delete (with a replacement for a role in use). */
export function RolesManager({ roles, myRoleId, held, catalogue, canEdit }: Props) {
  const router = useRouter();
  const [editing, setEditing] = useState<RoleRow | "new" | null>(null);
  const [deleting, setDeleting] = useState<RoleRow | null>(null);
  const [replacement, setReplacement] = useState("");
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();
  const labelOf = new Map(catalogue.map((p) => [p.id, p.label]));
  const heldSet = new Set(held);
  const mayTouch = (r: RoleRow) => !r.builtIn && r.id !== myRoleId && r.permissions.every((p) => heldSet.has(p));

  function confirmDelete() {
    if (!deleting) return;
    startTransition(async () => {
      const result = await deleteRoleAction({ roleId: deleting.id, replacementRoleId: replacement || undefined });
      if (!result.ok) {
        setError(result.fieldErrors?.replacementRoleId?.join(" ") ?? result.error);
        return;
      }
      toast(`Deleted the role "${deleting.name}"${result.data.moved ? `; ${plural(result.data.moved, "user")} moved` : ""}.`);
      setDeleting(null);
      router.refresh();
    });
  }

  return (
    <section aria-labelledby="roles-heading" className="rounded-lg border border-slate-200 bg-white p-5">
      <div className="mb-4 flex flex-wrap items-center justify-between gap-3">
        <div>
          <h2 id="roles-heading" className="text-base font-semibold text-ink">Roles</h2>
          <p className="text-sm text-slate-600">A role decides whether its users can sign in to the console and what they may do there.</p>
        </div>
        {canEdit ? <Button onClick={() => setEditing("new")}>New role</Button> : null}
      </div>
      <ScrollBox label="Roles" className="rounded-lg border border-slate-200">
        <table className="min-w-full divide-y divide-slate-200 text-sm">
          <caption className="sr-only">Roles</caption>
          <thead className="bg-slate-50">
            <tr>
              {["Name", "Type", "Console", "Users", "Permissions", "Actions"].map((h) => (
                <th key={h} scope="col" className="px-3 py-2.5 text-left font-semibold whitespace-nowrap text-slate-700">{h}</th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {roles.map((r) => (
              <tr key={r.id} data-testid="role-row">
                <th scope="row" className="px-3 py-2 text-left font-medium whitespace-nowrap text-slate-900">{r.name}</th>
                <td className="px-3 py-2 whitespace-nowrap text-slate-700">{r.builtIn ? "Built-in" : "Custom"}</td>
                <td className="px-3 py-2 text-slate-700">{r.consoleAccess ? "Yes" : "No"}</td>
                <td className="px-3 py-2 text-slate-700 tabular-nums">{r.users}</td>
                <td className="px-3 py-2 text-slate-700">
                  {r.builtIn === "admin" ? "Everything" : r.permissions.length === 0 ? "None" : r.permissions.map((p) => labelOf.get(p) ?? p).join(", ")}
                </td>
                <td className="px-3 py-2 whitespace-nowrap">
                  {canEdit && mayTouch(r) ? (
                    <div className="flex gap-2">
                      <Button variant="secondary" onClick={() => setEditing(r)} aria-label={`Edit ${r.name}`}>Edit</Button>
                      <Button
                        variant="secondary"
                        aria-label={`Delete ${r.name}`}
                        onClick={() => {
                          setDeleting(r);
                          setReplacement("");
                          setError(undefined);
                        }}
                      >
                        Delete
                      </Button>
                    </div>
                  ) : (
                    <span className="text-slate-500">{r.builtIn ? "Fixed" : r.id === myRoleId ? "Your role" : "—"}</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollBox>

      {editing ? (
        <RoleEditor
          role={editing === "new" ? null : editing}
          catalogue={catalogue}
          held={held}
          onClose={() => setEditing(null)}
          onSaved={(text) => {
            toast(text);
            setEditing(null);
            router.refresh();
          }}
        />
      ) : null}

      <ConfirmDialog
        open={deleting !== null}
        title={`Delete the role "${deleting?.name ?? ""}"?`}
        confirmLabel="Delete role"
        pending={pending}
        error={error}
        onConfirm={confirmDelete}
        onCancel={() => setDeleting(null)}
      >
        {deleting && deleting.users > 0 ? (
          <div className="space-y-3 text-sm text-slate-700">
            <p>{plural(deleting.users, "user has", "users have")} this role. Choose the role they get instead; the change applies to all of them at once.</p>
            <div>
              <label htmlFor="field-replacementRoleId" className="block text-sm font-medium text-slate-700">Replacement role</label>
              <select
                id="field-replacementRoleId"
                value={replacement}
                onChange={(e) => setReplacement(e.target.value)}
                className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm"
              >
                <option value="">Choose a role…</option>
                {roles.filter((r) => r.id !== deleting.id).map((r) => (
                  <option key={r.id} value={r.id}>{r.name}</option>
                ))}
              </select>
            </div>
          </div>
        ) : (
          <p className="text-sm text-slate-700">No user has this role. This cannot be undone.</p>
        )}
      </ConfirmDialog>
    </section>
  );
}
