"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/button";
import { ConfirmDialog } from "@/components/confirm-dialog";
import { toast } from "@/components/toast";
import { plural } from "@/lib/format";
import { revokeOtherSessionsAction, revokeSessionAction } from "./actions";

/** "Sign out" on one of the person's other sessions, after confirming. */
export function RevokeSessionButton({ sessionId, label }: { sessionId: string; label: string }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string>();

  function confirm() {
    startTransition(async () => {
      const result = await revokeSessionAction({ sessionId });
      if (!result.ok) return setError(result.error);
      setError(undefined);
      setOpen(false);
      toast(`Signed out of ${label}.`);
      router.refresh();
    });
  }

  return (
    <>
      <Button variant="secondary" onClick={() => setOpen(true)} aria-label={`Sign out of ${label}`}>Sign out</Button>
      <ConfirmDialog
        open={open}
        title="Sign out of this session?"
        confirmLabel="Sign out"
        pending={pending}
        error={error}
        onConfirm={confirm}
        onCancel={() => {
          setError(undefined);
          setOpen(false);
        }}
      >
        <p>{label} is signed out at once: its next click goes to the sign-in page.</p>
      </ConfirmDialog>
    </>
  );
}

/** "Sign out of all other sessions", after confirming; this browser stays signed in. */
export function RevokeOtherSessionsButton({ count }: { count: number }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string>();

  function confirm() {
    startTransition(async () => {
      const result = await revokeOtherSessionsAction({});
      if (!result.ok) return setError(result.error);
      setError(undefined);
      setOpen(false);
      toast(result.data.ended === 0 ? "No other sessions were signed in." : `Signed out of ${plural(result.data.ended, "other session")}.`);
      router.refresh();
    });
  }

  return (
    <>
      <Button variant="secondary" onClick={() => setOpen(true)}>Sign out of all other sessions</Button>
      <ConfirmDialog
        open={open}
        title="Sign out of all other sessions?"
        confirmLabel="Sign out of others"
        pending={pending}
        error={error}
        onConfirm={confirm}
        onCancel={() => {
          setError(undefined);
          setOpen(false);
        }}
      >
        <p>Every other browser signed in to your account ({plural(count, "session")}) is signed out at once. This browser stays signed in.</p>
      </ConfirmDialog>
    </>
  );
}
