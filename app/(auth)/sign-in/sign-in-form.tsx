"use client";

import { Button } from "@/components/button";
import { FormAlert } from "@/components/form-alert";
import { FormField } from "@/components/form-field";
import { useValidatedForm } from "@/components/use-validated-form";
import { signInSchema } from "@/lib/auth/schema";
import { signInAction } from "./actions";

/** The sign-in form; `next` is the console page to return to (checked again by the action). */
export function SignInForm({ next }: { next: string | null }) {
  const { state, formAction, pending, onSubmit, errors, error } = useValidatedForm(signInSchema, signInAction);
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="space-y-4">
      <FormAlert message={error} />
      {next ? <input type="hidden" name="next" value={next} /> : null}
      <FormField label="Email" name="email" type="email" autoComplete="username" defaultValue={state.values?.email} errors={errors.email} required autoFocus />
      <FormField label="Password" name="password" type="password" autoComplete="current-password" errors={errors.password} required />
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </Button>
    </form>
  );
}
