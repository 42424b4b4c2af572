/**
 * The console's public URL, for links in emails: ROSTER_URL when set (it
 * should be, behind a proxy), else the request's own host and protocol.
 */
export function publicBaseUrl(headers: Headers): string {
  const configured = process.env.ROSTER_URL?.trim();
  if (configured) return configured.replace(/\/+$/, "");
  const host = headers.get("x-forwarded-host") ?? headers.get("host") ?? "localhost:3000";
  const proto = headers.get("x-forwarded-proto") ?? (host.startsWith("localhost") || host.startsWith("127.") ? "http" : "https");
  return `${proto.split(",")[0].trim()}://${host.split(",")[0].trim()}`;
}
