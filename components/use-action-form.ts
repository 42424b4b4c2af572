"use client";

import { useState, useTransition, type FormEvent } from "react";
import type { z } from "zod";
import type { ActionResult } from "@/lib/errors";
import { fieldErrorsOf } from "@/lib/forms";

type Message = { tone: "error" | "success"; text: string };

/**
 * A console form that calls a typed server action: the form's fields (plus
 * `extra`) are checked with the action's own zod schema in the browser, sent,
 * and the server's field errors shown where they belong.
 */
export function useActionForm<S extends z.ZodType, T>(
  schema: S,
  action: (input: z.infer<S>) => Promise<ActionResult<T>>,
  opts: { extra?: Record<string, unknown>; success: string; onSuccess?: (data: T, form: HTMLFormElement) => void },
) {
  const [pending, startTransition] = useTransition();
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [message, setMessage] = useState<Message>();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const parsed = schema.safeParse({ ...opts.extra, ...Object.fromEntries(new FormData(form)) });
    if (!parsed.success) {
      setErrors(fieldErrorsOf(parsed.error));
      setMessage({ tone: "error", text: "Check the highlighted fields." });
      return;
    }
    startTransition(async () => {
      const result = await action(parsed.data);
      setErrors(result.ok ? {} : (result.fieldErrors ?? {}));
      setMessage(result.ok ? { tone: "success", text: opts.success } : { tone: "error", text: result.error });
      if (result.ok) opts.onSuccess?.(result.data, form);
    });
  }

  return { onSubmit, pending, errors, message };
}
