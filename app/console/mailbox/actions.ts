"use server";

import { headers } from "next/headers";
import { revalidatePath } from "next/cache";
import { consoleAction } from "@/lib/auth/action";
import { publicBaseUrl } from "@/lib/http/base-url";
import { resendEmail } from "@/lib/mail/resend-email";
import { resendEmailSchema } from "@/lib/mail/schema";

/** Resend on the Mailbox list, a message's page or a user's page: a new message with a new enrollment link. */
export const resendEmailAction = consoleAction({ schema: resendEmailSchema, access: "resendEmailAction" }, async (ctx, input) => {
  const result = await resendEmail(ctx, input.id, { baseUrl: publicBaseUrl(await headers()) });
  revalidatePath("/console/mailbox");
  return result;
});
