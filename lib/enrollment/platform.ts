import type { AgentOs } from "./schema";

export type Platform = AgentOs;

/**
 * The visitor's platform from the User-Agent, or null when it is not one the
 * agent supports. iPadOS 13+ Safari asks for desktop sites by default and
 * sends the same "Macintosh" User-Agent as a Mac, so such iPads are read as
 * macOS: the server cannot tell them apart (only touch support in the browser
 * can), and the enrollment page therefore keeps iPadOS one click away and says
 * so in the macOS instructions.
 */
export function detectPlatform(userAgent: string | null | undefined): Platform | null {
  const ua = userAgent ?? "";
  if (/\biPad\b/.test(ua)) return "ipados";
  if (/\biPhone\b|\biPod\b/.test(ua)) return "ios";
  // Android's User-Agent also says Linux, so it is checked first.
  if (/\bAndroid\b/i.test(ua)) return "android";
  if (/\bWindows\b/.test(ua)) return "windows";
  if (/\bMacintosh\b|\bMac OS X\b/.test(ua)) return "macos";
  if (/\bCrOS\b/.test(ua)) return null;
  if (/\bLinux\b|\bX11\b/.test(ua)) return "linux";
  return null;
}

export type PlatformInfo = {
  id: Platform;
  /** The name people know the platform by; no parentheses, since headings put it in a sentence ("On this device: iOS for iPhone"). */
  label: string;
  mobile: boolean;
  download: { url: string; label: string };
  steps: string[];
};

const DEFAULT_DOWNLOAD_BASE = "https://downloads.roster.example/agent";

/**
 * Each platform's download and steps. Downloads come from
 * ROSTER_DOWNLOAD_BASE_URL; the store pages from ROSTER_PLAY_STORE_URL and
 * ROSTER_APP_STORE_URL (placeholders until the apps are published).
 */
export function platformCatalog(env: Record<string, string | undefined> = process.env): PlatformInfo[] {
  const base = (env.ROSTER_DOWNLOAD_BASE_URL?.trim() || DEFAULT_DOWNLOAD_BASE).replace(/\/+$/, "");
  const playStore = env.ROSTER_PLAY_STORE_URL?.trim() || "https://play.google.com/store/apps/details?id=example.roster.agent";
  const appStore = env.ROSTER_APP_STORE_URL?.trim() || "https://apps.apple.com/app/roster-agent/id0000000000";
  const connect = "Open Roster Agent, choose Connect, and paste the link from your email when it asks for it.";
  return [
    {
      id: "windows", label: "Windows", mobile: false,
      download: { url: `${base}/windows/RosterAgentSetup.exe`, label: "Download for Windows (.exe)" },
      steps: ["Download the installer and run it. Windows may ask you to allow changes: choose Yes.", connect, "Leave the app running; it protects this computer in the background."],
    },
    {
      id: "macos", label: "macOS", mobile: false,
      download: { url: `${base}/macos/RosterAgent.pkg`, label: "Download for macOS (.pkg)" },
      steps: ["Download the package, open it and follow the installer.", "When macOS asks, allow the system extension in System Settings → Privacy & Security.", connect, "On an iPad? iPads can look like a Mac to this page: use the iPadOS instructions instead."],
    },
    {
      id: "linux", label: "Linux", mobile: false,
      download: { url: `${base}/linux/roster-agent_amd64.deb`, label: "Download for Linux (.deb)" },
      steps: ["Download the package and install it, e.g. sudo apt install ./roster-agent_amd64.deb.", "Run roster-agent connect and paste the link from your email when it asks for it."],
    },
    {
      id: "android", label: "Android", mobile: true,
      download: { url: playStore, label: "Get it on Google Play" },
      steps: ["Install Roster Agent from Google Play.", connect, "Allow the permissions the app asks for."],
    },
    {
      id: "ios", label: "iOS for iPhone", mobile: true,
      download: { url: appStore, label: "Download on the App Store" },
      steps: ["Install Roster Agent from the App Store.", connect, "Allow the VPN configuration when iOS asks; it filters dangerous sites."],
    },
    {
      id: "ipados", label: "iPadOS for iPad", mobile: true,
      download: { url: appStore, label: "Download on the App Store" },
      steps: ["Install Roster Agent from the App Store.", connect, "Allow the VPN configuration when iPadOS asks; it filters dangerous sites."],
    },
  ];
}
