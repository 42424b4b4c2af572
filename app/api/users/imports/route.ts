import { MAX_IMPORT_BYTES, TOO_LARGE_MESSAGE } from "@/lib/csv/inspect";
import { AppError } from "@/lib/errors";
import { jsonResponse } from "@/lib/http/json";
import { consoleRoute } from "@/lib/http/route";
import { uploadImportSchema } from "@/lib/imports/schema";
import { receiveImportUpload } from "@/lib/imports/upload-import";

export const dynamic = "force-dynamic";

/**
 * POST /api/users/imports?fileName=…&encoding=auto|utf-8|…, the file's raw
 * bytes as the body: stores the file as it streams in and hands it to the
 * worker process, which checks it and stores its rows for review (the
 * import's page shows how far it has got). 201 `{ id }`; a refusal known
 * at once (too large, not CSV, empty) is `{ error: { code, message } }` with
 * the message for the admin, and nothing is kept.
 */
export const POST = consoleRoute({ access: "POST /api/users/imports" }, async (ctx, request) => {
  const query = uploadImportSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > MAX_IMPORT_BYTES) throw new AppError("BAD_INPUT", { userMessage: TOO_LARGE_MESSAGE });
  const upload = await receiveImportUpload(ctx, {
    body: request.body,
    fileName: query.fileName,
    encoding: query.encoding === "auto" ? undefined : query.encoding,
  });
  return jsonResponse(upload, 201);
});
