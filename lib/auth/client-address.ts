/**
 * The client address of a request, for rate limits and audit.
 *
 * The console's HTTP server (scripts/serve.ts) works it out from the socket
 * and puts it in `x-roster-client-address`, replacing whatever a client sent
 * under that name. X-Forwarded-For is only believed for the TRUSTED_PROXIES
 * proxies in front of the console: with the default 0, the socket's address
 * is the client's, and a made-up X-Forwarded-For changes nothing.
 */
export const CLIENT_ADDRESS_HEADER = "x-roster-client-address";

/** How many reverse proxies in front of the console append to X-Forwarded-For (TRUSTED_PROXIES, default 0). */
export function trustedProxyCount(env: Record<string, string | undefined> = process.env): number {
  const n = Number(env.TRUSTED_PROXIES ?? 0);
  return Number.isInteger(n) && n > 0 ? Math.min(n, 10) : 0;
}

/**
 * The client of a connection: the socket's peer, or, behind `trusted`
 * proxies, the address the outermost trusted proxy saw (each proxy appends
 * the address it received the request from to X-Forwarded-For).
 */
export function resolveClientAddress(socketAddress: string | undefined, forwardedFor: string | string[] | undefined, trusted: number): string {
  const peer = normalise(socketAddress ?? "") || "unknown";
  if (trusted <= 0) return peer;
  const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? ""))
    .split(",")
    .map((h) => normalise(h.trim()))
    .filter(Boolean);
  // The socket is the nearest proxy; the (trusted)-th hop from the right is what the outermost trusted proxy saw.
  return hops[hops.length - trusted] ?? hops[0] ?? peer;
}

let warned = false;

/**
 * The client address the server recorded for this request. Without it (the
 * console started some other way than `npm start`), every client shares the
 * "unknown" bucket of each per-address limit; that is said once in the log.
 */
export function clientAddress(headers: Headers): string {
  const recorded = headers.get(CLIENT_ADDRESS_HEADER);
  if (recorded) return recorded;
  if (!warned && process.env.NODE_ENV === "production") {
    warned = true;
    console.warn("roster: requests carry no client address (start the console with npm start, scripts/serve.ts); per-address rate limits now count all clients together");
  }
  return "unknown";
}

// IPv4 clients of a dual-stack socket appear as ::ffff:1.2.3.4.
function normalise(address: string): string {
  return address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, "").slice(0, 64);
}
