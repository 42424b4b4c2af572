/** The page's own link as a QR code (`svg` from lib/enrollment/qr-code.ts), to open it on a phone or tablet by pointing its camera at the screen. */
export function EnrollQrCode({ svg }: { svg: string }) {
  return (
    <figure className="flex items-center gap-4">
      {/* The SVG is made by the qrcode library from the link alone, so it holds no markup from the request. */}
      <div
        role="img"
        aria-label="QR code of this enrollment link"
        data-testid="enroll-qr"
        className="w-32 shrink-0 rounded-md border border-slate-200 bg-white [&>svg]:block [&>svg]:h-auto [&>svg]:w-full"
        dangerouslySetInnerHTML={{ __html: svg }}
      />
      <figcaption className="text-sm text-slate-700">
        <strong className="block text-slate-900">Connect a phone or tablet</strong>
        Scan this code with its camera to open this page there, then follow the steps for the device.
      </figcaption>
    </figure>
  );
}
