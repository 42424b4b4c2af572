"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/button";
import { toast } from "@/components/toast";
import { sendInstructionsAction } from "../actions";

/** "Send instructions" on a user's page: queues a new message with a new enrollment link. */
export function SendInstructionsButton({ userId }: { userId: string }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [result, setResult] = useState<{ ok: boolean; text: string }>();

  function send() {
    startTransition(async () => {
      const r = await sendInstructionsAction({ userIds: [userId] });
      setResult(r.ok ? { ok: true, text: "Instructions queued." } : { ok: false, text: r.error });
      if (r.ok) {
        toast("Instructions queued: a new email with a new enrollment link.");
        router.refresh();
      }
    });
  }

  return (
    <span className="inline-flex items-center gap-2">
      {result ? (
        <span role={result.ok ? "status" : "alert"} className={`text-sm ${result.ok ? "text-green-700" : "text-red-700"}`}>{result.text}</span>
      ) : null}
      <Button variant="secondary" onClick={send} disabled={pending}>{pending ? "Sending…" : "Send instructions"}</Button>
    </span>
  );
}
