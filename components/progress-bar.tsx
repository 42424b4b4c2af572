import { useId } from "react";

/** A labelled progress bar (0–1), announced to assistive technology as a percentage. */
export function ProgressBar({ label, done }: { label: string; done: number }) {
  const labelId = useId();
  const percent = Math.round(Math.min(1, Math.max(0, done)) * 100);
  return (
    <div className="space-y-1">
      <div className="flex justify-between gap-4 text-xs text-slate-600">
        <span id={labelId}>{label}</span>
        <span aria-hidden="true">{percent}%</span>
      </div>
      <div
        role="progressbar"
        aria-labelledby={labelId}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        className="h-2 w-full overflow-hidden rounded-full bg-slate-200"
      >
        <div className="h-full rounded-full bg-brand-600 transition-[width] duration-150" style={{ width: `${percent}%` }} />
      </div>
    </div>
  );
}
