/** Timing helpers: repeated runs after warm-ups, and their median and 95th percentile. */

export type Timing = { total: number; db: number; render: number };
export type Summary = { runs: number; median: Timing; p95: number; min: number; max: number };

/** Runs `once` `warmups` times unmeasured, then `runs` times, keeping each run's timings. */
export async function measure(once: () => Promise<Timing>, { warmups = 3, runs = 20 } = {}): Promise<Summary> {
  for (let i = 0; i < warmups; i++) await once();
  const samples: Timing[] = [];
  for (let i = 0; i < runs; i++) samples.push(await once());
  const totals = samples.map((s) => s.total);
  return {
    runs,
    median: { total: median(totals), db: median(samples.map((s) => s.db)), render: median(samples.map((s) => s.render)) },
    p95: percentile(totals, 0.95),
    min: Math.min(...totals),
    max: Math.max(...totals),
  };
}

export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** Nearest-rank percentile (p in 0..1). */
export function percentile(values: number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.max(0, Math.ceil(p * s.length) - 1)];
}

/** Milliseconds since `start` (a performance.now() value). */
export function since(start: number): number {
  return performance.now() - start;
}

/** Pads cells into aligned columns; the first column left-aligned, the rest right-aligned. */
export function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ");
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}
