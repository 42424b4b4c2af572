import { z } from "zod";
import type { CsvEncoding } from "@/lib/csv/decode";
import { TOO_LARGE_MESSAGE } from "@/lib/csv/inspect";

export type UploadResult = { ok: true; id: string } | { ok: false; error: string };

/**
 * Sends the file's bytes as they are (the server reads them again; nothing
 * the browser parsed is trusted) to POST /api/users/imports, reporting upload
 * progress (0–1). Resolves with the new import's id or a message for the admin.
 */
export function uploadImport(file: File, encoding: CsvEncoding, onProgress: (done: number) => void): Promise<UploadResult> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", `/api/users/imports?fileName=${encodeURIComponent(file.name)}&encoding=${encodeURIComponent(encoding)}`);
    xhr.setRequestHeader("Content-Type", "application/octet-stream");
    xhr.upload.addEventListener("progress", (e) => {
      if (e.lengthComputable && e.total > 0) onProgress(e.loaded / e.total);
    });
    xhr.addEventListener("load", () => resolve(readReply(xhr.status, xhr.responseText)));
    const failed = () =>
      resolve({ ok: false, error: "The file could not be uploaded: the connection to the console failed. Check your network connection and try again." });
    xhr.addEventListener("error", failed);
    xhr.addEventListener("abort", failed);
    xhr.addEventListener("timeout", failed);
    xhr.send(file);
  });
}

const createdReply = z.object({ id: z.string().min(1) });
// The console's JSON error shape (lib/http/json.ts), as the agent API uses too.
const errorReply = z.object({ error: z.object({ message: z.string().min(1) }) });

/** The route answers `{ id }` (201) or `{ error: { code, message } }`; anything else (a proxy's page, a crash) gets a message by status. */
function readReply(status: number, body: string): UploadResult {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    json = undefined;
  }
  const created = createdReply.safeParse(json);
  if (status >= 200 && status < 300 && created.success) return { ok: true, id: created.data.id };
  const refused = errorReply.safeParse(json);
  if (refused.success) return { ok: false, error: refused.data.error.message };
  if (status === 401) return { ok: false, error: "Your session has ended. Sign in again, then upload the file again." };
  if (status === 403) return { ok: false, error: "You do not have permission to import users." };
  if (status === 413) return { ok: false, error: TOO_LARGE_MESSAGE };
  return { ok: false, error: `The upload failed (HTTP ${status}). Try again in a moment.` };
}
