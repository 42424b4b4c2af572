"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { clientAddress } from "@/lib/auth/client-address";
import { requestPasswordRecovery } from "@/lib/auth/passwords";
import { forgotPasswordSchema } from "@/lib/auth/schema";
import { fieldErrorsOf, formValues, type FormState } from "@/lib/forms";
import { unauthenticatedBaseUrl } from "@/lib/http/base-url";

/** "Forgot password?": mails a recovery link to the address's accounts, and answers the same whether there are any. */
export async function forgotPasswordAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const parsed = forgotPasswordSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { error: "Check the highlighted fields.", fieldErrors: fieldErrorsOf(parsed.error), values: formValues(formData) };
  const h = await headers();
  await requestPasswordRecovery({ email: parsed.data.email, address: clientAddress(h), baseUrl: unauthenticatedBaseUrl(h) });
  redirect("/forgot-password?sent=1");
}
