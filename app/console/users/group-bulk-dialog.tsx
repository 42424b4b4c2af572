"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState, useTransition } from "react";
import { Button } from "@/components/button";
import { FormAlert } from "@/components/form-alert";
import { Modal } from "@/components/modal";
import { toast } from "@/components/toast";
import { TypeAhead, type TypeAheadOption } from "@/components/type-ahead";
import { formatCount, plural } from "@/lib/format";
import type { UserSelection } from "@/lib/groups/bulk-membership";
import { bulkMembershipAction, countSelectionAction, suggestGroupsAction } from "../groups/actions";

type Props = { op: "add" | "remove"; selection: UserSelection; knownCount: number | null; onClose: () => void; onDone: () => void };

/**
 * Add to group / Remove from group for the users list's selection. For "all
 * matching" the dialog asks the server how many users that is now, and says
 * so before anything is done.
 */
export function GroupBulkDialog({ op, selection, knownCount, onClose, onDone }: Props) {
  const router = useRouter();
  const [chosen, setChosen] = useState<TypeAheadOption[]>([]);
  const [count, setCount] = useState<number | null>(knownCount);
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();

  const selectionKey = JSON.stringify(selection);
  useEffect(() => {
    if (knownCount !== null) return;
    const selection = JSON.parse(selectionKey) as UserSelection;
    let live = true;
    void countSelectionAction({ selection }).then((r) => {
      if (live && r.ok) setCount(r.data);
    });
    return () => {
      live = false;
    };
  }, [knownCount, selectionKey]);

  async function suggest(q: string): Promise<TypeAheadOption[]> {
    const result = await suggestGroupsAction({ q });
    return result.ok ? result.data.map((g) => ({ id: g.id, label: g.name, detail: plural(g.members, "user") })) : [];
  }

  function run() {
    startTransition(async () => {
      const result = await bulkMembershipAction({ op, groupIds: chosen.map((c) => c.id), selection });
      if (!result.ok) return setError(result.error);
      toast(op === "add"
        ? `${plural(result.data.changed, "membership")} added (${plural(result.data.users, "user")}, ${plural(chosen.length, "group")}).`
        : `${plural(result.data.changed, "membership")} removed (${plural(result.data.users, "user")}, ${plural(chosen.length, "group")}).`);
      onDone();
      router.refresh();
    });
  }

  const who = count === null ? "Counting users…" : plural(count, "user");
  const verb = op === "add" ? "Add" : "Remove";
  return (
    <Modal
      open
      title={op === "add" ? "Add to group" : "Remove from group"}
      onClose={onClose}
      size="lg"
      footer={
        <>
          <Button variant="secondary" onClick={onClose} disabled={pending}>Cancel</Button>
          <Button variant={op === "add" ? "primary" : "danger"} onClick={run} disabled={pending || chosen.length === 0 || count === null || count === 0}>
            {pending ? "Working…" : count === null ? verb : `${verb} ${plural(count, "user")}`}
          </Button>
        </>
      }
    >
      <div className="space-y-3">
        <p data-testid="bulk-count">
          {op === "add" ? "Adds" : "Removes"} <strong>{who}</strong> {op === "add" ? "to" : "from"} the groups chosen below.
          {"matching" in selection ? " These are all users matching the list's search and filters." : ""}
          {count !== null && count > 500 ? ` They are handled ${formatCount(500)} at a time.` : ""}
        </p>
        <TypeAhead label="Groups" placeholder="Type a group name" suggest={suggest} selected={chosen} onChange={setChosen} suggestEmpty />
        <FormAlert message={error} />
      </div>
    </Modal>
  );
}
