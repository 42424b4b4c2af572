"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { ConfirmDialog } from "./confirm-dialog";

/** The in-console link a click would follow, or null when the click is not a plain same-tab navigation to another page. */
function linkTarget(event: MouseEvent): string | null {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return null;
  const anchor = (event.target as Element | null)?.closest?.("a[href]");
  if (!(anchor instanceof HTMLAnchorElement) || (anchor.target && anchor.target !== "_self") || anchor.hasAttribute("download")) return null;
  const url = new URL(anchor.href, window.location.href);
  if (url.origin !== window.location.origin) return null;
  // Only a move to another page (or another tab of this one) drops the form; a jump within the page does not.
  if (url.pathname === window.location.pathname && url.search === window.location.search) return null;
  return `${url.pathname}${url.search}${url.hash}`;
}

/**
 * While `dirty`, leaving the page does not silently drop the edits: a click on
 * a link inside the console (another tab of the page, the navigation, a
 * breadcrumb) asks "Discard unsaved changes?" first, and closing or reloading
 * the tab gets the browser's own warning.
 */
export function UnsavedChangesGuard({ dirty, onDiscard }: { dirty: boolean; onDiscard?: () => void }) {
  const router = useRouter();
  const [pendingHref, setPendingHref] = useState<string | null>(null);

  useEffect(() => {
    if (!dirty) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older browsers show the warning only when returnValue is set.
      event.returnValue = "";
    };
    // Capture on window runs before Next.js's link handler (React listens on the document), so the navigation can wait for the answer.
    const onClick = (event: MouseEvent) => {
      const href = linkTarget(event);
      if (!href) return;
      event.preventDefault();
      event.stopPropagation();
      setPendingHref(href);
    };
    window.addEventListener("beforeunload", onBeforeUnload);
    window.addEventListener("click", onClick, true);
    return () => {
      window.removeEventListener("beforeunload", onBeforeUnload);
      window.removeEventListener("click", onClick, true);
    };
  }, [dirty]);

  return (
    <ConfirmDialog
      open={pendingHref !== null}
      title="Discard unsaved changes?"
      confirmLabel="Discard changes"
      onCancel={() => setPendingHref(null)}
      onConfirm={() => {
        const href = pendingHref;
        setPendingHref(null);
        onDiscard?.();
        if (href) router.push(href);
      }}
    >
      <p>Your edits on this page have not been saved. Leave the page and lose them, or stay to save them.</p>
    </ConfirmDialog>
  );
}
