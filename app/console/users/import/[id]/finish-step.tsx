"use client";

import Link from "next/link";
import { useState, useTransition } from "react";
import { Button, buttonClasses } from "@/components/button";
import { FormAlert } from "@/components/form-alert";
import { plural } from "@/lib/format";
import { inviteImportedAction } from "../actions";

/** Finish: done as it is, or invite the created users to enroll their devices. */
export function FinishStep({ importId, created, invited }: { importId: string; created: number; invited: number | null }) {
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string>();
  const invite = () =>
    startTransition(async () => {
      const result = await inviteImportedAction({ importId });
      setError(result.ok ? undefined : result.error);
    });
  return (
    <div className="space-y-3">
      {invited !== null ? (
        <FormAlert tone="success" message={`Instructions were queued for ${plural(invited, "imported user")}. The Mailbox shows each message.`} />
      ) : null}
      <FormAlert message={error} />
      <div className="flex flex-wrap gap-2">
        <Link href="/console/users" className={buttonClasses(invited === null && created > 0 ? "secondary" : "primary")}>
          Finish
        </Link>
        {invited === null && created > 0 ? (
          <Button onClick={invite} disabled={pending}>
            {pending ? "Queuing instructions…" : "Invite the imported users to enroll"}
          </Button>
        ) : null}
      </div>
      {invited === null && created > 0 ? (
        <p className="text-sm text-slate-600">
          Finish saves the users without emailing them; you can send instructions later from the users list. Invite emails each of the{" "}
          {plural(created, "created user")} a link to enroll their devices.
        </p>
      ) : null}
    </div>
  );
}
