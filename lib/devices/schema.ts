import { z } from "zod";

const id = z.string().min(1).max(40);
export const DEVICE_NAME_MAX = 120;

export const renameDeviceSchema = z.object({
  deviceId: id,
  name: z.string().trim().min(1, "Enter a name.").max(DEVICE_NAME_MAX, `Use at most ${DEVICE_NAME_MAX} characters.`),
});
export const removeDeviceSchema = z.object({ deviceId: id });

export const deviceOsValues = ["WINDOWS", "MACOS", "LINUX", "ANDROID", "IOS", "IPADOS"] as const;
export const activityValues = ["24h", "7d", "30d", "older", "never"] as const;
export const deviceSortValues = ["lastActivity", "name", "enrolled"] as const;

/** The Devices list's URL query; anything malformed falls back to the default. */
export const deviceListQuerySchema = z.object({
  q: z.string().trim().max(100).catch(""),
  os: z.enum(deviceOsValues).optional().catch(undefined),
  activity: z.enum(activityValues).optional().catch(undefined),
  user: z.string().max(40).catch(""),
  sort: z.enum(deviceSortValues).catch("lastActivity"),
  dir: z.enum(["asc", "desc"]).catch("desc"),
  cursor: z.string().max(600).catch(""),
});
export type DeviceListQuery = z.infer<typeof deviceListQuerySchema>;
