"use server";

import { revalidatePath } from "next/cache";
import { consoleAction } from "@/lib/auth/action";
import { revokeOtherOwnSessions, revokeOwnSession } from "@/lib/auth/revoke-own-sessions";
import { revokeOtherSessionsSchema, revokeSessionSchema } from "@/lib/auth/schema";

/** Signs the signed-in person out of one of their other sessions. */
export const revokeSessionAction = consoleAction({ schema: revokeSessionSchema, access: "revokeSessionAction" }, async (ctx, input) => {
  await revokeOwnSession(ctx, input);
  revalidatePath("/console/settings/sessions");
});

/** Signs the signed-in person out of every session but this browser's. */
export const revokeOtherSessionsAction = consoleAction({ schema: revokeOtherSessionsSchema, access: "revokeOtherSessionsAction" }, async (ctx) => {
  const result = await revokeOtherOwnSessions(ctx);
  revalidatePath("/console/settings/sessions");
  return result;
});
