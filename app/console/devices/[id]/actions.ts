"use server";

import { revalidatePath } from "next/cache";
import { consoleAction } from "@/lib/auth/action";
import { removeDevice, renameDevice } from "@/lib/devices/manage-device";
import { removeDeviceSchema, renameDeviceSchema } from "@/lib/devices/schema";

/** Rename on a device's page. */
export const renameDeviceAction = consoleAction({ schema: renameDeviceSchema, access: "renameDeviceAction" }, async (ctx, input) => {
  const result = await renameDevice(ctx, input);
  revalidatePath(`/console/devices/${input.deviceId}`);
  revalidatePath("/console/devices");
  return result;
});

/** Remove on a device's page: the device's credential stops working at once. */
export const removeDeviceAction = consoleAction({ schema: removeDeviceSchema, access: "removeDeviceAction" }, async (ctx, input) => {
  const result = await removeDevice(ctx, input);
  revalidatePath("/console/devices");
  revalidatePath(`/console/users/${result.userId}`);
  return result;
});
