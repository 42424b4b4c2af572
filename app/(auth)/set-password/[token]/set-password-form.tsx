"use client";

import { Button } from "@/components/button";
import { FormAlert } from "@/components/form-alert";
import { FormField } from "@/components/form-field";
import { PasswordStrength } from "@/components/password-strength";
import { useValidatedForm } from "@/components/use-validated-form";
import { setPasswordSchema } from "@/lib/auth/schema";
import { setPasswordAction } from "./actions";

/** The new password, twice; the link's token rides along hidden and is used only when this is submitted. */
export function SetPasswordForm({ token, email, label }: { token: string; email: string; label: string }) {
  const { formAction, pending, onSubmit, errors, error } = useValidatedForm(setPasswordSchema, setPasswordAction);
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="space-y-4">
      <FormAlert message={error} />
      <input type="hidden" name="token" value={token} />
      {/* For password managers: the account the new password belongs to. */}
      <input type="hidden" name="username" autoComplete="username" value={email} />
      <FormField label="New password" name="password" type="password" autoComplete="new-password" errors={errors.password} required autoFocus />
      <PasswordStrength forName="password" email={email} />
      <FormField label="Repeat the new password" name="confirm" type="password" autoComplete="new-password" errors={errors.confirm} required />
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Saving…" : label}
      </Button>
    </form>
  );
}
