"use client";

import { Button } from "@/components/button";
import { FormAlert } from "@/components/form-alert";
import { FormField } from "@/components/form-field";
import { PasswordStrength } from "@/components/password-strength";
import { useValidatedForm } from "@/components/use-validated-form";
import { createWorkspaceSchema } from "@/lib/workspaces/schema";
import { setupAction } from "./actions";

export function SetupForm() {
  const { state, formAction, pending, onSubmit, errors, error } = useValidatedForm(createWorkspaceSchema, setupAction);
  const v = state.values ?? {};
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="space-y-4">
      <FormAlert message={error} />
      <FormField label="Company name" name="companyName" autoComplete="organization" defaultValue={v.companyName} errors={errors.companyName} required />
      <FormField label="Your name" name="displayName" autoComplete="name" defaultValue={v.displayName} errors={errors.displayName} required />
      <FormField label="Email" name="email" type="email" autoComplete="email" defaultValue={v.email} errors={errors.email} required hint="You will sign in with this address." />
      <FormField label="Password" name="password" type="password" autoComplete="new-password" errors={errors.password} required />
      <PasswordStrength forName="password" emailName="email" />
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Creating…" : "Create workspace"}
      </Button>
    </form>
  );
}
