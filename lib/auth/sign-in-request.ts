import "server-only";
import { cookies, headers } from "next/headers";
import { unscopedDb } from "@/lib/db/client";
import { clientAddress } from "./client-address";
import { DEVICE_COOKIE } from "./device-cookie";
import { challengeEmail, checkPassword, type PasswordOutcome } from "./sign-in";

/** The password step of sign-in for this request's browser (its address and device cookie). */
export async function checkPasswordForRequest(input: { email: string; password: string }): Promise<PasswordOutcome> {
  const h = await headers();
  return checkPassword(unscopedDb(), {
    ...input,
    address: clientAddress(h),
    userAgent: h.get("user-agent") ?? "",
    deviceCookie: (await cookies()).get(DEVICE_COOKIE)?.value,
  });
}

/** The email of a live sign-in challenge's user, or null when it is unknown, used or expired. */
export function emailOfChallenge(challenge: string): Promise<string | null> {
  return challengeEmail(unscopedDb(), challenge);
}
