"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { formatCount } from "@/lib/format";

/** Create accounts: how far the import has got, refreshed from the server every second until it is done. */
export function ImportProgress({ processed, total }: { processed: number; total: number }) {
  const router = useRouter();
  useEffect(() => {
    const timer = setInterval(() => router.refresh(), 1000);
    return () => clearInterval(timer);
  }, [router]);
  const percent = total === 0 ? 100 : Math.floor((processed / total) * 100);
  return (
    <section aria-labelledby="progress-title" className="space-y-3 rounded-lg border border-slate-200 bg-white p-5">
      <h2 id="progress-title" className="text-lg font-semibold text-ink">Creating accounts…</h2>
      <div
        role="progressbar"
        aria-label="Rows processed"
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={processed}
        className="h-3 overflow-hidden rounded-full bg-slate-200"
      >
        <div className="h-full bg-brand-600 transition-all" style={{ width: `${percent}%` }} />
      </div>
      <p className="text-sm text-slate-600">
        {formatCount(processed)} of {formatCount(total)} rows ({percent}%). You can leave this page; the import goes on, and the import history shows
        how it ended.
      </p>
    </section>
  );
}
