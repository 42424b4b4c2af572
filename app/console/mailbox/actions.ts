"use server";

import { headers } from "next/headers";
import { revalidatePath } from "next/cache";
import { consoleAction } from "@/lib/auth/action";
import { publicBaseUrl } from "@/lib/http/base-url";
import { resendEmail } from "@/lib/mail/resend-email";
import { sendNow } from "@/lib/mail/send-now";
import { resendEmailSchema } from "@/lib/mail/schema";

/** Resend on the Mailbox list, a message's page or a user's page: a new message with a new enrollment link. */
export const resendEmailAction = consoleAction({ schema: resendEmailSchema, access: "resendEmailAction" }, async (ctx, input) => {
  const result = await resendEmail(ctx, input.id, { baseUrl: publicBaseUrl(await headers()) });
  revalidatePath("/console/mailbox");
  return result;
});

/** Send now, for a message waiting to retry: due at once. */
export const sendNowAction = consoleAction({ schema: resendEmailSchema, access: "sendNowAction" }, async (ctx, input) => {
  await sendNow(ctx, input.id);
  revalidatePath("/console/mailbox");
});
