/** What the console's toaster shows: a short confirmation that something changed, or what went wrong. */
export type Toast = { text: string; tone?: "success" | "error" };

export const TOAST_EVENT = "roster:toast";

/**
 * Shows a toast in the console's toaster (components/toaster.tsx, in the
 * console layout), which outlives a client-side navigation: a toast fired
 * just before moving to another page is still read there.
 */
export function toast(text: string, tone: Toast["tone"] = "success"): void {
  window.dispatchEvent(new CustomEvent<Toast>(TOAST_EVENT, { detail: { text, tone } }));
}
