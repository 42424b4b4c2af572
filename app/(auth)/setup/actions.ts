"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { clientAddress } from "@/lib/auth/client-address";
import { signIn } from "@/lib/auth/next-auth";
import { rememberThisBrowser } from "@/lib/auth/remember-device";
import { checkPasswordForRequest } from "@/lib/auth/sign-in-request";
import { toErrorResult } from "@/lib/errors";
import { fieldErrorsOf, formValues, type FormState } from "@/lib/forms";
import { createWorkspaceSchema } from "@/lib/workspaces/schema";
import { setUpWorkspace } from "@/lib/workspaces/first-visit";

/** Creates the first workspace and signs its creator in. */
export async function setupAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData, ["password"]);
  const parsed = createWorkspaceSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { error: "Check the highlighted fields.", fieldErrors: fieldErrorsOf(parsed.error), values };

  try {
    await setUpWorkspace(parsed.data, clientAddress(await headers()));
  } catch (error) {
    return { ...toErrorResult(error), values };
  }
  // The new administrator has no 2FA yet, so the password step's challenge is all a session needs.
  const checked = await checkPasswordForRequest({ email: parsed.data.email, password: parsed.data.password });
  if (!checked.ok) return { error: "Your workspace was created; sign in to continue.", values };
  await signIn("credentials", { challenge: checked.challenge, redirect: false });
  await rememberThisBrowser(parsed.data.email);
  redirect("/console/users");
}
