import { z } from "zod";
import { emailSchema, newPasswordSchema } from "@/lib/auth/schema";
import { displayNameSchema } from "@/lib/users/schema";

export const createWorkspaceSchema = z.object({
  companyName: z.string().trim().min(1, "Enter your company name").max(120, "A company name has at most 120 characters"),
  displayName: displayNameSchema.min(1, "Enter your name"),
  email: emailSchema,
  password: newPasswordSchema,
});
export type CreateWorkspaceInput = z.infer<typeof createWorkspaceSchema>;

export const renameWorkspaceSchema = z.object({ companyName: createWorkspaceSchema.shape.companyName });
