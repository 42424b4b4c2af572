"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/button";
import { FormAlert } from "@/components/form-alert";
import { Modal } from "@/components/modal";
import { toast } from "@/components/toast";
import { TypeAhead, type TypeAheadOption } from "@/components/type-ahead";
import { plural } from "@/lib/format";
import { addMembersAction, suggestUsersAction } from "../actions";

/** Add users on a group's page: pick several users by name or email as you type, then add them at once. */
export function AddUsersButton({ group }: { group: { id: string; name: string } }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [chosen, setChosen] = useState<TypeAheadOption[]>([]);
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();

  async function suggest(q: string): Promise<TypeAheadOption[]> {
    const result = await suggestUsersAction({ q, exclude: group.id });
    if (!result.ok) return [];
    return result.data.map((u) => ({ id: u.id, label: u.displayName || u.email, detail: u.displayName ? u.email : undefined }));
  }

  function close() {
    setOpen(false);
    setChosen([]);
    setError(undefined);
  }

  function add() {
    startTransition(async () => {
      const result = await addMembersAction({ groupIds: [group.id], userIds: chosen.map((c) => c.id) });
      if (!result.ok) return setError(result.error);
      close();
      toast(`${plural(result.data.added, "user")} added to “${group.name}”.`);
      router.refresh();
    });
  }

  return (
    <>
      <Button onClick={() => setOpen(true)}>Add users</Button>
      <Modal
        open={open}
        title={`Add users to “${group.name}”`}
        onClose={close}
        size="lg"
        footer={
          <>
            <Button variant="secondary" onClick={close} disabled={pending}>Cancel</Button>
            <Button onClick={add} disabled={pending || chosen.length === 0}>
              {pending ? "Adding…" : chosen.length ? `Add ${plural(chosen.length, "user")}` : "Add users"}
            </Button>
          </>
        }
      >
        {open ? (
          <div className="space-y-3">
            <TypeAhead label="Users" placeholder="Type a name or an email" suggest={suggest} selected={chosen} onChange={setChosen} hint="Up to 10 matches are shown; users already in the group are left out." />
            <FormAlert message={error} />
          </div>
        ) : null}
      </Modal>
    </>
  );
}
