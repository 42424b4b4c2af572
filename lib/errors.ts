/** Known failure codes; each maps to an HTTP status for route handlers. */
const statusByCode = {
  BAD_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  GONE: 410,
  RATE_LIMITED: 429,
} as const;

export type AppErrorCode = keyof typeof statusByCode;

/**
 * A failure the user can act on. Its `userMessage` is safe to show; anything
 * else thrown is treated as a bug and shown only as a reference id.
 */
export class AppError extends Error {
  override name = "AppError";
  readonly code: AppErrorCode;
  readonly userMessage: string;
  readonly fieldErrors?: Record<string, string[]>;

  constructor(code: AppErrorCode, opts: { userMessage: string; fieldErrors?: Record<string, string[]> }) {
    super(opts.userMessage);
    this.code = code;
    this.userMessage = opts.userMessage;
    this.fieldErrors = opts.fieldErrors;
  }

  get status(): number {
    return statusByCode[this.code];
  }
}

export type ActionResult<T = undefined> =
  | { ok: true; data: T }
  | { ok: false; error: string; fieldErrors?: Record<string, string[]> };

/** Turns any thrown value into a result the client can show; logs the unknown ones with an id. */
export function toErrorResult(error: unknown): { ok: false; error: string; fieldErrors?: Record<string, string[]> } {
  if (error instanceof AppError) return { ok: false, error: error.userMessage, fieldErrors: error.fieldErrors };
  const ref = crypto.randomUUID().slice(0, 8);
  console.error(`[error ${ref}]`, error);
  return { ok: false, error: `Something went wrong (ref ${ref}).` };
}
