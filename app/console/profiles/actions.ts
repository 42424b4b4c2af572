"use server";

import { revalidatePath } from "next/cache";
import { consoleAction } from "@/lib/auth/action";
import { assignProfile, unassignProfile } from "@/lib/profiles/assign-profile";
import { createProfile, deleteProfile, duplicateProfile, updateProfile } from "@/lib/profiles/manage-profiles";
import { assignProfileSchema, createProfileSchema, duplicateProfileSchema, profileIdSchema, updateProfileSchema } from "@/lib/profiles/schema";

/** New profile from the Profiles page; the editor opens next. */
export const createProfileAction = consoleAction({ schema: createProfileSchema, access: "createProfileAction" }, async (ctx, input) => {
  const result = await createProfile(ctx, input);
  revalidatePath("/console/profiles");
  return result;
});

/** Saves the editor: name and settings (checked against the profile's OS). */
export const updateProfileAction = consoleAction({ schema: updateProfileSchema, access: "updateProfileAction" }, async (ctx, input) => {
  const result = await updateProfile(ctx, input);
  revalidatePath("/console/profiles");
  revalidatePath(`/console/profiles/${input.profileId}`);
  return result;
});

export const duplicateProfileAction = consoleAction({ schema: duplicateProfileSchema, access: "duplicateProfileAction" }, async (ctx, input) => {
  const result = await duplicateProfile(ctx, input);
  revalidatePath("/console/profiles");
  return result;
});

export const deleteProfileAction = consoleAction({ schema: profileIdSchema, access: "deleteProfileAction" }, async (ctx, input) => {
  const result = await deleteProfile(ctx, input);
  revalidatePath("/console/profiles");
  return result;
});

/** Applies a profile to a user or a group (Manage Profiles). */
export const assignProfileAction = consoleAction({ schema: assignProfileSchema, access: "assignProfileAction" }, async (ctx, input) => {
  const result = await assignProfile(ctx, input);
  revalidatePath(`/console/profiles/${input.profileId}`);
  return result;
});

export const unassignProfileAction = consoleAction({ schema: assignProfileSchema, access: "unassignProfileAction" }, async (ctx, input) => {
  const result = await unassignProfile(ctx, input);
  revalidatePath(`/console/profiles/${input.profileId}`);
  return result;
});
