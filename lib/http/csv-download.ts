/**
 * A streamed CSV download: pulls the next piece of text only when the client
 * has taken the previous one (so memory stays flat), and hands a cancelled
 * download back to the producer through `return()`.
 */
export function csvDownload(fileName: string, lines: AsyncGenerator<string>, logLabel: string): Response {
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const next = await lines.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(next.value));
      } catch (error) {
        console.error(`[${logLabel}]`, error);
        controller.error(error);
      }
    },
    async cancel() {
      await lines.return(undefined);
    },
  });
  // File names are ours (e.g. users-2026-11-21.csv); anything else is replaced so the header stays well-formed.
  const safeName = fileName.replace(/[^\w.-]/g, "_");
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${safeName}"`,
      "Cache-Control": "no-store",
    },
  });
}
