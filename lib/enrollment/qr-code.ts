import QRCode from "qrcode";

/**
 * The enrollment link as a QR code, an SVG document drawn on the server (no
 * script, nothing fetched): a phone's camera opens the same page. Error
 * correction M (15%) keeps the code small enough for a ~120-character link
 * while surviving a glare or a smudge; the 4-module quiet zone is what
 * scanners expect around the code.
 */
export async function enrollmentQrSvg(link: string): Promise<string> {
  return QRCode.toString(link, { type: "svg", errorCorrectionLevel: "M", margin: 4, color: { dark: "#0f1b2dff", light: "#ffffffff" } });
}
