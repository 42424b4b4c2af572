import { describe, expect, it } from "vitest";
import { describeDevice } from "./describe-device";

describe("a session's device", () => {
  it("names the browser and system of common User-Agents", () => {
    const cases: [string, string, string][] = [
      ["Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36", "Chrome 131", "Windows 10"],
      ["Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15", "Safari 18", "macOS Catalina"],
      ["Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0", "Firefox 133", "Linux"],
      ["Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1", "Safari 18", "iOS 18"],
      ["Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0", "Microsoft Edge 131", "Windows 10"],
    ];
    for (const [ua, browser, os] of cases) expect(describeDevice(ua), ua).toMatchObject({ browser, os });
    expect(describeDevice(cases[3][0]).mobile).toBe(true);
  });

  it("says so when there is nothing to read", () => {
    expect(describeDevice("")).toEqual({ browser: "Unknown browser", os: "Unknown system", mobile: false });
    expect(describeDevice("curl/8.5.0").os).toBe("Unknown system");
  });
});
