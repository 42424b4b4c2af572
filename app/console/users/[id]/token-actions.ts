"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { consoleAction } from "@/lib/auth/action";
import { revokeEnrollmentToken } from "@/lib/enrollment/tokens";

const revokeTokenSchema = z.object({ tokenId: z.string().min(1).max(40), userId: z.string().min(1).max(40) });

/** Revokes one of a user's enrollment tokens (User Tokens tab). */
export const revokeTokenAction = consoleAction({ schema: revokeTokenSchema, access: "revokeTokenAction" }, async (ctx, input) => {
  const result = await revokeEnrollmentToken(ctx, input.tokenId);
  revalidatePath(`/console/users/${input.userId}`);
  return result;
});
