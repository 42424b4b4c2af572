"use server";

import { revalidatePath } from "next/cache";
import { consoleAction } from "@/lib/auth/action";
import { resendEmail } from "@/lib/mail/outbox";
import { resendEmailSchema } from "@/lib/mail/schema";

/** Resend on the Mailbox list or a message's page. */
export const resendEmailAction = consoleAction({ schema: resendEmailSchema, access: "resendEmailAction" }, async (ctx, input) => {
  const result = await resendEmail(ctx, input.id);
  revalidatePath("/console/mailbox");
  return result;
});
