"use client";

import { useActionState, useState, type FormEvent } from "react";
import type { z } from "zod";
import { fieldErrorsOf, type FormState } from "@/lib/forms";

/**
 * A form bound to a server action, validated first in the browser with the
 * same zod schema the server uses; the server's answer wins when it comes.
 */
export function useValidatedForm(schema: z.ZodType, action: (state: FormState, data: FormData) => Promise<FormState>) {
  const [state, formAction, pending] = useActionState(action, {});
  const [clientErrors, setClientErrors] = useState<Record<string, string[]> | null>(null);
  const [submitted, setSubmitted] = useState(state);

  if (submitted !== state) {
    // A new server answer replaces the browser's own check.
    setSubmitted(state);
    setClientErrors(null);
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    const parsed = schema.safeParse(Object.fromEntries(new FormData(event.currentTarget)));
    if (!parsed.success) {
      event.preventDefault();
      setClientErrors(fieldErrorsOf(parsed.error));
    } else {
      setClientErrors(null);
    }
  }

  const errors = clientErrors ?? state.fieldErrors ?? {};
  return { state, formAction, pending, onSubmit, errors, error: clientErrors ? undefined : state.error };
}
