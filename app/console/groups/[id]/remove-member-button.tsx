"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/button";
import { ConfirmDialog } from "@/components/confirm-dialog";
import { toast } from "@/components/toast";
import { removeMembersAction } from "../actions";

/** The confirmation every "remove a user from a group" asks, on the group's page and the user's Groups tab. */
export const REMOVE_FROM_GROUP_QUESTION = "Do you really want to remove this user from user group?";

/** Remove (a member row on a group's page, a group row on a user's Groups tab): the user stays, the membership ends. */
export function RemoveMemberButton({ group, user, label, text = "Remove" }: { group: { id: string; name: string }; user: { id: string; label: string }; label: string; text?: string }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string>();

  function confirm() {
    startTransition(async () => {
      const result = await removeMembersAction({ groupIds: [group.id], userIds: [user.id] });
      if (!result.ok) return setError(result.error);
      setOpen(false);
      toast(`${user.label} removed from “${group.name}”.`);
      router.refresh();
    });
  }

  return (
    <>
      <Button variant="secondary" onClick={() => setOpen(true)} aria-label={label}>{text}</Button>
      <ConfirmDialog open={open} title="Remove from group?" confirmLabel="Remove" pending={pending} error={error} onConfirm={confirm} onCancel={() => { setError(undefined); setOpen(false); }}>
        <p>{REMOVE_FROM_GROUP_QUESTION}</p>
        <p className="mt-2 text-slate-600">{user.label} leaves “{group.name}”; the user is not deleted.</p>
      </ConfirmDialog>
    </>
  );
}
