import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { LocalTime } from "@/components/local-time";
import { detectPlatform, platformCatalog } from "@/lib/enrollment/platform";
import { enrollmentQrSvg } from "@/lib/enrollment/qr-code";
import { enrollmentLink, enrollmentPageState } from "@/lib/enrollment/tokens";
import { publicBaseUrl } from "@/lib/http/base-url";
import { CopyLinkButton } from "./copy-link-button";
import { EnrollQrCode } from "./enroll-qr-code";
import { LinkProblem } from "./link-problem";
import { PlatformInstructions } from "./platform-instructions";

// Read on every request and never cached; GET and HEAD only read (mail scanners open links first).
export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Protect your devices", robots: { index: false, follow: false } };

/** The end user's page behind the emailed link: per-platform downloads and steps, the visitor's platform first. */
export default async function EnrollPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const state = await enrollmentPageState(token);
  // An unknown link answers 404 (not-found.tsx says what to do); expired and revoked ones explain themselves here.
  if (state.status === "unknown") notFound();
  if (state.status !== "valid") return <LinkProblem status={state.status} />;

  const requestHeaders = await headers();
  const detected = detectPlatform(requestHeaders.get("user-agent"));
  const catalog = platformCatalog();
  const first = catalog.find((p) => p.id === detected);
  const others = catalog.filter((p) => p !== first);
  const name = state.user.displayName || state.user.alias;
  // A phone cannot scan its own screen, and once the link's phone or tablet is connected it could not connect another.
  const qrSvg = first?.mobile || state.mobileUsed ? null : await enrollmentQrSvg(enrollmentLink(publicBaseUrl(requestHeaders), token));

  return (
    <>
      <h1 className="text-xl font-semibold text-ink">Protect your devices, {name}</h1>
      <p className="mt-2 text-sm text-slate-700">
        {state.companyName} uses Roster to protect the computers, phones and tablets you use for work. Install the Roster Agent
        on each device and connect it with the link from your email.
      </p>

      <div className="mt-4 rounded-md border border-brand-100 bg-brand-50 px-4 py-3 text-sm text-slate-800">
        <p>
          <strong>This link connects any number of computers</strong> (Windows, macOS, Linux) <strong>but only one phone or tablet</strong> (Android, iPhone, iPad).
        </p>
        <p className="mt-1">
          {state.mobileUsed
            ? "A phone or tablet is already connected with this link. To connect another one, ask your administrator to send you a new message."
            : "No phone or tablet is connected with this link yet."}
        </p>
        <p className="mt-1 text-slate-600">The link works until <LocalTime date={state.expiresAt} dateOnly hint={false} />.</p>
        <CopyLinkButton />
        {qrSvg === null ? null : (
          <div className="mt-4 border-t border-brand-100 pt-4">
            <EnrollQrCode svg={qrSvg} />
          </div>
        )}
      </div>

      {first ? (
        <section aria-labelledby="this-device" className="mt-6">
          <h2 id="this-device" className="text-lg font-semibold text-ink">On this device: {first.label}</h2>
          <div className="mt-3">
            <PlatformInstructions platform={first} mobileUsed={state.mobileUsed} />
          </div>
        </section>
      ) : null}

      <section aria-labelledby="other-devices" className="mt-6">
        <h2 id="other-devices" className="text-lg font-semibold text-ink">{first ? "Other devices" : "Choose your device"}</h2>
        <div className="mt-2 divide-y divide-slate-200 rounded-lg border border-slate-200">
          {others.map((platform) => (
            <details key={platform.id} className="group px-4 py-3">
              <summary className="cursor-pointer text-sm font-medium text-brand-700">{platform.label}</summary>
              <div className="mt-3">
                <PlatformInstructions platform={platform} mobileUsed={state.mobileUsed} />
              </div>
            </details>
          ))}
        </div>
      </section>
    </>
  );
}
