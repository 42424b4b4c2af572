"use client";

import Link from "next/link";
import { useState } from "react";
import type { ActionResult } from "@/lib/errors";
import { enableTwoFactorSchema } from "@/lib/auth/two-factor-schema";
import { buttonClasses, Button } from "./button";
import { FormAlert } from "./form-alert";
import { FormField } from "./form-field";
import { RecoveryCodes } from "./recovery-codes";
import { useActionForm } from "./use-action-form";

type Props = {
  account: string;
  keyFormatted: string;
  qrSvg: string;
  enable: (input: { code: string }) => Promise<ActionResult<{ recoveryCodes: string[] }>>;
  /** Where "Continue" leads once the recovery codes are saved. */
  doneHref: string;
  doneLabel: string;
};

/** The three setup steps (app, QR code or key, first code), then the recovery codes. */
export function TwoFactorSetup({ account, keyFormatted, qrSvg, enable, doneHref, doneLabel }: Props) {
  const [codes, setCodes] = useState<string[] | null>(null);
  const { onSubmit, pending, errors, message } = useActionForm(enableTwoFactorSchema, enable, {
    success: "Two-factor authentication is on.",
    onSuccess: (data) => setCodes(data.recoveryCodes),
  });
  if (codes) {
    return (
      <div className="space-y-5">
        <FormAlert message="Two-factor authentication is on. From now on, signing in asks for a code from your app." tone="success" />
        <RecoveryCodes codes={codes} account={account} />
        <Link href={doneHref} className={buttonClasses()}>
          {doneLabel}
        </Link>
      </div>
    );
  }
  return (
    <ol className="space-y-6">
      <li>
        <h3 className="text-sm font-semibold text-ink">1. Install an authenticator app</h3>
        <p className="mt-1 text-sm text-slate-700">
          On your phone, install an app that makes time-based codes (TOTP), such as Google Authenticator, Microsoft Authenticator,
          FreeOTP or 2FAS, or use your password manager&apos;s one-time codes.
        </p>
      </li>
      <li>
        <h3 className="text-sm font-semibold text-ink">2. Scan the QR code, or type the key</h3>
        <div className="mt-2 flex flex-wrap items-start gap-4">
          {/* Drawn on the server by the qrcode library from the otpauth link alone. */}
          <div
            role="img"
            aria-label="QR code for your authenticator app"
            className="w-40 shrink-0 rounded-md border border-slate-200 bg-white [&>svg]:block [&>svg]:h-auto [&>svg]:w-full"
            dangerouslySetInnerHTML={{ __html: qrSvg }}
          />
          <div className="min-w-0 text-sm text-slate-700">
            <p>Can&apos;t scan? In the app, add an account by hand and enter this key (time-based, 6 digits):</p>
            <p data-testid="totp-key" className="mt-2 font-mono text-base tracking-wide text-slate-900 select-all">
              {keyFormatted}
            </p>
            <p className="mt-1 text-xs text-slate-500">Account: {account}</p>
          </div>
        </div>
      </li>
      <li>
        <h3 className="text-sm font-semibold text-ink">3. Enter the code the app shows</h3>
        <form onSubmit={onSubmit} noValidate className="mt-2 max-w-xs space-y-3">
          <FormAlert message={message?.tone === "error" ? message.text : undefined} />
          <FormField label="6-digit code" name="code" inputMode="numeric" autoComplete="one-time-code" maxLength={7} errors={errors.code} />
          <Button type="submit" disabled={pending}>{pending ? "Checking…" : "Turn on 2FA"}</Button>
        </form>
      </li>
    </ol>
  );
}
