"use client";

import { useState } from "react";
import { Button } from "@/components/button";
import { DeleteUsersDialog, type DeletionTarget } from "../delete-users-dialog";

/** "Delete User" on a user's page; returns to the list afterwards. */
export function DeleteUserButton({ target }: { target: DeletionTarget }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="danger" onClick={() => setOpen(true)}>Delete User</Button>
      <DeleteUsersDialog open={open} targets={[target]} onClose={() => setOpen(false)} onDeleted={() => setOpen(false)} afterDelete="/console/users" />
    </>
  );
}
