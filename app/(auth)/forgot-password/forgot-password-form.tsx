"use client";

import { Button } from "@/components/button";
import { FormAlert } from "@/components/form-alert";
import { FormField } from "@/components/form-field";
import { useValidatedForm } from "@/components/use-validated-form";
import { forgotPasswordSchema } from "@/lib/auth/schema";
import { forgotPasswordAction } from "./actions";

export function ForgotPasswordForm() {
  const { state, formAction, pending, onSubmit, errors, error } = useValidatedForm(forgotPasswordSchema, forgotPasswordAction);
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="space-y-4">
      <FormAlert message={error} />
      <FormField label="Email" name="email" type="email" autoComplete="username" defaultValue={state.values?.email} errors={errors.email} required autoFocus />
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Sending…" : "Send recovery link"}
      </Button>
    </form>
  );
}
