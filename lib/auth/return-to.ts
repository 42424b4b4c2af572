/** Where a sign-in goes when no page was asked for. */
export const DEFAULT_AFTER_SIGN_IN = "/console/users";

/**
 * A page to return to after signing in, when it is one of the console's own
 * (a path under /console, with its query); null for anything else, so a
 * crafted link cannot send someone to another site after they sign in.
 */
export function safeReturnTo(value: unknown): string | null {
  if (typeof value !== "string" || value.length > 1000) return null;
  if (!/^\/console(?:[/?#]|$)/.test(value) || /[\\\0\r\n]/.test(value) || value.startsWith("//")) return null;
  try {
    // Resolving against a dummy origin must keep it: no scheme or host slipped in.
    const url = new URL(value, "http://roster.invalid");
    return url.origin === "http://roster.invalid" && url.pathname.startsWith("/console") ? `${url.pathname}${url.search}` : null;
  } catch {
    return null;
  }
}

/** The sign-in page's address for someone who asked for `path`; `reason` says why they are there (their session went idle). */
export function signInFor(path: string | null | undefined, reason?: "idle"): string {
  const back = safeReturnTo(path);
  const params = new URLSearchParams();
  if (back && back !== DEFAULT_AFTER_SIGN_IN) params.set("next", back);
  if (reason) params.set("reason", reason);
  const qs = params.toString();
  return qs ? `/sign-in?${qs}` : "/sign-in";
}
