"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/button";
import { FormAlert } from "@/components/form-alert";
import { Modal } from "@/components/modal";
import { toast } from "@/components/toast";
import { TypeAhead, type TypeAheadOption } from "@/components/type-ahead";
import { plural } from "@/lib/format";
import { addMembersAction, suggestGroupsAction } from "../../groups/actions";

/** Add to group on a user's Groups tab: groups suggested as you type (the user's own left out), several at once. */
export function AddToGroupButton({ user }: { user: { id: string; label: string } }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [chosen, setChosen] = useState<TypeAheadOption[]>([]);
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();

  async function suggest(q: string): Promise<TypeAheadOption[]> {
    const result = await suggestGroupsAction({ q, exclude: user.id });
    if (!result.ok) return [];
    return result.data.map((g) => ({ id: g.id, label: g.name, detail: plural(g.members, "user") }));
  }

  function close() {
    setOpen(false);
    setChosen([]);
    setError(undefined);
  }

  function add() {
    startTransition(async () => {
      const result = await addMembersAction({ groupIds: chosen.map((c) => c.id), userIds: [user.id] });
      if (!result.ok) return setError(result.error);
      close();
      toast(`${user.label} added to ${plural(chosen.length, "group")}.`);
      router.refresh();
    });
  }

  return (
    <>
      <Button onClick={() => setOpen(true)}>Add to group</Button>
      <Modal
        open={open}
        title={`Add ${user.label} to groups`}
        onClose={close}
        size="lg"
        footer={
          <>
            <Button variant="secondary" onClick={close} disabled={pending}>Cancel</Button>
            <Button onClick={add} disabled={pending || chosen.length === 0}>
              {pending ? "Adding…" : chosen.length ? `Add to ${plural(chosen.length, "group")}` : "Add to group"}
            </Button>
          </>
        }
      >
        {open ? (
          <div className="space-y-3">
            <TypeAhead label="Groups" placeholder="Type a group name" suggest={suggest} selected={chosen} onChange={setChosen} suggestEmpty hint="Groups the user is already in are left out." />
            <FormAlert message={error} />
          </div>
        ) : null}
      </Modal>
    </>
  );
}
