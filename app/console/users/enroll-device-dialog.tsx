"use client";

import { useState, useTransition } from "react";
import { Button } from "@/components/button";
import { FormAlert } from "@/components/form-alert";
import { Modal } from "@/components/modal";
import { PlatformInstructions } from "@/app/enroll/[token]/platform-instructions";
import type { ManualEnrollmentLink } from "@/lib/enrollment/create-link-for-user";
import type { PlatformInfo } from "@/lib/enrollment/platform";
import { enrollDeviceAction } from "./[id]/token-actions";

/**
 * Enroll Device: asks the server for a new enrollment link for one user and
 * shows it once, with Copy, its QR code and each platform's steps.
 */
export function EnrollDeviceButton({ userId, platforms, disabled = false }: { userId: string | null; platforms: PlatformInfo[]; disabled?: boolean }) {
  const [made, setMade] = useState<ManualEnrollmentLink | null>(null);
  const [error, setError] = useState<string>();
  const [copied, setCopied] = useState<string>("");
  const [platform, setPlatform] = useState(platforms[0]?.id);
  const [pending, startTransition] = useTransition();

  function create() {
    if (!userId) return;
    setError(undefined);
    startTransition(async () => {
      const result = await enrollDeviceAction({ userId });
      if (result.ok) {
        setCopied("");
        setMade(result.data);
      } else setError(result.error);
    });
  }

  async function copy() {
    if (!made) return;
    try {
      await navigator.clipboard.writeText(made.link);
      setCopied("Link copied.");
    } catch {
      setCopied("Could not copy: select the link and copy it.");
    }
  }

  const chosen = platforms.find((p) => p.id === platform) ?? platforms[0];
  return (
    <>
      <Button variant="secondary" disabled={disabled || !userId || pending} onClick={create}>
        {pending ? "Creating link…" : "Enroll Device"}
      </Button>
      {error ? <FormAlert message={error} /> : null}
      <Modal open={made !== null} size="lg" title={`Enroll a device for ${made?.userName ?? ""}`} onClose={() => setMade(null)} footer={<Button onClick={() => setMade(null)}>Done</Button>}>
        {made ? (
          <div className="space-y-4 text-sm text-slate-700">
            <p>This enrollment link is shown only now; no email was sent. Open it on the device, or paste it into Roster Agent when it asks.</p>
            <div>
              <label htmlFor="enroll-link" className="block font-medium text-slate-800">Enrollment link</label>
              <div className="mt-1 flex flex-wrap gap-2">
                <input id="enroll-link" readOnly value={made.link} onFocus={(e) => e.currentTarget.select()} className="min-w-0 flex-1 rounded-md border border-slate-300 bg-slate-50 px-3 py-2 font-mono text-xs" />
                <Button variant="secondary" onClick={copy}>Copy link</Button>
              </div>
              <p role="status" aria-live="polite" className="mt-1 text-xs text-slate-600">{copied}</p>
            </div>
            <figure className="flex items-center gap-4">
              {/* Drawn by the qrcode library on the server from the link alone. */}
              <div role="img" aria-label="QR code of the enrollment link" data-testid="enroll-device-qr" className="w-32 shrink-0 rounded-md border border-slate-200 bg-white [&>svg]:block [&>svg]:h-auto [&>svg]:w-full" dangerouslySetInnerHTML={{ __html: made.qrSvg }} />
              <figcaption>Scan it with a phone or tablet&apos;s camera to open the link there.</figcaption>
            </figure>
            {chosen ? (
              <div>
                <label htmlFor="enroll-platform" className="block font-medium text-slate-800">Device platform</label>
                <select id="enroll-platform" value={chosen.id} onChange={(e) => setPlatform(e.target.value as PlatformInfo["id"])} className="mt-1 mb-3 block rounded-md border border-slate-300 bg-white px-3 py-2 text-sm">
                  {platforms.map((p) => <option key={p.id} value={p.id}>{p.label}</option>)}
                </select>
                <PlatformInstructions platform={chosen} mobileUsed={false} />
              </div>
            ) : null}
          </div>
        ) : null}
      </Modal>
    </>
  );
}
