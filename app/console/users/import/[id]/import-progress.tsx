"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { formatCount } from "@/lib/format";

/**
 * The work the worker process is doing on an import (checking the file, or
 * creating accounts), refreshed from the server every second until it is done.
 * `total` is null while it is not known yet (the file is still being read).
 */
export function ImportProgress({ title, done, total, unit }: { title: string; done: number; total: number | null; unit: string }) {
  const router = useRouter();
  useEffect(() => {
    const timer = setInterval(() => router.refresh(), 1000);
    return () => clearInterval(timer);
  }, [router]);
  const percent = total === null ? null : total === 0 ? 100 : Math.floor((done / total) * 100);
  const status = total === null ? `${title} ${formatCount(done)} ${unit} so far` : `${title} ${formatCount(done)} of ${formatCount(total)}`;
  return (
    <section aria-labelledby="progress-title" className="space-y-3 rounded-lg border border-slate-200 bg-white p-5">
      <h2 id="progress-title" className="text-lg font-semibold text-ink">{title}</h2>
      <div
        role="progressbar"
        aria-label={title}
        aria-valuemin={0}
        aria-valuemax={total ?? undefined}
        aria-valuenow={total === null ? undefined : done}
        aria-valuetext={status}
        className="h-3 overflow-hidden rounded-full bg-slate-200"
      >
        {percent === null ? (
          <div className="h-full w-1/3 animate-pulse bg-brand-600/60" />
        ) : (
          <div className="h-full bg-brand-600 transition-all" style={{ width: `${percent}%` }} />
        )}
      </div>
      <p className="text-sm text-slate-600" role="status">
        {status}
        {percent === null ? "" : ` (${percent}%)`}. You can leave this page; the import goes on, and the import history shows how it ended.
      </p>
    </section>
  );
}
