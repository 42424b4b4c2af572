import { MAX_IMPORT_BYTES, TOO_LARGE_MESSAGE } from "@/lib/csv/inspect";
import { AppError } from "@/lib/errors";
import { jsonResponse, readLimited } from "@/lib/http/json";
import { consoleRoute } from "@/lib/http/route";
import { uploadImportSchema } from "@/lib/imports/schema";
import { stageImport } from "@/lib/imports/stage-import";

export const dynamic = "force-dynamic";

/**
 * POST /api/users/imports?fileName=…&encoding=auto|utf-8|…, the file's raw
 * bytes as the body: reads and checks the file on the server and stores its
 * rows for review. 201 `{ id }`; a refusal is `{ error: { code, message } }`
 * with the message for the admin, and nothing is written.
 */
export const POST = consoleRoute({ access: "POST /api/users/imports" }, async (ctx, request) => {
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
