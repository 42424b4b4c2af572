import { z } from "zod";

export const emailSchema = z
  .string()
  .trim()
  .min(1, "Enter an email address")
  .max(254, "An email address has at most 254 characters")
  .pipe(z.email("Enter a valid email address"));

export const signInSchema = z.object({
  email: emailSchema,
  password: z.string().min(1, "Enter your password").max(1024, "That password is too long"),
});
export type SignInInput = z.infer<typeof signInSchema>;

export const newPasswordSchema = z
  .string()
  .min(12, "Use at least 12 characters")
  .max(256, "Use at most 256 characters");

export const changePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, "Enter your current password").max(1024),
    newPassword: newPasswordSchema,
    confirmPassword: z.string(),
  })
  .refine((v) => v.newPassword === v.confirmPassword, { path: ["confirmPassword"], message: "The two new passwords differ" });

export const forgotPasswordSchema = z.object({ email: emailSchema });

/** The set-password page's form: the link's token (hidden) and the new password twice. */
export const setPasswordSchema = z
  .object({
    token: z.string().max(100),
    password: newPasswordSchema,
    confirm: z.string().max(256),
  })
  .refine((v) => v.password === v.confirm, { path: ["confirm"], message: "The two passwords differ" });

/** Selected users, for the bulk account actions. */
export const selectedUsersSchema = z.object({
  userIds: z.array(z.string().min(1).max(40)).min(1, "Select at least one user").max(500, "Select at most 500 users at a time"),
});

/** Change Password for selected users (typed, the same for all, or generated, each their own). */
export const setUserPasswordsSchema = z
  .object({
    // Each new password is hashed (argon2id, tens of milliseconds): a hundred at a time keeps the request short.
    userIds: z.array(z.string().min(1).max(40)).min(1, "Select at least one user").max(100, "Select at most 100 users at a time"),
    mode: z.enum(["type", "generate"]),
    password: z.string().max(256, "Use at most 256 characters").optional(),
    mustChange: z.boolean(),
    notify: z.boolean(),
  })
  .refine((v) => v.mode === "generate" || (v.password ?? "") !== "", { path: ["password"], message: "Type the new password, or choose Generate" });

/** Sign out of one of one's own other sessions (Settings → Sessions). */
export const revokeSessionSchema = z.object({ sessionId: z.string().min(1).max(40) }).strict();

/** Sign out of all other sessions: no input. */
export const revokeOtherSessionsSchema = z.object({}).strict();
