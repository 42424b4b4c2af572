import "server-only";
import { cookies, headers } from "next/headers";
import { DEVICE_COOKIE, deviceCookieAfterSignIn, deviceCookieOptions } from "./device-cookie";

/**
 * After a successful sign-in in a server action: gives this browser a device
 * cookie for the email (or keeps the one it has), so its later failed
 * attempts count against it alone (lib/auth/sign-in.ts).
 */
export async function rememberThisBrowser(email: string): Promise<void> {
  const jar = await cookies();
  const h = await headers();
  // X-Forwarded-Proto reaches here only from a trusted proxy (scripts/serve.ts drops it otherwise).
  const secure = h.get("x-forwarded-proto") === "https" || [process.env.AUTH_URL, process.env.ROSTER_URL].some((url) => (url ?? "").startsWith("https:"));
  jar.set(DEVICE_COOKIE, deviceCookieAfterSignIn(email, jar.get(DEVICE_COOKIE)?.value), deviceCookieOptions(secure));
}
