"use server";

import { getConsoleContext } from "@/lib/auth/context";
import { signOut } from "@/lib/auth/next-auth";
import { getRestrictedContext } from "@/lib/auth/restricted";
import { signOutSession } from "@/lib/auth/revoke-own-sessions";

/** Ends this session (the row, audited as auth.sign_out, then the cookie) and returns to sign-in; a session in a forced step may sign out too. */
export async function signOutAction(): Promise<void> {
  const ctx = (await getConsoleContext()) ?? (await getRestrictedContext());
  if (ctx) await signOutSession(ctx);
  await signOut({ redirectTo: "/sign-in" });
}
