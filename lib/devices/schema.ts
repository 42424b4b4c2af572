import { z } from "zod";

const id = z.string().min(1).max(40);
export const DEVICE_NAME_MAX = 120;

export const renameDeviceSchema = z.object({
  deviceId: id,
  name: z.string().trim().min(1, "Enter a name.").max(DEVICE_NAME_MAX, `Use at most ${DEVICE_NAME_MAX} characters.`),
});
export const removeDeviceSchema = z.object({ deviceId: id });
