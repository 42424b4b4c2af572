import { z } from "zod";
import { validateAddress } from "@/lib/email-address/validate";
import { LICENSED_ADDRESS_LIMIT } from "@/lib/email-address/limits";

/** The longest display name a user may have (the users' name column and forms use the same limit). */
export const NAME_MAX_LENGTH = 200;

export const aliasSchema = z
  .string()
  .trim()
  .min(1, "Enter an alias")
  .max(64, "An alias has at most 64 characters")
  .regex(/^[^\s<>@"]+$/, "No spaces, quotes, < > or @ in an alias");

/** One row of the Check data step; the address is checked with the shared validator. */
export const addUserRowSchema = z.object({
  email: z.string().transform((value, ctx) => {
    const check = validateAddress(value);
    if (!check.ok) {
      ctx.addIssue({ code: "custom", message: check.reason });
      return z.NEVER;
    }
    return check.email;
  }),
  alias: aliasSchema,
  /** From `Name <address>` entries; becomes the user's display name. */
  name: z.string().trim().max(NAME_MAX_LENGTH, `Name is longer than ${NAME_MAX_LENGTH} characters`).default(""),
});

export const addUsersSchema = z.object({
  /** Random per wizard run: a double submit or retry with the same key adds nothing twice. */
  runKey: z.uuid(),
  users: z.array(addUserRowSchema).min(1, "Add at least one address").max(LICENSED_ADDRESS_LIMIT),
  sendInstructions: z.boolean(),
  /** Also email the addresses that already belong to users (off unless the admin chooses it). */
  emailExisting: z.boolean().default(false),
});
export type AddUsersInput = z.infer<typeof addUsersSchema>;

export type AddUsersResult = {
  added: number;
  existing: number;
  emailed: number;
  /** Show the "next steps" message (the first five finishes with instructions). */
  showNextSteps: boolean;
};
