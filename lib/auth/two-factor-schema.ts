import { z } from "zod";
import { newPasswordSchema } from "./schema";

/** A 6-digit TOTP code as typed (a space in the middle is fine). */
export const totpCodeSchema = z
  .string()
  .trim()
  .regex(/^\d{3}\s?\d{3}$/, "Enter the 6-digit code from your authenticator app");

export const enableTwoFactorSchema = z.object({ code: totpCodeSchema });

/** Turning 2FA off takes the current password or a code (TOTP or recovery). */
export const disableTwoFactorSchema = z
  .object({
    password: z.string().max(1024).optional().default(""),
    code: z.string().trim().max(40).optional().default(""),
  })
  .refine((v) => v.password !== "" || v.code !== "", { path: ["password"], message: "Enter your password, or a code from your app" });

/** New recovery codes take the same confirmation as turning 2FA off. */
export const regenerateRecoveryCodesSchema = disableTwoFactorSchema;

/** The second step of sign-in: the challenge from the first and a TOTP or recovery code. */
export const signInCodeSchema = z.object({
  challenge: z.string().min(10).max(100),
  code: z.string().trim().min(1, "Enter the code from your authenticator app, or a recovery code").max(40, "That is not a code"),
});

export const resetTwoFactorSchema = z.object({
  userIds: z.array(z.string().min(1).max(40)).min(1, "Select at least one user").max(1000, "Reset at most 1,000 users at once"),
});

/** The forced "Set a new password" step. */
export const setNewPasswordSchema = z
  .object({ newPassword: newPasswordSchema, confirmPassword: z.string() })
  .refine((v) => v.newPassword === v.confirmPassword, { path: ["confirmPassword"], message: "The two new passwords differ" });

export const securitySettingsSchema = z.object({
  requireAdminTwoFactor: z
    .union([z.literal("on"), z.boolean()])
    .optional()
    .transform((v) => v === "on" || v === true),
});
