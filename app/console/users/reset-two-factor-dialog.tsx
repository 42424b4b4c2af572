"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { ConfirmDialog } from "@/components/confirm-dialog";
import { toast } from "@/components/toast";
import { plural } from "@/lib/format";
import { resetTwoFactorAction } from "./actions";

export type ResetTarget = { id: string; label: string };

/** Confirms and runs "Reset 2FA Token" for one user (named) or several (counted). */
export function ResetTwoFactorDialog(props: { targets: ResetTarget[]; open: boolean; onClose: () => void; onDone: () => void }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string>();
  const one = props.targets.length === 1 ? props.targets[0] : null;

  function confirm() {
    startTransition(async () => {
      const result = await resetTwoFactorAction({ userIds: props.targets.map((t) => t.id) });
      if (!result.ok) return setError(result.error);
      setError(undefined);
      const { reset, skipped } = result.data;
      toast(`2FA reset for ${plural(reset, "user")}${skipped ? `; ${plural(skipped, "user")} cannot sign in to the console and were skipped` : ""}.`);
      props.onDone();
      router.refresh();
    });
  }

  return (
    <ConfirmDialog
      open={props.open}
      title="Reset 2FA?"
      confirmLabel="Reset 2FA"
      pending={pending}
      error={error}
      onConfirm={confirm}
      onCancel={() => {
        setError(undefined);
        props.onClose();
      }}
    >
      <p>{one ? `Do you want to reset 2FA for user «${one.label}»?` : `Do you want to reset 2FA for ${plural(props.targets.length, "user")}?`}</p>
      <p className="mt-2 text-slate-600">
        Their authenticator app and recovery codes stop working and they are signed out. At their next sign-in, after their password,
        they must set two-factor authentication up again.
      </p>
    </ConfirmDialog>
  );
}
