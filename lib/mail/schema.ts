import { z } from "zod";

/** Resend one outbox message of the workspace. */
export const resendEmailSchema = z.object({ id: z.string().min(1).max(64) });
export type ResendEmailInput = z.infer<typeof resendEmailSchema>;
