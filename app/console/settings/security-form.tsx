"use client";

import { useRouter } from "next/navigation";
import { Button } from "@/components/button";
import { FormAlert } from "@/components/form-alert";
import { useActionForm } from "@/components/use-action-form";
import { securitySettingsSchema } from "@/lib/auth/two-factor-schema";
import { updateSecuritySettingsAction } from "./actions";

/** Settings → Security: Require 2FA for administrators. */
export function SecurityForm({ requireAdminTwoFactor, canEdit }: { requireAdminTwoFactor: boolean; canEdit: boolean }) {
  const router = useRouter();
  const { onSubmit, pending, message } = useActionForm(securitySettingsSchema, updateSecuritySettingsAction, {
    success: "Saved.",
    onSuccess: () => router.refresh(),
  });
  return (
    <form onSubmit={onSubmit} noValidate className="max-w-xl space-y-4">
      <FormAlert message={message?.text} tone={message?.tone} />
      <div className="flex items-start gap-3">
        <input
          id="field-requireAdminTwoFactor"
          type="checkbox"
          name="requireAdminTwoFactor"
          defaultChecked={requireAdminTwoFactor}
          disabled={!canEdit}
          aria-describedby="requireAdminTwoFactor-hint"
          className="mt-0.5 h-4 w-4 rounded border-slate-300"
        />
        <div>
          <label htmlFor="field-requireAdminTwoFactor" className="text-sm font-medium text-slate-800">
            Require 2FA for administrators
          </label>
          <p id="requireAdminTwoFactor-hint" className="text-xs text-slate-500">
            An administrator without two-factor authentication is taken to its setup right after signing in, and can do nothing else
            until it is on. Administrators who have it cannot turn it off.
          </p>
        </div>
      </div>
      {canEdit ? <Button type="submit" disabled={pending}>{pending ? "Saving…" : "Save security settings"}</Button> : null}
    </form>
  );
}
