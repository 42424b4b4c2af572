"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { consoleAction } from "@/lib/auth/action";
import { headers } from "next/headers";
import { createEnrollmentLinkForUser } from "@/lib/enrollment/create-link-for-user";
import { revokeEnrollmentToken } from "@/lib/enrollment/tokens";
import { publicBaseUrl } from "@/lib/http/base-url";

const revokeTokenSchema = z.object({ tokenId: z.string().min(1).max(40), userId: z.string().min(1).max(40) });

/** Revokes one of a user's enrollment tokens (User Tokens tab). */
export const revokeTokenAction = consoleAction({ schema: revokeTokenSchema, access: "revokeTokenAction" }, async (ctx, input) => {
  const result = await revokeEnrollmentToken(ctx, input.tokenId);
  revalidatePath(`/console/users/${input.userId}`);
  return result;
});

const enrollDeviceSchema = z.object({ userId: z.string().trim().min(1).max(40) });

/** Enroll Device (users list and a user's page): a new enrollment link for the user, shown once with its QR code; no email. */
export const enrollDeviceAction = consoleAction({ schema: enrollDeviceSchema, access: "enrollDeviceAction" }, async (ctx, input) => {
  const result = await createEnrollmentLinkForUser(ctx, input, { baseUrl: publicBaseUrl(await headers()) });
  revalidatePath(`/console/users/${input.userId}`);
  return result;
});
