"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { clientAddress } from "@/lib/auth/client-address";
import { signIn } from "@/lib/auth/next-auth";
import { hitRateLimit, rateRules } from "@/lib/auth/rate-limit";
import { rememberThisBrowser } from "@/lib/auth/remember-device";
import { unscopedDb } from "@/lib/db/client";
import { toErrorResult } from "@/lib/errors";
import { fieldErrorsOf, formValues, type FormState } from "@/lib/forms";
import { createWorkspaceSchema } from "@/lib/workspaces/schema";
import { ALREADY_SET_UP_MESSAGE, createWorkspace, hasWorkspace } from "@/lib/workspaces/create-workspace";

/** Creates the first workspace and signs its creator in. */
export async function setupAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData, ["password"]);
  const parsed = createWorkspaceSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { error: "Check the highlighted fields.", fieldErrors: fieldErrorsOf(parsed.error), values };

  const db = unscopedDb();
  try {
    const limited = await hitRateLimit(db, `setup:${clientAddress(await headers())}`, rateRules.setupPerAddress);
    if (limited.limited) return { error: "Too many attempts. Try again later.", values };
    // A quick answer for the usual case; createWorkspace itself holds the rule under concurrent setups.
    if ((await hasWorkspace(db)) && process.env.ROSTER_OPEN_SIGNUP !== "true") return { error: ALREADY_SET_UP_MESSAGE, values };
    await createWorkspace(db, parsed.data);
  } catch (error) {
    return { ...toErrorResult(error), values };
  }
  await signIn("credentials", { email: parsed.data.email, password: parsed.data.password, redirect: false });
  await rememberThisBrowser(parsed.data.email);
  redirect("/console/users");
}
