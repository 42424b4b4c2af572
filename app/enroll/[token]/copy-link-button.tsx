"use client";

import { useState } from "react";

/** Copies this page's link, to open it on another device (a phone, a second computer). */
export function CopyLinkButton() {
  const [copied, setCopied] = useState<"yes" | "failed" | null>(null);
  async function copy() {
    try {
      await navigator.clipboard.writeText(window.location.href);
      setCopied("yes");
    } catch {
      setCopied("failed");
    }
  }
  return (
    <p className="mt-3 flex flex-wrap items-center gap-2 text-sm text-slate-700">
      <button type="button" onClick={copy} className="rounded-md border border-slate-300 bg-white px-3 py-1.5 font-medium text-slate-800 hover:bg-slate-50">
        Copy link
      </button>
      <span role="status" aria-live="polite">
        {copied === "yes" ? "Link copied. Open it on the device you want to connect." : copied === "failed" ? "Could not copy: select the address bar and copy the link from there." : "To connect another device, open this link on it."}
      </span>
    </p>
  );
}
