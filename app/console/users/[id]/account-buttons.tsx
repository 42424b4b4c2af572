"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/button";
import { ChangePasswordDialog, RecoveryEmailDialog, type AccountTarget } from "../account-dialogs";

/** Change Password and Send Password Recovery Email on a user's page (offered only when Roster holds the user's password). */
export function AccountButtons({ target }: { target: AccountTarget }) {
  const router = useRouter();
  const [open, setOpen] = useState<"password" | "recovery" | null>(null);
  const close = () => {
    setOpen(null);
    router.refresh();
  };
  return (
    <>
      <Button variant="secondary" onClick={() => setOpen("password")}>
        Change Password
      </Button>
      <Button variant="secondary" onClick={() => setOpen("recovery")}>
        Send Password Recovery Email
      </Button>
      {open === "password" ? <ChangePasswordDialog open targets={[target]} onClose={close} /> : null}
      {open === "recovery" ? <RecoveryEmailDialog open targets={[target]} onClose={close} /> : null}
    </>
  );
}
