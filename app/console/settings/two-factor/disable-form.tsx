"use client";

import { useRouter } from "next/navigation";
import { Button } from "@/components/button";
import { FormAlert } from "@/components/form-alert";
import { FormField } from "@/components/form-field";
import { toast } from "@/components/toast";
import { useActionForm } from "@/components/use-action-form";
import { disableTwoFactorSchema } from "@/lib/auth/two-factor-schema";
import { disableTwoFactorAction } from "./actions";

/** Turns 2FA off after the password or a code. */
export function DisableTwoFactorForm() {
  const router = useRouter();
  const { onSubmit, pending, errors, message } = useActionForm(disableTwoFactorSchema, disableTwoFactorAction, {
    success: "Two-factor authentication is off.",
    onSuccess: () => {
      toast("Two-factor authentication is off.");
      router.refresh();
    },
  });
  return (
    <form onSubmit={onSubmit} noValidate className="max-w-md space-y-4">
      <FormAlert message={message?.tone === "error" ? message.text : undefined} />
      <p className="text-sm text-slate-700">To turn 2FA off, confirm it is you with your password, or with a code from your app (or a recovery code).</p>
      <FormField label="Current password" name="password" type="password" autoComplete="current-password" errors={errors.password} />
      <FormField label="Or a code" name="code" autoComplete="one-time-code" maxLength={40} errors={errors.code} />
      <Button type="submit" variant="danger" disabled={pending}>{pending ? "Turning off…" : "Turn off 2FA"}</Button>
    </form>
  );
}
