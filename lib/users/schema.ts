import { z } from "zod";
import { emailSchema } from "@/lib/auth/schema";

export const displayNameSchema = z.string().trim().max(200, "A name has at most 200 characters");
export const phoneSchema = z
  .string()
  .trim()
  .max(40, "A phone number has at most 40 characters")
  .regex(/^[+\d\s().\-\/]*$/, "Use digits, spaces and + ( ) - . / only");

export const userSortKeys = ["name", "email", "phone", "devices", "twoFactor", "lastLogin"] as const;
/** 2FA states in their sort order (alphabetical, which is also their order in the schema's enum). */
export const twoFactorStates = ["ACTIVE", "NOT_ACTIVE", "NOT_AVAILABLE", "NOT_CONFIGURED"] as const;

/** The users list's URL parameters; anything unknown falls back to the default. */
export const userListQuerySchema = z.object({
  q: z.string().trim().max(200).catch(""),
  sort: z.enum(userSortKeys).catch("name"),
  dir: z.enum(["asc", "desc"]).catch("asc"),
  role: z.string().max(40).catch(""),
  twoFactor: z.enum(twoFactorStates).or(z.literal("")).catch(""),
  devices: z.enum(["yes", "no", ""]).catch(""),
  /** Whether the user was ever sent instructions (has an enrollment token): with devices=no, "who has not enrolled yet". */
  instructions: z.enum(["sent", "never", ""]).catch(""),
  size: z.coerce.number().pipe(z.union([z.literal(25), z.literal(50), z.literal(100)])).catch(50),
  cursor: z.string().max(600).catch(""),
});
export type UserListQuery = z.infer<typeof userListQuerySchema>;

export const updateUserSchema = z.object({
  userId: z.string().min(1).max(40),
  email: emailSchema,
  displayName: displayNameSchema,
  phone: phoneSchema,
  roleId: z.string().min(1, "Choose a role").max(40),
});
export type UpdateUserInput = z.infer<typeof updateUserSchema>;

export const deleteUsersSchema = z.object({
  userIds: z.array(z.string().min(1).max(40)).min(1, "Select at least one user").max(1000, "Delete at most 1,000 users at once"),
});
