import type { ReactNode } from "react";

/** The public pages' frame (sign-in, setup, enrollment): the Roster mark above one card. */
export function BrandedCard({ children, width = "narrow" }: { children: ReactNode; width?: "narrow" | "wide" }) {
  return (
    <main className="flex min-h-screen justify-center bg-gradient-to-b from-brand-50 to-slate-100 px-4 py-12">
      <div className={`w-full ${width === "narrow" ? "max-w-md self-center" : "max-w-2xl"}`}>
        <div className="mb-6 flex items-center justify-center gap-2 text-brand-700">
          <svg aria-hidden="true" viewBox="0 0 24 24" className="h-8 w-8" fill="currentColor">
            <path d="M12 2 4 5v6c0 5 3.4 9.7 8 11 4.6-1.3 8-6 8-11V5l-8-3Zm0 2.2 6 2.2V11c0 4-2.6 7.9-6 9-3.4-1.1-6-5-6-9V6.4l6-2.2Z" />
          </svg>
          <span className="text-2xl font-semibold tracking-tight">Roster</span>
        </div>
        <div className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm sm:p-8">{children}</div>
      </div>
    </main>
  );
}
