"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/button";
import { FormAlert } from "@/components/form-alert";
import { FormField } from "@/components/form-field";
import { Modal } from "@/components/modal";
import { toast } from "@/components/toast";
import { useActionForm } from "@/components/use-action-form";
import { createGroupSchema, renameGroupSchema } from "@/lib/groups/schema";
import { createGroupAction, renameGroupAction } from "./actions";

/** Create group: names the group, then opens its page to add users. */
export function CreateGroupButton() {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const form = useActionForm(createGroupSchema, createGroupAction, {
    success: "Group created.",
    onSuccess: (group) => {
      setOpen(false);
      toast(`Group “${group.name}” created.`);
      router.push(`/console/groups/${group.id}`);
    },
  });
  return (
    <>
      <Button onClick={() => setOpen(true)}>Create group</Button>
      <NameDialog open={open} title="Create group" submitLabel="Create group" form={form} defaultName="" onClose={() => setOpen(false)} />
    </>
  );
}

/** Rename (Groups list and the group's page). */
export function RenameGroupButton({ group }: { group: { id: string; name: string } }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const form = useActionForm(renameGroupSchema, renameGroupAction, {
    extra: { id: group.id },
    success: "Group renamed.",
    onSuccess: (renamed) => {
      setOpen(false);
      toast(`Group renamed to “${renamed.name}”.`);
      router.refresh();
    },
  });
  return (
    <>
      <Button variant="secondary" onClick={() => setOpen(true)} aria-label={`Rename group ${group.name}`}>Rename</Button>
      <NameDialog open={open} title={`Rename group “${group.name}”`} submitLabel="Rename" form={form} defaultName={group.name} onClose={() => setOpen(false)} />
    </>
  );
}

type FormState = ReturnType<typeof useActionForm>;

function NameDialog({ open, title, submitLabel, form, defaultName, onClose }: { open: boolean; title: string; submitLabel: string; form: FormState; defaultName: string; onClose: () => void }) {
  const formId = `${submitLabel.replace(/\s+/g, "-").toLowerCase()}-form`;
  return (
    <Modal
      open={open}
      title={title}
      onClose={onClose}
      footer={
        <>
          <Button variant="secondary" onClick={onClose} disabled={form.pending}>Cancel</Button>
          <Button type="submit" form={formId} disabled={form.pending}>{form.pending ? "Saving…" : submitLabel}</Button>
        </>
      }
    >
      {/* Remounted on each opening, so an earlier attempt's text and errors are gone. */}
      {open ? (
        <form id={formId} onSubmit={form.onSubmit} noValidate className="space-y-3">
          <FormField label="Group name" name="name" defaultValue={defaultName} errors={form.errors.name} maxLength={100} autoFocus hint="Names are unique in the workspace, ignoring letter case." />
          {form.message?.tone === "error" && !form.errors.name ? <FormAlert message={form.message.text} /> : null}
        </form>
      ) : null}
    </Modal>
  );
}
