"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/button";
import { sendNowAction } from "./actions";

/** "Send now" for a message waiting to retry; says what happened next to the button. */
export function SendNowButton({ id, to }: { id: string; to: string }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [result, setResult] = useState<{ ok: boolean; text: string }>();
  function send() {
    startTransition(async () => {
      const r = await sendNowAction({ id });
      setResult(r.ok ? { ok: true, text: "Sending now." } : { ok: false, text: r.error });
      if (r.ok) router.refresh();
    });
  }
  return (
    <span className="inline-flex items-center gap-2">
      <Button variant="secondary" className="px-2.5 py-1" onClick={send} disabled={pending} aria-label={`Send the message to ${to} now`}>
        {pending ? "Sending…" : "Send now"}
      </Button>
      {result ? (
        <span role={result.ok ? "status" : "alert"} className={`text-xs ${result.ok ? "text-green-700" : "text-red-700"}`}>
          {result.text}
        </span>
      ) : null}
    </span>
  );
}
