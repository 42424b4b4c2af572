import type { PlatformInfo } from "@/lib/enrollment/platform";

/** One platform's download link and numbered steps. */
export function PlatformInstructions({ platform, mobileUsed }: { platform: PlatformInfo; mobileUsed: boolean }) {
  return (
    <div>
      {platform.mobile && mobileUsed ? (
        <p role="note" className="mb-3 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          This link has already connected a phone or tablet. To connect this one, ask your administrator to send you a new message.
        </p>
      ) : (
        // No store button once the link's one phone or tablet is connected: it could not connect another.
        <a
          href={platform.download.url}
          rel="noopener noreferrer"
          className="inline-flex items-center justify-center gap-2 rounded-md bg-brand-600 px-3.5 py-2 text-sm font-medium text-white shadow-sm hover:bg-brand-700"
        >
          {platform.download.label}
        </a>
      )}
      <ol className="mt-4 list-decimal space-y-1.5 pl-5 text-sm text-slate-700">
        {platform.steps.map((step) => (
          <li key={step}>{step}</li>
        ))}
      </ol>
    </div>
  );
}
