"use server";

import { headers } from "next/headers";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { consoleAction } from "@/lib/auth/action";
import { publicBaseUrl } from "@/lib/http/base-url";
import { instructionEmailTemplate } from "@/lib/mail/instructions";
import { addUsers } from "@/lib/users/add-users";
import { existingAddresses } from "@/lib/users/existing-users";
import { addUsersSchema } from "@/lib/users/add-users-schema";

/** Check data step: which of these addresses already belong to users here. */
export const checkExistingAction = consoleAction(
  { schema: z.object({ emails: z.array(z.string().max(254)).max(3000) }), access: "checkExistingAction" },
  async (ctx, input) => [...(await existingAddresses(ctx.db, ctx.workspace.id, input.emails))],
);

/** Send instructions step: the message as users will get it, with a sample link. */
export const previewInstructionsAction = consoleAction({ schema: z.object({}), access: "previewInstructionsAction" }, async (ctx) => {
  const render = await instructionEmailTemplate(ctx.workspace.name);
  return render({ name: "Jane Doe", link: `${publicBaseUrl(await headers())}/enroll/EXAMPLE-LINK` });
});

/** Finish: creates the users and queues their instructions in one transaction. */
export const addUsersAction = consoleAction({ schema: addUsersSchema, access: "addUsersAction" }, async (ctx, input) => {
  const result = await addUsers(ctx, input, { baseUrl: publicBaseUrl(await headers()) });
  revalidatePath("/console/users");
  return result;
});
