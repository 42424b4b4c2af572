/** The wizard's steps, with the current one marked for sight and screen readers. */
export function WizardStepper({ steps, current }: { steps: string[]; current: number }) {
  return (
    <ol aria-label="Steps" className="mb-6 flex flex-wrap items-center gap-2 text-sm">
      {steps.map((label, i) => {
        const state = i < current ? "done" : i === current ? "current" : "next";
        return (
          <li key={label} aria-current={state === "current" ? "step" : undefined} className="flex items-center gap-2">
            <span
              className={`flex h-7 w-7 items-center justify-center rounded-full text-xs font-semibold ${
                state === "current" ? "bg-brand-600 text-white" : state === "done" ? "bg-brand-100 text-brand-700" : "bg-slate-200 text-slate-600"
              }`}
            >
              {state === "done" ? "✓" : i + 1}
            </span>
            <span className={state === "current" ? "font-semibold text-ink" : "text-slate-600"}>{label}</span>
            {i < steps.length - 1 ? <span aria-hidden="true" className="mx-1 h-px w-8 bg-slate-300" /> : null}
          </li>
        );
      })}
    </ol>
  );
}
