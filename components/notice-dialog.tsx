"use client";

import { useEffect, useId, useRef, type ReactNode } from "react";
import { Button } from "./button";

type Props = { open: boolean; title: string; children: ReactNode; onClose: () => void; okLabel?: string };

/**
 * A modal message closed with OK, on the native <dialog> (role=dialog, focus
 * kept inside, Escape closes). Focus starts on OK, so Enter or Space closes it too.
 */
export function NoticeDialog({ open, title, children, onClose, okLabel = "OK" }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const ok = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      dialog.showModal();
      ok.current?.focus();
    }
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      className="m-auto w-full max-w-md rounded-xl p-0 shadow-xl backdrop:bg-slate-900/40"
    >
      <div className="p-6">
        <h2 id={titleId} className="text-lg font-semibold text-ink">{title}</h2>
        <div className="mt-3 text-sm text-slate-700">{children}</div>
        <div className="mt-6 flex justify-end">
          <Button ref={ok} onClick={onClose}>{okLabel}</Button>
        </div>
      </div>
    </dialog>
  );
}
