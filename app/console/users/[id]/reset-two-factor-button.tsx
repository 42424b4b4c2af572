"use client";

import { useState } from "react";
import { Button } from "@/components/button";
import { ResetTwoFactorDialog, type ResetTarget } from "../reset-two-factor-dialog";

/** "Reset 2FA Token" on a user's page. */
export function ResetTwoFactorButton({ target }: { target: ResetTarget }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="secondary" onClick={() => setOpen(true)}>Reset 2FA Token</Button>
      <ResetTwoFactorDialog open={open} targets={[target]} onClose={() => setOpen(false)} onDone={() => setOpen(false)} />
    </>
  );
}
