import { getConsoleContext } from "@/lib/auth/context";
import { MAX_IMPORT_BYTES, TOO_LARGE_MESSAGE } from "@/lib/csv/inspect";
import { AppError } from "@/lib/errors";
import { handleJson, jsonResponse, readLimited } from "@/lib/http/json";
import { uploadImportSchema } from "@/lib/imports/schema";
import { stageImport } from "@/lib/imports/stage-import";

export const dynamic = "force-dynamic";

/**
 * POST /api/users/imports?fileName=…&encoding=auto|utf-8|…, the file's raw
 * bytes as the body: reads and checks the file on the server and stores its
 * rows for review. 201 `{ id }`; a refusal is `{ error: { code, message } }`
 * with the message for the admin, and nothing is written.
 */
export async function POST(request: Request): Promise<Response> {
  return handleJson(async () => {
    const ctx = await getConsoleContext();
    if (!ctx) throw new AppError("UNAUTHENTICATED", { userMessage: "Your session has ended. Sign in again." });
    if (!ctx.permissions.has("users.write")) throw new AppError("FORBIDDEN", { userMessage: "You do not have permission to do that." });
    const query = uploadImportSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
    const declared = Number(request.headers.get("content-length") ?? "0");
    if (declared > MAX_IMPORT_BYTES) throw new AppError("BAD_INPUT", { userMessage: TOO_LARGE_MESSAGE });
    const bytes = await readLimited(request, MAX_IMPORT_BYTES, TOO_LARGE_MESSAGE);
    const staged = await stageImport(ctx, {
      bytes,
      fileName: query.fileName,
      encoding: query.encoding === "auto" ? undefined : query.encoding,
    });
    return jsonResponse(staged, 201);
  });
}
