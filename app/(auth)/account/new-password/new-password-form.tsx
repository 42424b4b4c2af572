"use client";

import { Button } from "@/components/button";
import { FormAlert } from "@/components/form-alert";
import { FormField } from "@/components/form-field";
import { PasswordStrength } from "@/components/password-strength";
import { useActionForm } from "@/components/use-action-form";
import { setNewPasswordSchema } from "@/lib/auth/two-factor-schema";
import { setNewPasswordAction } from "./actions";

/** New password twice, with the policy and the strength meter; then on to the console (a full page load, so the console starts afresh). */
export function NewPasswordForm({ email }: { email: string }) {
  const { onSubmit, pending, errors, message } = useActionForm(setNewPasswordSchema, setNewPasswordAction, {
    success: "Password set.",
    onSuccess: (data) => window.location.assign(data.next),
  });
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <FormAlert message={message?.text} tone={message?.tone} />
      <FormField label="New password" name="newPassword" type="password" autoComplete="new-password" errors={errors.newPassword} autoFocus />
      <PasswordStrength forName="newPassword" email={email} />
      <FormField label="Repeat the new password" name="confirmPassword" type="password" autoComplete="new-password" errors={errors.confirmPassword} />
      <Button type="submit" className="w-full" disabled={pending}>{pending ? "Saving…" : "Set password and continue"}</Button>
    </form>
  );
}
