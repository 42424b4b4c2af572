"use client";

import { useState } from "react";
import { Button, buttonClasses } from "./button";

/** The recovery codes, shown once right after 2FA is enabled, with Copy and Download (.txt). */
export function RecoveryCodes({ codes, account }: { codes: string[]; account: string }) {
  const [copied, setCopied] = useState(false);
  const text = [`Roster recovery codes for ${account}`, "Each code signs you in once when your authenticator app is not at hand.", "", ...codes, ""].join("\n");
  return (
    <section aria-labelledby="recovery-heading" className="space-y-3">
      <h2 id="recovery-heading" className="text-base font-semibold text-ink">Save your recovery codes</h2>
      <p className="text-sm text-slate-700">
        If you lose your phone, each of these codes signs you in once instead of a code from the app. They are shown only now: copy
        or download them and keep them somewhere safe, such as a password manager.
      </p>
      <ol data-testid="recovery-codes" className="grid grid-cols-2 gap-x-6 gap-y-1 rounded-md border border-slate-200 bg-slate-50 px-4 py-3 font-mono text-sm text-slate-900">
        {codes.map((c) => (
          <li key={c}>{c}</li>
        ))}
      </ol>
      <div className="flex flex-wrap items-center gap-2">
        <Button
          variant="secondary"
          onClick={async () => {
            await navigator.clipboard.writeText(text);
            setCopied(true);
          }}
        >
          Copy
        </Button>
        <a className={buttonClasses("secondary")} href={`data:text/plain;charset=utf-8,${encodeURIComponent(text)}`} download="roster-recovery-codes.txt">
          Download (.txt)
        </a>
        <span role="status" className="text-sm text-green-700">{copied ? "Copied." : ""}</span>
      </div>
    </section>
  );
}
