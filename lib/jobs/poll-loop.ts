import { randomUUID } from "node:crypto";

export type PollLoop = { stop: () => Promise<void> };

/**
 * Runs `round` again and again in the worker process: at once while it says
 * there may be more to do, otherwise after `intervalMs`. A failed round is
 * logged with a reference and retried after a growing pause (up to a
 * minute), so a database outage neither stops the loop nor floods the log.
 * `stop` lets the round in progress finish.
 */
export function pollLoop(name: string, round: () => Promise<boolean>, options: { intervalMs: number; maxBackoffMs?: number }): PollLoop {
  const { intervalMs, maxBackoffMs = 60_000 } = options;
  let stopped = false;
  let wake: (() => void) | undefined;
  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });

  const loop = async () => {
    let errors = 0;
    while (!stopped) {
      let wait = intervalMs;
      try {
        if (await round()) wait = 0;
        errors = 0;
      } catch (error) {
        errors++;
        console.error(`[${name} ${randomUUID().slice(0, 8)}] round failed; retrying`, error);
        wait = Math.min(intervalMs * 2 ** errors, maxBackoffMs);
      }
      if (!stopped && wait > 0) await pause(wait);
    }
  };
  const running = loop();
  return {
    stop: async () => {
      stopped = true;
      wake?.();
      await running;
    },
  };
}
