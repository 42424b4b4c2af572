import { describe, expect, it } from "vitest";
import { detectPlatform, platformCatalog } from "./platform";

const agents = {
  windows: "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
  windowsEdge: "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0",
  macos: "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15",
  linux: "Mozilla/5.0 (X11; Linux x86_64; rv:132.0) Gecko/20100101 Firefox/132.0",
  ubuntu: "Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:132.0) Gecko/20100101 Firefox/132.0",
  android: "Mozilla/5.0 (Linux; Android 15; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36",
  androidTablet: "Mozilla/5.0 (Linux; Android 14; SM-X710) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
  iphone: "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1",
  iphoneChrome: "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/131.0.6778.73 Mobile/15E148 Safari/604.1",
  ipadOld: "Mozilla/5.0 (iPad; CPU OS 12_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/12.1.2 Mobile/15E148 Safari/604.1",
  // iPadOS 13+ Safari in its default desktop mode: byte for byte a Mac's User-Agent.
  ipadDesktop: "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15",
  chromeos: "Mozilla/5.0 (X11; CrOS x86_64 14541.0.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
};

describe("detectPlatform", () => {
  it("recognises each supported platform", () => {
    expect(detectPlatform(agents.windows)).toBe("windows");
    expect(detectPlatform(agents.windowsEdge)).toBe("windows");
    expect(detectPlatform(agents.macos)).toBe("macos");
    expect(detectPlatform(agents.linux)).toBe("linux");
    expect(detectPlatform(agents.ubuntu)).toBe("linux");
    expect(detectPlatform(agents.android)).toBe("android");
    expect(detectPlatform(agents.androidTablet)).toBe("android");
    expect(detectPlatform(agents.iphone)).toBe("ios");
    expect(detectPlatform(agents.iphoneChrome)).toBe("ios");
    expect(detectPlatform(agents.ipadOld)).toBe("ipados");
  });

  it("reads an iPadOS 13+ desktop-mode User-Agent as macOS, since it is identical to a Mac's", () => {
    expect(detectPlatform(agents.ipadDesktop)).toBe("macos");
  });

  it("returns null for unknown or missing agents", () => {
    expect(detectPlatform(agents.chromeos)).toBeNull();
    expect(detectPlatform("curl/8.5.0")).toBeNull();
    expect(detectPlatform("")).toBeNull();
    expect(detectPlatform(null)).toBeNull();
  });
});

describe("platformCatalog", () => {
  it("builds download links from ROSTER_DOWNLOAD_BASE_URL and the store variables", () => {
    const catalog = platformCatalog({ ROSTER_DOWNLOAD_BASE_URL: "https://dl.corp.test/roster/", ROSTER_PLAY_STORE_URL: "https://play.test/x" });
    expect(catalog.find((p) => p.id === "windows")!.download.url).toBe("https://dl.corp.test/roster/windows/RosterAgentSetup.exe");
    expect(catalog.find((p) => p.id === "android")!.download.url).toBe("https://play.test/x");
    expect(catalog.map((p) => p.id)).toEqual(["windows", "macos", "linux", "android", "ios", "ipados"]);
    expect(catalog.filter((p) => p.mobile).map((p) => p.id)).toEqual(["android", "ios", "ipados"]);
  });

  it("names each platform without parentheses, since the page puts the name in a sentence", () => {
    const labels = platformCatalog({}).map((p) => p.label);
    expect(labels).toEqual(["Windows", "macOS", "Linux", "Android", "iOS for iPhone", "iPadOS for iPad"]);
    for (const label of labels) expect(label).not.toMatch(/[()]/);
  });
});
