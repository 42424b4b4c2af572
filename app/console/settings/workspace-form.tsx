"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import { Button } from "@/components/button";
import { FormAlert } from "@/components/form-alert";
import { FormField } from "@/components/form-field";
import { fieldErrorsOf } from "@/lib/forms";
import { renameWorkspaceSchema } from "@/lib/workspaces/schema";
import { renameWorkspaceAction } from "./actions";

/** Edits the company name. */
export function WorkspaceForm({ name, canEdit }: { name: string; canEdit: boolean }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [message, setMessage] = useState<{ tone: "error" | "success"; text: string }>();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = renameWorkspaceSchema.safeParse(Object.fromEntries(new FormData(event.currentTarget)));
    if (!parsed.success) return setErrors(fieldErrorsOf(parsed.error));
    startTransition(async () => {
      const result = await renameWorkspaceAction(parsed.data);
      setErrors(result.ok ? {} : (result.fieldErrors ?? {}));
      setMessage(result.ok ? { tone: "success", text: "Saved." } : { tone: "error", text: result.error });
      if (result.ok) router.refresh();
    });
  }

  return (
    <form onSubmit={onSubmit} noValidate className="max-w-md space-y-4">
      <FormAlert message={message?.text} tone={message?.tone} />
      <FormField label="Company name" name="companyName" defaultValue={name} errors={errors.companyName} disabled={!canEdit} />
      {canEdit ? <Button type="submit" disabled={pending}>{pending ? "Saving…" : "Save"}</Button> : null}
    </form>
  );
}
