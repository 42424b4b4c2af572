"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/button";
import { ConfirmDialog } from "@/components/confirm-dialog";
import { toast } from "@/components/toast";
import { revokeTokenAction } from "./token-actions";

/** "Revoke" on the User Tokens tab: after confirming, the token's link stops working. */
export function RevokeTokenButton({ tokenId, userId, prefix }: { tokenId: string; userId: string; prefix: string }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string>();

  function confirm() {
    startTransition(async () => {
      const result = await revokeTokenAction({ tokenId, userId });
      if (!result.ok) return setError(result.error);
      setError(undefined);
      setOpen(false);
      toast(`Token ${prefix}… revoked: its link no longer connects devices.`);
      router.refresh();
    });
  }

  return (
    <>
      <Button variant="secondary" onClick={() => setOpen(true)} aria-label={`Revoke token ${prefix}`}>Revoke</Button>
      <ConfirmDialog
        open={open}
        title="Revoke token?"
        confirmLabel="Revoke"
        pending={pending}
        error={error}
        onConfirm={confirm}
        onCancel={() => {
          setError(undefined);
          setOpen(false);
        }}
      >
        <p>
          The enrollment link with token {prefix}… stops working at once, so no further device can connect with it. Devices
          already connected stay connected. This cannot be undone; send the user a new message to give them a new link.
        </p>
      </ConfirmDialog>
    </>
  );
}
