"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/button";
import { ConfirmDialog } from "@/components/confirm-dialog";
import { FormField } from "@/components/form-field";
import { toast } from "@/components/toast";
import { removeDeviceAction, renameDeviceAction } from "./actions";

/** Rename and Remove (with confirmation) on a device's page. */
export function DeviceButtons({ device }: { device: { id: string; label: string; name: string; userId: string } }) {
  const router = useRouter();
  const [dialog, setDialog] = useState<"rename" | "remove" | null>(null);
  const [name, setName] = useState(device.name);
  const [error, setError] = useState<string>();
  const [nameError, setNameError] = useState<string[]>();
  const [pending, startTransition] = useTransition();
  const close = () => { setDialog(null); setError(undefined); setNameError(undefined); };

  function rename() {
    startTransition(async () => {
      const result = await renameDeviceAction({ deviceId: device.id, name });
      if (!result.ok) { setNameError(result.fieldErrors?.name); setError(result.fieldErrors?.name ? undefined : result.error); return; }
      close();
      toast(`Device renamed to ${result.data.name}.`);
      router.refresh();
    });
  }
  function remove() {
    startTransition(async () => {
      const result = await removeDeviceAction({ deviceId: device.id });
      if (!result.ok) return setError(result.error);
      close();
      toast(`Device ${result.data.label} removed.`);
      router.push(`/console/users/${device.userId}?tab=devices`);
    });
  }

  return (
    <>
      <Button variant="secondary" onClick={() => setDialog("rename")}>Rename</Button>
      <Button variant="danger" onClick={() => setDialog("remove")}>Remove</Button>
      <ConfirmDialog open={dialog === "rename"} title="Rename device" confirmLabel="Rename" pending={pending} error={error} onConfirm={rename} onCancel={close}>
        <FormField label="Device name" name="deviceName" value={name} onChange={(e) => setName(e.target.value)} errors={nameError} />
      </ConfirmDialog>
      <ConfirmDialog open={dialog === "remove"} title="Remove device?" confirmLabel="Remove device" pending={pending} error={error} onConfirm={remove} onCancel={close}>
        <p>
          {device.label} is disconnected from your company&apos;s account at once: its credential stops working and it gets no
          further policy. To protect it again, the user connects it with a new enrollment link. This cannot be undone.
        </p>
      </ConfirmDialog>
    </>
  );
}
