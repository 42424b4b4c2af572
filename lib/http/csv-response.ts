/**
 * A CSV download streamed from an async generator of text: each piece is
 * pulled only when the client is ready for it, so memory stays flat, and a
 * client that goes away stops the generator (its `finally` blocks run).
 */
export function streamCsv(lines: AsyncGenerator<string>, fileName: string): Response {
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const next = await lines.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(next.value));
      } catch (error) {
        console.error(`[csv ${fileName}]`, error);
        controller.error(error);
      }
    },
    async cancel() {
      await lines.return(undefined);
    },
  });
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${fileName.replace(/["\\\r\n]/g, "")}"`,
      "Cache-Control": "no-store",
    },
  });
}
