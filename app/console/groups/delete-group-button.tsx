"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/button";
import { ConfirmDialog } from "@/components/confirm-dialog";
import { toast } from "@/components/toast";
import { plural } from "@/lib/format";
import { deleteGroupAction } from "./actions";

/** Delete (Groups list and the group's page): the confirmation says how many users lose the membership; none is deleted. */
export function DeleteGroupButton({ group, afterDelete }: { group: { id: string; name: string; members: number }; afterDelete?: string }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string>();

  function confirm() {
    startTransition(async () => {
      const result = await deleteGroupAction({ id: group.id });
      if (!result.ok) return setError(result.error);
      setOpen(false);
      toast(`Group “${result.data.name}” deleted; ${plural(result.data.members, "user")} left it.`);
      if (afterDelete) router.push(afterDelete);
      else router.refresh();
    });
  }

  return (
    <>
      <Button variant="secondary" onClick={() => setOpen(true)} aria-label={`Delete group ${group.name}`}>Delete</Button>
      <ConfirmDialog open={open} title={`Delete group “${group.name}”?`} confirmLabel="Delete group" pending={pending} error={error} onConfirm={confirm} onCancel={() => { setError(undefined); setOpen(false); }}>
        <p>
          {group.members === 0
            ? "The group has no users."
            : `${plural(group.members, "user")} ${group.members === 1 ? "is" : "are"} in this group and will no longer be.`}{" "}
          The users themselves are not deleted.
        </p>
      </ConfirmDialog>
    </>
  );
}
