import { z } from "zod";
import { validateAddress } from "@/lib/email-address/validate";
import { displayNameSchema, phoneSchema } from "./schema";

/** A checkbox as a form sends it ("on" or absent), or a boolean. */
const checkbox = z.preprocess((value) => value === true || value === "on" || value === "true", z.boolean());

/** The Create user form; the address is checked with the shared validator. */
export const createUserSchema = z
  .object({
    email: z.string().transform((value, ctx) => {
      if (!value.trim()) {
        ctx.addIssue({ code: "custom", message: "Enter an email address" });
        return z.NEVER;
      }
      const check = validateAddress(value);
      if (!check.ok) {
        ctx.addIssue({ code: "custom", message: check.reason });
        return z.NEVER;
      }
      return check.email;
    }),
    displayName: displayNameSchema.default(""),
    phone: phoneSchema.default(""),
    /** An existing group's name (any case) or a new one; empty for none. */
    group: z.string().trim().max(100, "A group name has at most 100 characters").default(""),
    roleId: z.string().min(1, "Choose a role").max(40),
    exchangeDomain: z.string().trim().max(253, "A domain has at most 253 characters").default(""),
    exchangeUsername: z.string().trim().max(256, "A username has at most 256 characters").default(""),
    sendInstructions: checkbox,
  })
  .superRefine((value, ctx) => {
    if (value.exchangeDomain && !value.exchangeUsername) {
      ctx.addIssue({ code: "custom", path: ["exchangeUsername"], message: "Enter the Exchange username too, or clear the domain" });
    }
    if (value.exchangeUsername && !value.exchangeDomain) {
      ctx.addIssue({ code: "custom", path: ["exchangeDomain"], message: "Enter the Exchange domain too, or clear the username" });
    }
  });
export type CreateUserInput = z.infer<typeof createUserSchema>;

export type CreateUserResult = { id: string; queued: number };
