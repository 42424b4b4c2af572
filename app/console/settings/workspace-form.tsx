"use client";

import { useRouter } from "next/navigation";
import { Button } from "@/components/button";
import { FormAlert } from "@/components/form-alert";
import { FormField } from "@/components/form-field";
import { useActionForm } from "@/components/use-action-form";
import { renameWorkspaceSchema } from "@/lib/workspaces/schema";
import { renameWorkspaceAction } from "./actions";

/** Edits the company name. */
export function WorkspaceForm({ name, canEdit }: { name: string; canEdit: boolean }) {
  const router = useRouter();
  const { onSubmit, pending, errors, message } = useActionForm(renameWorkspaceSchema, renameWorkspaceAction, {
    success: "Saved.",
    onSuccess: () => router.refresh(),
  });
  return (
    <form onSubmit={onSubmit} noValidate className="max-w-md space-y-4">
      <FormAlert message={message?.text} tone={message?.tone} />
      <FormField label="Company name" name="companyName" defaultValue={name} errors={errors.companyName} disabled={!canEdit} />
      {canEdit ? <Button type="submit" disabled={pending}>{pending ? "Saving…" : "Save"}</Button> : null}
    </form>
  );
}
