"use server";

import { headers } from "next/headers";
import { clientAddress } from "@/lib/auth/client-address";
import { signIn } from "@/lib/auth/next-auth";
import { hitRateLimit, rateRules } from "@/lib/auth/rate-limit";
import { unscopedDb } from "@/lib/db/client";
import { toErrorResult } from "@/lib/errors";
import { fieldErrorsOf, formValues, type FormState } from "@/lib/forms";
import { createWorkspaceSchema } from "@/lib/workspaces/schema";
import { createWorkspace, hasWorkspace } from "@/lib/workspaces/create-workspace";

/** Creates the first workspace and signs its creator in. */
export async function setupAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData, ["password"]);
  const parsed = createWorkspaceSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { error: "Check the highlighted fields.", fieldErrors: fieldErrorsOf(parsed.error), values };

  const db = unscopedDb();
  try {
    const limited = await hitRateLimit(db, `setup:${clientAddress(await headers())}`, rateRules.setupPerAddress);
    if (limited.limited) return { error: "Too many attempts. Try again later.", values };
    if ((await hasWorkspace(db)) && process.env.ROSTER_OPEN_SIGNUP !== "true") {
      return { error: "This console already has a workspace. Sign in instead.", values };
    }
    await createWorkspace(db, parsed.data);
  } catch (error) {
    return { ...toErrorResult(error), values };
  }
  await signIn("credentials", { email: parsed.data.email, password: parsed.data.password, redirectTo: "/console/users" });
  return {};
}
