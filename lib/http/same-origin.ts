import { AppError } from "@/lib/errors";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * The check Next.js makes for server actions, for console routes: a request
 * that may change something must carry an Origin whose host is the host the
 * request was sent to (X-Forwarded-Host behind a proxy, else Host), or,
 * when the browser sends no Origin or "null", Sec-Fetch-Site: same-origin.
 */
export function assertSameOrigin(request: Request): void {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return;
  const origin = request.headers.get("origin");
  const host = (request.headers.get("x-forwarded-host") ?? request.headers.get("host") ?? "").split(",")[0].trim().toLowerCase();
  let originHost: string | null = null;
  try {
    originHost = origin && origin !== "null" ? new URL(origin).host.toLowerCase() : null;
  } catch {
    originHost = null;
  }
  // A browser that withholds Origin (a form POST under a strict referrer policy sends "null")
  // still says where the request came from in Sec-Fetch-Site, which pages cannot set.
  if (!originHost && (origin === null || origin === "null") && request.headers.get("sec-fetch-site") === "same-origin") return;
  if (!originHost || !host || originHost !== host) {
    throw new AppError("FORBIDDEN", { userMessage: "This request did not come from the console's own pages." });
  }
}
