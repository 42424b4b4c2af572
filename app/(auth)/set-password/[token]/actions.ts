"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { clientAddress } from "@/lib/auth/client-address";
import { setPasswordWithLink } from "@/lib/auth/passwords";
import { setPasswordSchema } from "@/lib/auth/schema";
import { toErrorResult } from "@/lib/errors";
import { fieldErrorsOf, type FormState } from "@/lib/forms";

/** Uses a set-password link: sets the password, then sends the person to sign in with it. */
export async function setPasswordAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const parsed = setPasswordSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { error: "Check the highlighted fields.", fieldErrors: fieldErrorsOf(parsed.error) };
  try {
    await setPasswordWithLink({ ...parsed.data, address: clientAddress(await headers()) });
  } catch (error) {
    return toErrorResult(error);
  }
  redirect("/sign-in?password=set");
}
