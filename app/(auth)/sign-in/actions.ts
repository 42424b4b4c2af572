"use server";

import { AuthError } from "next-auth";
import { redirect } from "next/navigation";
import { signInSchema } from "@/lib/auth/schema";
import { signIn } from "@/lib/auth/next-auth";
import { rememberThisBrowser } from "@/lib/auth/remember-device";
import { DEFAULT_AFTER_SIGN_IN, safeReturnTo } from "@/lib/auth/return-to";
import { fieldErrorsOf, formValues, type FormState } from "@/lib/forms";

/** Signs an administrator in; every refusal reads the same, whatever the reason. */
export async function signInAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData, ["password"]);
  const parsed = signInSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { error: "Check the highlighted fields.", fieldErrors: fieldErrorsOf(parsed.error), values };
  try {
    await signIn("credentials", { ...parsed.data, redirect: false });
  } catch (error) {
    if (error instanceof AuthError) {
      const code = (error as AuthError & { code?: string }).code;
      if (code === "rate_limited") return { error: "Too many failed attempts. Wait 15 minutes, then try again.", values };
      return { error: "Wrong email or password.", values };
    }
    throw error;
  }
  // Signed in: this browser's later failures count against it, not against the account (README, sign-in).
  await rememberThisBrowser(parsed.data.email);
  // The page that was asked for, when it is one of the console's own.
  redirect(safeReturnTo(formData.get("next")) ?? DEFAULT_AFTER_SIGN_IN);
}
