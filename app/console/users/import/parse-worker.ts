/**
 * The browser's reading of an import file, off the main thread so a large
 * file does not freeze the page: the same `inspectCsv` the server runs on
 * the upload, reporting its progress and sending back only a preview.
 */
import { inspectCsv } from "@/lib/csv/inspect";
import { previewOf, type ParseReply, type ParseRequest } from "./csv-preview";

function reply(message: ParseReply): void {
  self.postMessage(message);
}

self.addEventListener("message", async (event: MessageEvent<ParseRequest>) => {
  const { file, encoding } = event.data;
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await file.arrayBuffer());
  } catch {
    return reply({ type: "refused", error: "The file could not be read. It may have been moved or changed; choose it again." });
  }
  const result = inspectCsv(bytes, encoding, { onProgress: (done) => reply({ type: "progress", done }) });
  if (result.ok) return reply({ type: "done", preview: previewOf(result.csv) });
  // Only the columns are wrong: the server may know these headers from an earlier import, and the admin can choose them there.
  if (result.csv) return reply({ type: "done", preview: { ...previewOf(result.csv), missingEmail: result.error } });
  reply({ type: "refused", error: result.error });
});
