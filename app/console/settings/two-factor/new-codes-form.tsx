"use client";

import { useState } from "react";
import { Button } from "@/components/button";
import { FormAlert } from "@/components/form-alert";
import { FormField } from "@/components/form-field";
import { RecoveryCodes } from "@/components/recovery-codes";
import { useActionForm } from "@/components/use-action-form";
import { regenerateRecoveryCodesSchema } from "@/lib/auth/two-factor-schema";
import { regenerateRecoveryCodesAction } from "./actions";

/** "New recovery codes": after the password or a code, ten fresh codes replace the old ones. */
export function NewRecoveryCodesForm({ account }: { account: string }) {
  const [codes, setCodes] = useState<string[] | null>(null);
  const { onSubmit, pending, errors, message } = useActionForm(regenerateRecoveryCodesSchema, regenerateRecoveryCodesAction, {
    success: "New recovery codes made; the old ones no longer work.",
    onSuccess: (data) => setCodes(data.recoveryCodes),
  });
  if (codes) return <RecoveryCodes codes={codes} account={account} />;
  return (
    <form onSubmit={onSubmit} noValidate className="max-w-md space-y-4">
      <FormAlert message={message?.tone === "error" ? message.text : undefined} />
      <p className="text-sm text-slate-700">Used some, or lost the list? Make ten new ones; the old ones stop working. Confirm with your password or a code.</p>
      <FormField label="Current password" name="password" id="new-codes-password" type="password" autoComplete="current-password" errors={errors.password} />
      <FormField label="Or a code" name="code" id="new-codes-code" autoComplete="one-time-code" maxLength={40} errors={errors.code} />
      <Button type="submit" variant="secondary" disabled={pending}>{pending ? "Making codes…" : "Make new recovery codes"}</Button>
    </form>
  );
}
