import type { z } from "zod";
import { AppError, toErrorResult, type ActionResult } from "@/lib/errors";
import { fieldErrorsOf } from "@/lib/forms";
import { assertAllowed, type ConsoleContext } from "./console-context";
import { getConsoleContext } from "./context";
import type { ActionKey } from "./permissions";

/** Parses input with a schema, throwing BAD_INPUT with per-field messages. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    throw new AppError("BAD_INPUT", { userMessage: "Check the highlighted fields.", fieldErrors: fieldErrorsOf(parsed.error) });
  }
  return parsed.data;
}

/** Runs a server action body and turns every failure into a result; never throws to the client. */
export async function runAction<T>(body: () => Promise<T>): Promise<ActionResult<T>> {
  try {
    return { ok: true, data: await body() };
  } catch (error) {
    rethrowNavigation(error);
    return toErrorResult(error);
  }
}

/**
 * The console action chain: parse the input, resolve the signed-in
 * administrator and workspace, check what the action's entry in the access
 * map (lib/auth/permissions.ts) requires, then run the body.
 */
export function consoleAction<S extends z.ZodType, T>(
  options: { schema: S; access: ActionKey },
  body: (ctx: ConsoleContext, input: z.infer<S>) => Promise<T>,
): (input: z.input<S>) => Promise<ActionResult<T>> {
  return (input) =>
    runAction(async () => {
      const ctx = await getConsoleContext();
      if (!ctx) throw new AppError("UNAUTHENTICATED", { userMessage: "Your session has ended. Sign in again." });
      assertAllowed(ctx, options.access);
      return body(ctx, parseInput(options.schema, input));
    });
}

// redirect() and notFound() work by throwing; those must reach Next.js.
function rethrowNavigation(error: unknown): void {
  const digest = (error as { digest?: unknown } | null)?.digest;
  if (typeof digest === "string" && (digest.startsWith("NEXT_REDIRECT") || digest.startsWith("NEXT_HTTP_ERROR_FALLBACK"))) {
    throw error;
  }
}
