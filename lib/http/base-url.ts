import { trustedProxyCount } from "@/lib/auth/client-address";

/**
 * The console's public URL, for links in emails: ROSTER_URL when set (it
 * should be, in production), else the request's own host. X-Forwarded-Host
 * and X-Forwarded-Proto are believed only behind a trusted proxy
 * (TRUSTED_PROXIES ≥ 1); without one, a client could make the console mail
 * links to a host of its choosing.
 */
export function publicBaseUrl(headers: Headers, env: Record<string, string | undefined> = process.env): string {
  const configured = env.ROSTER_URL?.trim();
  if (configured) return configured.replace(/\/+$/, "");
  const behindProxy = trustedProxyCount(env) > 0;
  const first = (value: string | null) => value?.split(",")[0].trim() || null;
  const host = (behindProxy ? first(headers.get("x-forwarded-host")) : null) ?? headers.get("host") ?? "localhost:3000";
  const local = /^(localhost|127\.|\[::1\])/.test(host);
  const proto = (behindProxy ? first(headers.get("x-forwarded-proto")) : null) ?? (local ? "http" : "https");
  return `${proto === "http" ? "http" : "https"}://${host}`;
}

/**
 * The base URL for links mailed on a request nobody signed in to make
 * (Forgot password?): ROSTER_URL, or the request's host only when it is
 * this machine (localhost). Otherwise null: a forged Host header must never
 * decide where a password-reset link points (reset poisoning), so without
 * ROSTER_URL such mail is not sent.
 */
export function unauthenticatedBaseUrl(headers: Headers, env: Record<string, string | undefined> = process.env): string | null {
  if (env.ROSTER_URL?.trim()) return publicBaseUrl(headers, env);
  const url = publicBaseUrl(headers, env);
  return /^http:\/\/(localhost|127\.\d+\.\d+\.\d+|\[::1\])(:\d+)?$/.test(url) ? url : null;
}
