"use server";

import { AuthError } from "next-auth";
import { redirect } from "next/navigation";
import { signInCodeSchema } from "@/lib/auth/two-factor-schema";
import { signInSchema } from "@/lib/auth/schema";
import { signIn } from "@/lib/auth/next-auth";
import { rememberThisBrowser } from "@/lib/auth/remember-device";
import { DEFAULT_AFTER_SIGN_IN, safeReturnTo } from "@/lib/auth/return-to";
import { checkPasswordForRequest, emailOfChallenge } from "@/lib/auth/sign-in-request";
import { fieldErrorsOf, formValues, type FormState } from "@/lib/forms";

/** The sign-in form's state: with `challenge`, the password was right and the form asks for the 2FA code. */
export type SignInState = FormState & { challenge?: string };

const RATE_LIMITED = "Too many failed attempts. Wait 15 minutes, then try again.";

/** The password step. Every refusal reads the same, whatever the reason; a 2FA user is asked for a code next. */
export async function signInAction(_prev: SignInState, formData: FormData): Promise<SignInState> {
  const values = formValues(formData, ["password"]);
  const parsed = signInSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { error: "Check the highlighted fields.", fieldErrors: fieldErrorsOf(parsed.error), values };
  const outcome = await checkPasswordForRequest(parsed.data);
  if (!outcome.ok) return { error: outcome.reason === "rate_limited" ? RATE_LIMITED : "Wrong email or password.", values };
  // The challenge goes back to this browser only; the code step sends it with the code.
  if (outcome.secondFactor) return { challenge: outcome.challenge, values };
  return finish(outcome.challenge, undefined, outcome.email, formData.get("next"), values);
}

/** The 2FA step: the challenge from the password step and a TOTP or recovery code. */
export async function signInCodeAction(_prev: SignInState, formData: FormData): Promise<SignInState> {
  const values = formValues(formData, ["code", "challenge"]);
  const parsed = signInCodeSchema.safeParse(Object.fromEntries(formData));
  const challenge = typeof formData.get("challenge") === "string" ? String(formData.get("challenge")) : "";
  if (!parsed.success) return { error: "Check the highlighted fields.", fieldErrors: fieldErrorsOf(parsed.error), values, challenge };
  const email = await emailOfChallenge(parsed.data.challenge);
  if (!email) return { error: "Your sign-in took too long. Enter your email and password again.", values };
  return finish(parsed.data.challenge, parsed.data.code, email, formData.get("next"), values);
}

async function finish(challenge: string, code: string | undefined, email: string, next: FormDataEntryValue | null, values: Record<string, string>): Promise<SignInState> {
  try {
    await signIn("credentials", { challenge, ...(code ? { code } : {}), redirect: false });
  } catch (error) {
    if (error instanceof AuthError) {
      const reason = (error as AuthError & { code?: string }).code;
      if (reason === "rate_limited") return { error: RATE_LIMITED, values };
      if (reason === "wrong_code") {
        return { error: "That code is not right, or it was used already. Enter the code your app shows now, or a recovery code.", fieldErrors: { code: ["Wrong or used code"] }, values, challenge };
      }
      return { error: "Your sign-in took too long. Enter your email and password again.", values };
    }
    throw error;
  }
  // Signed in: this browser's later failures count against it, not against the account (README, sign-in).
  await rememberThisBrowser(email);
  // The page that was asked for, when it is one of the console's own; a session in a forced step is sent on to it by the console.
  redirect(safeReturnTo(next) ?? DEFAULT_AFTER_SIGN_IN);
}
