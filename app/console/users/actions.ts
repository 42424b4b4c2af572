"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { publicBaseUrl } from "@/lib/http/base-url";
import { sendInstructions, sendInstructionsSchema } from "@/lib/users/send-instructions";
import { consoleAction } from "@/lib/auth/action";
import { sendRecoveryEmails, setUserPasswords } from "@/lib/auth/passwords";
import { selectedUsersSchema, setUserPasswordsSchema } from "@/lib/auth/schema";
import { deleteUsers } from "@/lib/users/delete-users";
import { deleteUsersSchema, updateUserSchema } from "@/lib/users/schema";
import { updateUser } from "@/lib/users/update-user";
import { resetTwoFactorSchema } from "@/lib/auth/two-factor-schema";
import { resetTwoFactor } from "@/lib/users/reset-two-factor";

/** "Reset 2FA Token" for the selected users (list or user page). */
export const resetTwoFactorAction = consoleAction({ schema: resetTwoFactorSchema, access: "resetTwoFactorAction" }, async (ctx, input) => {
  const result = await resetTwoFactor(ctx, input);
  revalidatePath("/console/users");
  return result;
});

/** Deletes the selected users (list or user page). */
export const deleteUsersAction = consoleAction({ schema: deleteUsersSchema, access: "deleteUsersAction" }, async (ctx, input) => {
  const result = await deleteUsers(ctx, input);
  revalidatePath("/console/users");
  return result;
});

/** Saves the User Info tab. */
export const updateUserAction = consoleAction({ schema: updateUserSchema, access: "updateUserAction" }, async (ctx, input) => {
  const result = await updateUser(ctx, input, { baseUrl: publicBaseUrl(await headers()) });
  revalidatePath("/console/users");
  return result;
});

/** Sends the selected users a new instruction email each, with a new enrollment link. */
export const sendInstructionsAction = consoleAction({ schema: sendInstructionsSchema, access: "sendInstructionsAction" }, async (ctx, input) => {
  const result = await sendInstructions(ctx, input, { baseUrl: publicBaseUrl(await headers()) });
  revalidatePath("/console/users");
  return result;
});

/** Change Password for the selected users (typed or generated; generated ones come back once, to be shown). */
export const setUserPasswordsAction = consoleAction({ schema: setUserPasswordsSchema, access: "setUserPasswordsAction" }, async (ctx, input) => {
  const result = await setUserPasswords(ctx, input);
  revalidatePath("/console/users");
  return result;
});

/** Sends the selected users a set-password link each (recovery, or activation when they have no password). */
export const sendRecoveryEmailsAction = consoleAction({ schema: selectedUsersSchema, access: "sendRecoveryEmailsAction" }, async (ctx, input) => {
  return sendRecoveryEmails(ctx, input, { baseUrl: publicBaseUrl(await headers()) });
});
