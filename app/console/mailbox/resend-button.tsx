"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/button";
import { resendEmailAction } from "./actions";

/**
 * "Resend" for a sent or failed message: queues a new message with a new
 * enrollment link (a sent message keeps no usable link to send again); says
 * what happened next to the button.
 */
export function ResendButton({ id, to, linkToCopy = false }: { id: string; to: string; linkToCopy?: boolean }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [result, setResult] = useState<{ ok: boolean; text: string; copyId?: string }>();

  function resend() {
    startTransition(async () => {
      const r = await resendEmailAction({ id });
      if (!r.ok) setResult({ ok: false, text: r.error });
      else {
        setResult({ ok: true, text: "A new message with a new link is queued.", copyId: r.data.id });
        // Whichever page lists the message (Mailbox or the user's page) shows the new state.
        router.refresh();
      }
    });
  }

  return (
    <span className="inline-flex items-center gap-2">
      <Button variant="secondary" className="px-2.5 py-1" onClick={resend} disabled={pending} aria-label={`Resend the message to ${to}`} title="Sends a new message with a new enrollment link; the earlier link keeps working">
        {pending ? "Resending…" : "Resend"}
      </Button>
      {result ? (
        <span role={result.ok ? "status" : "alert"} className={`text-xs ${result.ok ? "text-green-700" : "text-red-700"}`}>
          {result.text}
          {linkToCopy && result.copyId ? (
            <> <Link href={`/console/mailbox/${result.copyId}`} className="text-brand-700 hover:underline">Open the new message</Link></>
          ) : null}
        </span>
      ) : null}
    </span>
  );
}
