"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { clientAddress } from "@/lib/auth/client-address";
import { signIn } from "@/lib/auth/next-auth";
import { rememberThisBrowser } from "@/lib/auth/remember-device";
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
  await signIn("credentials", { email: parsed.data.email, password: parsed.data.password, redirect: false });
  await rememberThisBrowser(parsed.data.email);
  redirect("/console/users");
}
