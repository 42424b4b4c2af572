"use client";

import { useState } from "react";
import { Button } from "@/components/button";
import { FormAlert } from "@/components/form-alert";
import { FormField } from "@/components/form-field";
import { useValidatedForm } from "@/components/use-validated-form";
import { signInSchema } from "@/lib/auth/schema";
import { signInCodeSchema } from "@/lib/auth/two-factor-schema";
import { signInAction, signInCodeAction, type SignInState } from "./actions";

/** The sign-in form; `next` is the console page to return to (checked again by the action). After a right password, a 2FA user is asked for a code. */
export function SignInForm({ next }: { next: string | null }) {
  const password = useValidatedForm(signInSchema, signInAction);
  const passwordState = password.state as SignInState;
  // Each password answer that carries a challenge opens the code step; "Back" returns to the password.
  const [dismissed, setDismissed] = useState<SignInState | null>(null);
  if (passwordState.challenge && dismissed !== passwordState) {
    return <CodeStep challenge={passwordState.challenge} next={next} onBack={() => setDismissed(passwordState)} />;
  }
  return (
    <form action={password.formAction} onSubmit={password.onSubmit} noValidate className="space-y-4">
      <FormAlert message={password.error} />
      {next ? <input type="hidden" name="next" value={next} /> : null}
      <FormField label="Email" name="email" type="email" autoComplete="username" defaultValue={passwordState.values?.email} errors={password.errors.email} required autoFocus />
      <FormField label="Password" name="password" type="password" autoComplete="current-password" errors={password.errors.password} required />
      <Button type="submit" className="w-full" disabled={password.pending}>
        {password.pending ? "Signing in…" : "Sign in"}
      </Button>
    </form>
  );
}

/** The second step: the code from the authenticator app, or one of the recovery codes. */
function CodeStep({ challenge, next, onBack }: { challenge: string; next: string | null; onBack: () => void }) {
  const code = useValidatedForm(signInCodeSchema, signInCodeAction);
  const state = code.state as SignInState;
  // An answer without a challenge means this sign-in is over (expired or refused): back to the password.
  const current = state === undefined || Object.keys(state).length === 0 ? challenge : state.challenge;
  if (!current) {
    return (
      <div className="space-y-4">
        <FormAlert message={state.error} />
        <Button className="w-full" onClick={onBack}>Enter email and password</Button>
      </div>
    );
  }
  return (
    <form action={code.formAction} onSubmit={code.onSubmit} noValidate className="space-y-4" aria-labelledby="code-step-heading">
      <h2 id="code-step-heading" className="text-base font-semibold text-ink">Two-factor authentication</h2>
      <p className="text-sm text-slate-600">Open your authenticator app and enter the 6-digit code it shows for Roster. Lost your phone? Enter one of your recovery codes instead.</p>
      <FormAlert message={code.error} />
      <input type="hidden" name="challenge" value={current} />
      {next ? <input type="hidden" name="next" value={next} /> : null}
      <FormField label="Code" name="code" inputMode="text" autoComplete="one-time-code" autoCapitalize="off" spellCheck={false} maxLength={40} errors={code.errors.code} required autoFocus hint="6 digits, or a recovery code such as abcde-fghjk" />
      <Button type="submit" className="w-full" disabled={code.pending}>
        {code.pending ? "Checking…" : "Verify"}
      </Button>
      <button type="button" onClick={onBack} className="w-full text-center text-sm text-brand-700 hover:underline">
        Use another account
      </button>
    </form>
  );
}
