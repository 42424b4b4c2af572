import type { z } from "zod";
import { AppError } from "@/lib/errors";

/** Largest request body the JSON APIs read. */
export const MAX_JSON_BODY_BYTES = 16 * 1024;

/** RATE_LIMITED with the seconds a client should wait (sent as Retry-After). */
export class RateLimitedError extends AppError {
  readonly retryAfterSeconds: number;
  constructor(retryAfterSeconds: number) {
    super("RATE_LIMITED", { userMessage: `Too many attempts. Try again in ${waitText(retryAfterSeconds)}.` });
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

function waitText(seconds: number): string {
  if (seconds < 90) return `${seconds} second${seconds === 1 ? "" : "s"}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minutes`;
}

const badInput = (message: string) => new AppError("BAD_INPUT", { userMessage: message });

/**
 * Reads a request's JSON body, refusing non-JSON content types, bodies over
 * the limit (by Content-Length and by what actually arrives, so a missing or
 * lying header does not help) and malformed JSON, each as BAD_INPUT.
 */
export async function readJsonBody(request: Request, maxBytes = MAX_JSON_BODY_BYTES): Promise<unknown> {
  const type = (request.headers.get("content-type") ?? "").split(";")[0].trim().toLowerCase();
  if (type !== "application/json") throw badInput("Send the request body as JSON (Content-Type: application/json).");
  const declared = request.headers.get("content-length");
  if (declared !== null && (!/^\d+$/.test(declared) || Number(declared) > maxBytes)) throw badInput(`The request body is larger than ${maxBytes} bytes.`);
  const bytes = await readLimited(request, maxBytes);
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw badInput("The request body is not valid UTF-8.");
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw badInput("The request body is not valid JSON.");
  }
}

/** Reads a request body up to `maxBytes`, refusing a larger one (by what arrives, whatever Content-Length says). */
export async function readLimited(request: Request, maxBytes: number, tooLarge = `The request body is larger than ${maxBytes} bytes.`): Promise<Uint8Array> {
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw new AppError("BAD_INPUT", { userMessage: tooLarge });
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return out;
}

/** Validates a parsed body; the first problems become one BAD_INPUT message naming the fields. */
export function parseJsonInput<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.slice(0, 5).map((issue) => {
    const where = issue.path.map(String).join(".");
    if (issue.code === "unrecognized_keys") return `unknown field${issue.keys.length === 1 ? "" : "s"} ${issue.keys.map((k) => (where ? `${where}.${k}` : k)).join(", ")}`;
    return where ? `${where}: ${issue.message}` : issue.message;
  });
  throw badInput(`The request is not valid: ${problems.join("; ")}.`);
}

/** A JSON response that is never cached (agent responses can carry credentials). */
export function jsonResponse(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return Response.json(body, { status, headers: { "Cache-Control": "no-store", ...headers } });
}

/** `{ error: { code, message } }` for a failure: AppError with its status, anything else 500 with a reference id. */
export function errorResponse(error: unknown): Response {
  if (error instanceof AppError) {
    const headers: Record<string, string> = error instanceof RateLimitedError ? { "Retry-After": String(error.retryAfterSeconds) } : {};
    return jsonResponse({ error: { code: error.code, message: error.userMessage } }, error.status, headers);
  }
  const ref = crypto.randomUUID().slice(0, 8);
  console.error(`[error ${ref}]`, error);
  return jsonResponse({ error: { code: "INTERNAL", message: `Something went wrong (ref ${ref}).`, ref } }, 500);
}

/** Runs a handler body and turns any failure into an error response. */
export async function handleJson(body: () => Promise<Response>): Promise<Response> {
  try {
    return await body();
  } catch (error) {
    return errorResponse(error);
  }
}
