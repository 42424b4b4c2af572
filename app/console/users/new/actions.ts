"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { consoleAction } from "@/lib/auth/action";
import { publicBaseUrl } from "@/lib/http/base-url";
import { createUser } from "@/lib/users/create-user";
import { createUserSchema } from "@/lib/users/create-user-schema";

/** Create user: the user, its group and (when chosen) its instructions, in one transaction. */
export const createUserAction = consoleAction({ schema: createUserSchema, access: "createUserAction" }, async (ctx, input) => {
  const result = await createUser(ctx, input, { baseUrl: publicBaseUrl(await headers()) });
  revalidatePath("/console/users");
  return result;
});
