import type { z } from "zod";

/** What a form's server action returns to `useActionState`. */
export type FormState = {
  error?: string;
  fieldErrors?: Record<string, string[]>;
  /** Submitted values (never secrets), so the form keeps what was typed. */
  values?: Record<string, string>;
};

/** zod issues flattened to `{ field: [messages] }`, for showing next to each field. */
export function fieldErrorsOf(error: z.ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "_form";
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

/** A FormData's text fields as a plain object, leaving out the named secrets. */
export function formValues(formData: FormData, omit: string[] = []): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value === "string" && !key.startsWith("$") && !omit.includes(key)) out[key] = value;
  }
  return out;
}
