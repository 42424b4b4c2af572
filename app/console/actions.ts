"use server";

import { getConsoleContext } from "@/lib/auth/context";
import { signOut } from "@/lib/auth/next-auth";
import { getRestrictedContext } from "@/lib/auth/restricted";
import { endSession } from "@/lib/auth/sessions";

/** Ends this session (the row, then the cookie) and returns to sign-in; a session in a forced step may sign out too. */
export async function signOutAction(): Promise<void> {
  const ctx = (await getConsoleContext()) ?? (await getRestrictedContext());
  if (ctx) await endSession(ctx.db, ctx.sid);
  await signOut({ redirectTo: "/sign-in" });
}
