"use client";

import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import { ConsoleNav } from "./console-nav";

/**
 * The navigation on narrow screens (below the md breakpoint, where the
 * sidebar is hidden): a Menu button opening a drawer over the page, closed by
 * choosing a section, Esc, the Close button or a tap beside it.
 */
export function MobileNav() {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const close = () => {
    setOpen(false);
    button.current?.focus();
  };
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape") {
        setOpen(false);
        button.current?.focus();
      }
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [open]);
  return (
    <div className="md:hidden">
      <button
        ref={button}
        type="button"
        onClick={() => setOpen(true)}
        aria-expanded={open}
        aria-controls="mobile-navigation"
        className="flex items-center gap-2 rounded-md px-2 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-100"
      >
        <svg aria-hidden="true" viewBox="0 0 24 24" className="h-5 w-5" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round">
          <path d="M4 6h16M4 12h16M4 18h16" />
        </svg>
        Menu
      </button>
      {open ? (
        <div className="fixed inset-0 z-40 flex">
          <div id="mobile-navigation" role="dialog" aria-modal="true" aria-label="Navigation" className="flex h-full w-64 max-w-[80vw] flex-col bg-ink shadow-xl">
            <div className="flex items-center justify-between px-4 py-4">
              <Link href="/console/users" onClick={close} className="text-lg font-semibold tracking-tight text-white">
                Roster
              </Link>
              <button type="button" onClick={close} className="rounded-md px-2 py-1 text-sm text-slate-200 hover:bg-white/10">
                Close
              </button>
            </div>
            <ConsoleNav onNavigate={() => setOpen(false)} />
          </div>
          <button type="button" aria-label="Close the navigation" onClick={close} className="flex-1 bg-black/40" />
        </div>
      ) : null}
    </div>
  );
}
