"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { ConfirmDialog } from "@/components/confirm-dialog";
import { toast } from "@/components/toast";
import { plural } from "@/lib/format";
import { deleteUsersAction } from "./actions";

export type DeletionTarget = { id: string; label: string; deviceCount: number };

/** Confirms and runs "Delete User", naming who goes and how many devices go with them. */
export function DeleteUsersDialog(props: {
  targets: DeletionTarget[];
  open: boolean;
  onClose: () => void;
  onDeleted: () => void;
  afterDelete?: string;
}) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string>();
  const devices = props.targets.reduce((n, t) => n + t.deviceCount, 0);
  const names = props.targets.slice(0, 5).map((t) => t.label);

  function confirm() {
    startTransition(async () => {
      const result = await deleteUsersAction({ userIds: props.targets.map((t) => t.id) });
      if (!result.ok) return setError(result.error);
      setError(undefined);
      const { deleted, devices } = result.data;
      toast(`Deleted ${plural(deleted, "user")}${devices ? ` and ${plural(devices, "device")}` : ""}.`);
      props.onDeleted();
      if (props.afterDelete) router.push(props.afterDelete);
      router.refresh();
    });
  }

  return (
    <ConfirmDialog
      open={props.open}
      title={props.targets.length === 1 ? "Delete user?" : `Delete ${plural(props.targets.length, "user")}?`}
      confirmLabel="Delete"
      pending={pending}
      error={error}
      onConfirm={confirm}
      onCancel={() => {
        setError(undefined);
        props.onClose();
      }}
    >
      <p>
        {names.join(", ")}
        {props.targets.length > names.length ? ` and ${plural(props.targets.length - names.length, "other")}` : ""}{" "}
        will be deleted with {plural(devices, "enrolled device")}. Their enrollment links stop working and they are signed
        out. This cannot be undone.
      </p>
    </ConfirmDialog>
  );
}
