"use client";

import { useRef, useState, useTransition, type FormEvent } from "react";
import { Button } from "@/components/button";
import { FormAlert } from "@/components/form-alert";
import { FormField } from "@/components/form-field";
import { changePasswordSchema } from "@/lib/auth/schema";
import { fieldErrorsOf } from "@/lib/forms";
import { changePasswordAction } from "./actions";

/** Changes the signed-in administrator's password; other sessions end. */
export function PasswordForm() {
  const form = useRef<HTMLFormElement>(null);
  const [pending, startTransition] = useTransition();
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [message, setMessage] = useState<{ tone: "error" | "success"; text: string }>();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = changePasswordSchema.safeParse(Object.fromEntries(new FormData(event.currentTarget)));
    if (!parsed.success) return setErrors(fieldErrorsOf(parsed.error));
    startTransition(async () => {
      const result = await changePasswordAction(parsed.data);
      setErrors(result.ok ? {} : (result.fieldErrors ?? {}));
      setMessage(result.ok ? { tone: "success", text: "Password changed. Your other sessions have been signed out." } : { tone: "error", text: result.error });
      if (result.ok) form.current?.reset();
    });
  }

  return (
    <form ref={form} onSubmit={onSubmit} noValidate className="max-w-md space-y-4">
      <FormAlert message={message?.text} tone={message?.tone} />
      <FormField label="Current password" name="currentPassword" type="password" autoComplete="current-password" errors={errors.currentPassword} />
      <FormField label="New password" name="newPassword" type="password" autoComplete="new-password" errors={errors.newPassword} hint="At least 12 characters." />
      <FormField label="Repeat the new password" name="confirmPassword" type="password" autoComplete="new-password" errors={errors.confirmPassword} />
      <Button type="submit" disabled={pending}>{pending ? "Changing…" : "Change password"}</Button>
    </form>
  );
}
