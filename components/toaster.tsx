"use client";

import { useEffect, useState } from "react";
import { TOAST_EVENT, type Toast } from "./toast";

const SHOWN_FOR_MS = 6000;

/** The console's toasts: announced politely to screen readers, each gone after a few seconds or when dismissed. */
export function Toaster() {
  const [toasts, setToasts] = useState<(Toast & { id: number })[]>([]);
  useEffect(() => {
    let next = 0;
    const onToast = (e: Event) => {
      const detail = (e as CustomEvent<Toast>).detail;
      const id = ++next;
      setToasts((list) => [...list.slice(-3), { ...detail, id }]);
      window.setTimeout(() => setToasts((list) => list.filter((t) => t.id !== id)), SHOWN_FOR_MS);
    };
    window.addEventListener(TOAST_EVENT, onToast);
    return () => window.removeEventListener(TOAST_EVENT, onToast);
  }, []);
  return (
    <div role="region" aria-live="polite" aria-label="Notifications" data-testid="toasts" className="pointer-events-none fixed right-4 bottom-4 z-50 flex w-[min(24rem,calc(100vw-2rem))] flex-col gap-2">
      {toasts.map((t) => (
        <div
          key={t.id}
          className={`pointer-events-auto flex items-start justify-between gap-3 rounded-md border px-4 py-3 text-sm shadow-lg ${
            t.tone === "error" ? "border-red-200 bg-red-50 text-red-900" : "border-green-200 bg-green-50 text-green-900"
          }`}
        >
          <span>{t.text}</span>
          <button type="button" onClick={() => setToasts((list) => list.filter((x) => x.id !== t.id))} className="text-xs font-medium underline" aria-label={`Dismiss: ${t.text}`}>
            Dismiss
          </button>
        </div>
      ))}
    </div>
  );
}
