"use client";

import { Button } from "@/components/button";
import { FormAlert } from "@/components/form-alert";
import { FormField } from "@/components/form-field";
import { PasswordStrength } from "@/components/password-strength";
import { useActionForm } from "@/components/use-action-form";
import { changePasswordSchema } from "@/lib/auth/schema";
import { changePasswordAction } from "./actions";

/** Changes the signed-in administrator's password; other sessions end. */
export function PasswordForm({ email }: { email: string }) {
  const { onSubmit, pending, errors, message } = useActionForm(changePasswordSchema, changePasswordAction, {
    success: "Password changed. Your other sessions have been signed out.",
    onSuccess: (_, form) => form.reset(),
  });
  return (
    <form onSubmit={onSubmit} noValidate className="max-w-md space-y-4">
      <FormAlert message={message?.text} tone={message?.tone} />
      <FormField label="Current password" name="currentPassword" type="password" autoComplete="current-password" errors={errors.currentPassword} />
      <FormField label="New password" name="newPassword" type="password" autoComplete="new-password" errors={errors.newPassword} />
      <PasswordStrength forName="newPassword" email={email} />
      <FormField label="Repeat the new password" name="confirmPassword" type="password" autoComplete="new-password" errors={errors.confirmPassword} />
      <Button type="submit" disabled={pending}>{pending ? "Changing…" : "Change password"}</Button>
    </form>
  );
}
