import type { ConsoleContext } from "@/lib/auth/console-context";
import type { CsvEncoding } from "@/lib/csv/decode";
import { MAX_IMPORT_BYTES, notCsvReason, TOO_LARGE_MESSAGE } from "@/lib/csv/inspect";
import { newId } from "@/lib/db/ids";
import { AppError } from "@/lib/errors";

/** Bytes per stored chunk: what the web process holds of an upload at any moment. */
export const UPLOAD_CHUNK_BYTES = 1024 * 1024;

/** How long a checked file is kept for choosing its columns again on the review step. */
export const UPLOAD_KEPT_MS = 24 * 60 * 60 * 1000;

/** How long an upload may stay unfinished (a dropped connection) before the clean-up deletes it. */
export const UPLOAD_ABANDONED_MS = 60 * 60 * 1000;

/**
 * The upload step, in the web process: streams the request body into
 * ImportUpload chunks of 1 MB (never the whole file in memory), refusing at
 * once a file whose first bytes show it is not CSV and one that grows past
 * the limit, and hands the import to the worker process (status CHECKING),
 * which reads and checks it (lib/imports/check-import.ts). An upload that
 * fails part-way is deleted with its chunks; one whose connection drops is
 * left UPLOADING, hidden, and deleted by the clean-up.
 */
export async function receiveImportUpload(
  ctx: ConsoleContext,
  input: { body: ReadableStream<Uint8Array> | null; fileName: string; encoding?: CsvEncoding },
  now = new Date(),
): Promise<{ id: string }> {
  const ws = ctx.workspace.id;
  const id = newId();
  await ctx.db.importRun.create({
    data: {
      id,
      workspaceId: ws,
      fileName: input.fileName.slice(0, 255) || "import.csv",
      fileSize: 0,
      // The admin's choice until the worker has read the file; "auto" lets it detect the encoding.
      encoding: input.encoding ?? "auto",
      delimiter: "",
      rowCount: 0,
      status: "UPLOADING",
      createdById: ctx.user.id,
      createdByEmail: ctx.user.email,
      createdAt: now,
    },
  });
  try {
    const size = await storeChunks(ctx, id, input.body);
    if (size === 0) throw new AppError("BAD_INPUT", { userMessage: "The file is empty. Add a header row and one row per user; the template shows how." });
    await ctx.db.importRun.updateMany({ where: { id, workspaceId: ws, status: "UPLOADING" }, data: { status: "CHECKING", fileSize: size } });
  } catch (error) {
    await ctx.db.importRun.deleteMany({ where: { id, workspaceId: ws } });
    throw error;
  }
  return { id };
}

async function storeChunks(ctx: ConsoleContext, importRunId: string, body: ReadableStream<Uint8Array> | null): Promise<number> {
  if (!body) return 0;
  const reader = body.getReader();
  let pending: Uint8Array[] = [];
  let pendingBytes = 0;
  let size = 0;
  let seq = 0;
  const flush = async () => {
    if (pendingBytes === 0) return;
    const data = concat(pending, pendingBytes);
    if (seq === 0) {
      const refusal = notCsvReason(data);
      if (refusal) throw new AppError("BAD_INPUT", { userMessage: refusal });
    }
    pending = [];
    pendingBytes = 0;
    await ctx.db.importUpload.create({ data: { importRunId, workspaceId: ctx.workspace.id, seq: seq++, data: data as Uint8Array<ArrayBuffer> } });
  };
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > MAX_IMPORT_BYTES) throw new AppError("BAD_INPUT", { userMessage: TOO_LARGE_MESSAGE });
      pending.push(value);
      pendingBytes += value.byteLength;
      if (pendingBytes >= UPLOAD_CHUNK_BYTES) await flush();
    }
    await flush();
  } catch (error) {
    await reader.cancel().catch(() => undefined);
    throw error;
  }
  return size;
}

function concat(parts: Uint8Array[], total: number): Uint8Array<ArrayBuffer> {
  if (parts.length === 1 && parts[0].buffer instanceof ArrayBuffer) return parts[0] as Uint8Array<ArrayBuffer>;
  const out = new Uint8Array(total);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.byteLength;
  }
  return out;
}
