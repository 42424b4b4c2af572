"use client";

import { useEffect, useId, useRef, type ReactNode, type RefObject } from "react";

type Props = {
  open: boolean;
  title: string;
  children: ReactNode;
  /** The buttons, right-aligned under the content. */
  footer: ReactNode;
  /** Escape, or the browser's own close. */
  onClose: () => void;
  /** Focused when the dialog opens (else the browser picks the first focusable element, or an autoFocus one). */
  initialFocus?: RefObject<HTMLElement | null>;
  size?: "md" | "lg";
};

/** The modal every console dialog is built on: the native <dialog>, which traps focus and closes on Escape. */
export function Modal({ open, title, children, footer, onClose, initialFocus, size = "md" }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  // Unique per dialog: a page may hold several, each named by its own title.
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      dialog.showModal();
      initialFocus?.current?.focus();
    }
    if (!open && dialog.open) dialog.close();
  }, [open, initialFocus]);
  return (
    <dialog
      ref={ref}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      aria-labelledby={titleId}
      className={`m-auto w-full ${size === "lg" ? "max-w-lg" : "max-w-md"} rounded-xl p-0 shadow-xl backdrop:bg-slate-900/40`}
    >
      <div className="p-6">
        <h2 id={titleId} className="text-lg font-semibold text-ink">
          {title}
        </h2>
        <div className="mt-3 text-sm text-slate-700">{children}</div>
        <div className="mt-6 flex justify-end gap-2">{footer}</div>
      </div>
    </dialog>
  );
}
