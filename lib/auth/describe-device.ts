import Bowser from "bowser";

export type DeviceDescription = { browser: string; os: string; mobile: boolean };

/**
 * A session's browser and operating system as people name them ("Chrome 131",
 * "Windows 10"), read from its User-Agent by bowser. Versions are cut to
 * the major one: a User-Agent's minor numbers say little to a person, and
 * Chrome freezes them anyway. An empty or unreadable User-Agent reads as
 * "Unknown browser" / "Unknown system".
 */
export function describeDevice(userAgent: string): DeviceDescription {
  if (!userAgent.trim()) return { browser: "Unknown browser", os: "Unknown system", mobile: false };
  const result = Bowser.parse(userAgent);
  const major = (version: string | undefined) => (version ?? "").split(".")[0];
  const browser = [result.browser.name, major(result.browser.version)].filter(Boolean).join(" ") || "Unknown browser";
  // Windows versions are named ("10", "11" share one User-Agent token; bowser names them), others numbered.
  const osVersion = result.os.versionName || major(result.os.version);
  const os = [result.os.name, osVersion].filter(Boolean).join(" ") || "Unknown system";
  return { browser, os, mobile: result.platform.type === "mobile" || result.platform.type === "tablet" };
}
