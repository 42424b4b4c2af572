"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/button";
import { ConfirmDialog } from "@/components/confirm-dialog";
import { FormField } from "@/components/form-field";
import { toast } from "@/components/toast";
import { deleteProfileAction, duplicateProfileAction } from "../actions";

/** Duplicate (under a new name) and Delete (with confirmation) on a profile's page. */
export function ProfileButtons({ profile }: { profile: { id: string; name: string; groups: number; users: number } }) {
  const router = useRouter();
  const [dialog, setDialog] = useState<"duplicate" | "delete" | null>(null);
  const [name, setName] = useState(`${profile.name} (copy)`);
  const [error, setError] = useState<string>();
  const [fieldError, setFieldError] = useState<string[]>();
  const [pending, startTransition] = useTransition();
  const close = () => { setDialog(null); setError(undefined); setFieldError(undefined); };

  function duplicate() {
    startTransition(async () => {
      const result = await duplicateProfileAction({ profileId: profile.id, name });
      if (!result.ok) { setError(result.fieldErrors?.name ? undefined : result.error); setFieldError(result.fieldErrors?.name); return; }
      close();
      toast(`Profile duplicated as ${name}.`);
      router.push(`/console/profiles/${result.data.id}`);
    });
  }
  function remove() {
    startTransition(async () => {
      const result = await deleteProfileAction({ profileId: profile.id });
      if (!result.ok) return setError(result.error);
      close();
      toast(`Profile ${result.data.name} deleted.`);
      router.push("/console/profiles");
    });
  }

  return (
    <>
      <Button variant="secondary" onClick={() => setDialog("duplicate")}>Duplicate</Button>
      <Button variant="danger" onClick={() => setDialog("delete")}>Delete</Button>
      <ConfirmDialog open={dialog === "duplicate"} title="Duplicate profile" confirmLabel="Duplicate" pending={pending} error={error} onConfirm={duplicate} onCancel={close}>
        <p className="mb-3">The copy gets the same operating system and settings, and is applied to no one yet.</p>
        <FormField label="Name of the copy" name="copyName" value={name} onChange={(e) => setName(e.target.value)} errors={fieldError} />
      </ConfirmDialog>
      <ConfirmDialog open={dialog === "delete"} title="Delete profile?" confirmLabel="Delete" pending={pending} error={error} onConfirm={remove} onCancel={close}>
        <p>
          {profile.name} is applied to {profile.groups} group{profile.groups === 1 ? "" : "s"} and {profile.users} user{profile.users === 1 ? "" : "s"}.
          Their devices stop getting its settings at their next policy check. This cannot be undone.
        </p>
      </ConfirmDialog>
    </>
  );
}
