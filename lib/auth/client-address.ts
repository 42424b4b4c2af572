/**
 * The client address of a request, for rate limits. Next.js appends the
 * socket's address to X-Forwarded-For; with TRUSTED_PROXIES=n, that many
 * proxies in front of the console are trusted to have appended theirs too.
 */
export function clientAddress(headers: Headers): string {
  const hops = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((h) => h.trim())
    .filter(Boolean);
  const trusted = Number(process.env.TRUSTED_PROXIES ?? 0);
  return hops[Math.max(0, hops.length - 1 - trusted)] ?? "unknown";
}
