"use client";

import { useState, useTransition } from "react";
import { FormAlert } from "@/components/form-alert";
import { Button } from "@/components/button";
import { FormField } from "@/components/form-field";
import { Modal } from "@/components/modal";
import { PasswordStrength } from "@/components/password-strength";
import { toast } from "@/components/toast";
import { setUserPasswordsSchema } from "@/lib/auth/schema";
import type { SetPasswordsResult } from "@/lib/auth/passwords";
import { fieldErrorsOf } from "@/lib/forms";
import { plural } from "@/lib/format";
import { sendRecoveryEmailsAction, setUserPasswordsAction } from "./actions";

/** A selected user as the account dialogs need them. */
export type AccountTarget = { id: string; label: string; email: string; credentialsProblem: string | null };

/** The selected users Roster cannot give a password, with why (directory-managed, no console access). */
function Skipped({ targets }: { targets: AccountTarget[] }) {
  const skipped = targets.filter((t) => t.credentialsProblem);
  if (skipped.length === 0) return null;
  return (
    <div className="mt-3 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-amber-900">
      <p className="font-medium">{skipped.length === targets.length ? "Not available for the selection" : `${plural(skipped.length, "selected user")} will be skipped`}</p>
      <ul className="mt-1 list-disc space-y-0.5 pl-5">
        {skipped.slice(0, 5).map((t) => (
          <li key={t.id}>
            {t.label}: {t.credentialsProblem}
          </li>
        ))}
        {skipped.length > 5 ? <li>and {plural(skipped.length - 5, "other")}</li> : null}
      </ul>
    </div>
  );
}

function names(targets: AccountTarget[]): string {
  const shown = targets.slice(0, 5).map((t) => t.label);
  return shown.join(", ") + (targets.length > shown.length ? ` and ${plural(targets.length - shown.length, "other")}` : "");
}

/** "Change Password" for selected users: type one, or generate one each (shown once), with the two options. */
export function ChangePasswordDialog({ open, targets, onClose }: { open: boolean; targets: AccountTarget[]; onClose: () => void }) {
  const [mode, setMode] = useState<"type" | "generate">("generate");
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [error, setError] = useState<string>();
  const [result, setResult] = useState<SetPasswordsResult>();
  const [pending, startTransition] = useTransition();
  const eligible = targets.filter((t) => !t.credentialsProblem);

  function close() {
    setErrors({});
    setError(undefined);
    setResult(undefined);
    onClose();
  }

  function submit(form: HTMLFormElement) {
    const data = new FormData(form);
    const parsed = setUserPasswordsSchema.safeParse({
      userIds: eligible.map((t) => t.id),
      mode,
      password: mode === "type" ? String(data.get("password") ?? "") : undefined,
      mustChange: data.get("mustChange") === "on",
      notify: data.get("notify") === "on",
    });
    if (!parsed.success) {
      setErrors(fieldErrorsOf(parsed.error));
      return;
    }
    startTransition(async () => {
      const outcome = await setUserPasswordsAction(parsed.data);
      if (!outcome.ok) {
        setErrors(outcome.fieldErrors ?? {});
        setError(outcome.error);
        return;
      }
      setErrors({});
      setError(undefined);
      if (mode === "generate") setResult(outcome.data);
      else {
        toast(`Password changed for ${plural(outcome.data.changed.length, "user")}. They were signed out.`);
        close();
      }
    });
  }

  if (result) {
    return (
      <Modal open={open} title="New passwords" onClose={close} size="lg" footer={<Button onClick={close}>Done</Button>}>
        <p>
          Give each person their password in person or over a channel you trust. They are shown only now; Roster keeps only a
          hash. {plural(result.changed.length, "user")} {result.changed.length === 1 ? "was" : "were"} signed out.
        </p>
        <ul className="mt-3 divide-y divide-slate-100 rounded-md border border-slate-200">
          {result.changed.map((c) => (
            <li key={c.id} className="flex flex-wrap items-center gap-2 px-3 py-2">
              <span className="min-w-0 flex-1">
                <span className="block font-medium text-slate-900">{c.name}</span>
                <span className="block text-xs text-slate-600">{c.email}</span>
              </span>
              <code className="rounded bg-slate-100 px-2 py-1 font-mono text-sm text-slate-900" data-testid="generated-password">
                {c.password}
              </code>
              <Button
                variant="secondary"
                onClick={() => void navigator.clipboard?.writeText(c.password ?? "").then(() => toast(`Copied ${c.name}'s password.`))}
                aria-label={`Copy ${c.name}'s password`}
              >
                Copy
              </Button>
            </li>
          ))}
        </ul>
      </Modal>
    );
  }

  const single = eligible.length === 1 ? eligible[0] : null;
  return (
    <Modal
      open={open}
      title={targets.length === 1 ? `Change password of ${targets[0].label}` : `Change password of ${plural(targets.length, "user")}`}
      onClose={close}
      size="lg"
      footer={
        <>
          <Button variant="secondary" onClick={close} disabled={pending}>
            Cancel
          </Button>
          <Button type="submit" form="change-password-form" disabled={pending || eligible.length === 0}>
            {pending ? "Changing…" : "Change password"}
          </Button>
        </>
      }
    >
      {targets.length > 1 ? <p>{names(targets)}</p> : null}
      <Skipped targets={targets} />
      {eligible.length > 0 ? (
        <form
          id="change-password-form"
          noValidate
          className="mt-4 space-y-4"
          onSubmit={(e) => {
            e.preventDefault();
            submit(e.currentTarget);
          }}
        >
          <fieldset className="space-y-2">
            <legend className="sr-only">New password</legend>
            <label className="flex items-center gap-2">
              <input type="radio" name="mode" value="generate" checked={mode === "generate"} onChange={() => setMode("generate")} />
              Generate new password{eligible.length > 1 ? "s (one for each user)" : ""}
            </label>
            <label className="flex items-center gap-2">
              <input type="radio" name="mode" value="type" checked={mode === "type"} onChange={() => setMode("type")} />
              Type a new password{eligible.length > 1 ? " (the same for everyone)" : ""}
            </label>
          </fieldset>
          {mode === "type" ? (
            <div className="space-y-2">
              <FormField label="New password" name="password" type="password" autoComplete="new-password" errors={errors.password} autoFocus />
              <PasswordStrength forName="password" email={single?.email} />
            </div>
          ) : errors.password ? (
            <p className="text-sm text-red-700">{errors.password[0]}</p>
          ) : null}
          <label className="flex items-start gap-2">
            <input type="checkbox" name="mustChange" defaultChecked className="mt-1" />
            <span>Ask for a password change at the next sign-in</span>
          </label>
          <label className="flex items-start gap-2">
            <input type="checkbox" name="notify" defaultChecked className="mt-1" />
            <span>
              Notify user about changing password by email
              <span className="block text-xs text-slate-600">The email says the password changed; it never contains the password.</span>
            </span>
          </label>
          <p className="text-xs text-slate-600">Every session of {eligible.length === 1 ? "this user" : "these users"} ends at once. Their second factor, if any, is still asked at sign-in.</p>
          {errors.userIds ? <p className="text-sm text-red-700">{errors.userIds[0]}</p> : null}
        </form>
      ) : null}
      <div className="mt-3 empty:hidden">
        <FormAlert message={error} />
      </div>
    </Modal>
  );
}

/** "Send Password Recovery Email" for selected users: a new link each, valid 1 hour. */
export function RecoveryEmailDialog({ open, targets, onClose }: { open: boolean; targets: AccountTarget[]; onClose: () => void }) {
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();
  const eligible = targets.filter((t) => !t.credentialsProblem);
  function close() {
    setError(undefined);
    onClose();
  }
  return (
    <Modal
      open={open}
      title={targets.length === 1 ? `Send a password recovery email to ${targets[0].label}?` : `Send password recovery emails to ${plural(eligible.length, "user")}?`}
      onClose={close}
      footer={
        <>
          <Button variant="secondary" onClick={close} disabled={pending}>
            Cancel
          </Button>
          <Button
            disabled={pending || eligible.length === 0}
            onClick={() =>
              startTransition(async () => {
                const outcome = await sendRecoveryEmailsAction({ userIds: eligible.map((t) => t.id) });
                if (!outcome.ok) return setError(outcome.error);
                toast(`Password recovery email queued for ${plural(outcome.data.sent, "user")}.`);
                close();
              })
            }
          >
            {pending ? "Sending…" : eligible.length === 1 ? "Send email" : `Send ${plural(eligible.length, "email")}`}
          </Button>
        </>
      }
    >
      {eligible.length > 0 ? (
        <p>
          {eligible.length === 1 ? `${eligible[0].label} gets` : "Each gets"} an email with a link to choose a new password. The link works once, for 1 hour
          (24 hours for someone who has no password yet); links sent earlier stop working. The current password keeps working until the link is used.
        </p>
      ) : null}
      <Skipped targets={targets} />
      <div className="mt-3 empty:hidden">
        <FormAlert message={error} />
      </div>
    </Modal>
  );
}
