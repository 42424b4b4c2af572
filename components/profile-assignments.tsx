"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { assignProfileAction, unassignProfileAction } from "@/app/console/profiles/actions";
import { Button } from "@/components/button";
import { ConfirmDialog } from "@/components/confirm-dialog";
import { FormAlert } from "@/components/form-alert";
import { toast } from "@/components/toast";

type ProfileRef = { id: string; name: string; osLabel: string };

/**
 * Manage Profiles for one user or group: the profiles applied to it, Apply
 * (a picker of the workspace's other profiles) and Remove with confirmation.
 * The group page mounts it with `target.kind = "group"`.
 */
export function ProfileAssignments({ target, assigned, available, canEdit }: {
  target: { kind: "user" | "group"; id: string; label: string };
  assigned: ProfileRef[];
  available: ProfileRef[];
  canEdit: boolean;
}) {
  const router = useRouter();
  const [choice, setChoice] = useState("");
  const [error, setError] = useState<string>();
  const [removing, setRemoving] = useState<ProfileRef | null>(null);
  const [pending, startTransition] = useTransition();
  const offered = available.filter((p) => !assigned.some((a) => a.id === p.id));

  function apply() {
    if (!choice) return setError("Choose a profile to apply.");
    startTransition(async () => {
      const result = await assignProfileAction({ profileId: choice, target: target.kind, targetId: target.id });
      if (!result.ok) return setError(result.error);
      setError(undefined);
      toast(`Profile ${available.find((p) => p.id === choice)?.name ?? ""} applied to ${target.label}.`);
      setChoice("");
      router.refresh();
    });
  }
  function remove() {
    if (!removing) return;
    startTransition(async () => {
      const result = await unassignProfileAction({ profileId: removing.id, target: target.kind, targetId: target.id });
      if (!result.ok) return setError(result.error);
      setError(undefined);
      toast(`Profile ${removing.name} removed from ${target.label}.`);
      setRemoving(null);
      router.refresh();
    });
  }

  return (
    <section aria-labelledby={`profiles-${target.id}`} className="space-y-3">
      <h2 id={`profiles-${target.id}`} className="text-base font-semibold text-slate-900">{target.kind === "user" ? "The user's own profiles" : "The group's profiles"}</h2>
      {removing ? null : <FormAlert message={error} />}
      {assigned.length === 0 ? (
        <p className="text-sm text-slate-600">No profiles applied{target.kind === "user" ? " to this user directly" : " to this group"}.</p>
      ) : (
        <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white text-sm">
          {assigned.map((p) => (
            <li key={p.id} className="flex items-center justify-between gap-3 px-4 py-2">
              <span><Link href={`/console/profiles/${p.id}`} className="text-brand-700 hover:underline">{p.name}</Link> <span className="text-slate-500">· {p.osLabel}</span></span>
              {canEdit ? <Button variant="secondary" onClick={() => setRemoving(p)} aria-label={`Remove profile ${p.name}`}>Remove</Button> : null}
            </li>
          ))}
        </ul>
      )}
      {canEdit ? (
        <div className="flex flex-wrap items-end gap-3">
          <div>
            <label htmlFor={`apply-${target.id}`} className="block text-sm font-medium text-slate-700">Profile to apply</label>
            <select id={`apply-${target.id}`} value={choice} onChange={(e) => setChoice(e.target.value)} className="mt-1 block w-72 rounded-md border border-slate-300 bg-white px-3 py-2 text-sm">
              <option value="">{offered.length === 0 ? "No other profiles" : "Choose a profile…"}</option>
              {offered.map((p) => <option key={p.id} value={p.id}>{p.name} ({p.osLabel})</option>)}
            </select>
          </div>
          <Button onClick={apply} disabled={pending || offered.length === 0}>Apply profile</Button>
        </div>
      ) : null}
      <ConfirmDialog open={removing !== null} title="Remove profile?" confirmLabel="Remove" pending={pending} error={error}
        onConfirm={remove} onCancel={() => { setRemoving(null); setError(undefined); }}>
        <p>{target.label}{target.kind === "user" ? "'s" : "'s members'"} devices stop getting the settings of {removing?.name} at their next policy check, unless another assignment brings it.</p>
      </ConfirmDialog>
    </section>
  );
}
