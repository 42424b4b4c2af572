/** Rows per transaction, and after each a pause of `pauseFactor` times as long as it took, so that other writers get their turn. */
export type Pacing = { batch?: number; pauseFactor?: number };

/** The pause `pacing` asks for after a batch begun at `started` (performance.now()). */
export async function pauseAfter(pacing: Pacing | undefined, started: number): Promise<void> {
  if (!pacing?.pauseFactor) return;
  const pause = Math.max(25, (performance.now() - started) * pacing.pauseFactor);
  await new Promise((resolve) => setTimeout(resolve, pause));
}
