import { describe, expect, it } from "vitest";
import { formatDate, formatDateTime, formatLocalDate, formatLocalDateTime, formatRelative } from "./format";

const at = new Date("2026-12-01T11:35:00Z");

describe("times", () => {
  it("writes the explicit UTC form the server renders and tooltips show", () => {
    expect(formatDateTime(at)).toBe("1 Dec 2026, 11:35 UTC");
    expect(formatDate(at)).toBe("1 Dec 2026");
  });

  it("writes a time in a given zone with the zone's short name, day first", () => {
    expect(formatLocalDateTime(at, "UTC")).toBe("1 Dec 2026, 11:35 UTC");
    expect(formatLocalDateTime(at, "America/New_York")).toBe("1 Dec 2026, 06:35 GMT-5");
    expect(formatLocalDateTime(at, "Asia/Kolkata")).toBe("1 Dec 2026, 17:05 GMT+5:30");
    // Late in the evening UTC is already tomorrow further east.
    expect(formatLocalDate(new Date("2026-12-01T23:30:00Z"), "Asia/Tokyo")).toBe("2 Dec 2026");
  });

  it("says how far a time is from now, rounded in its largest unit", () => {
    const ago = (ms: number) => formatRelative(new Date(at.getTime() - ms), at);
    expect(ago(20_000)).toBe("just now");
    expect(ago(-20_000)).toBe("just now");
    expect(ago(5 * 60_000)).toBe("5 minutes ago");
    expect(ago(3 * 3_600_000 + 20 * 60_000)).toBe("3 hours ago");
    expect(ago(86_400_000 + 3_600_000)).toBe("yesterday");
    expect(ago(3 * 86_400_000 + 5 * 3_600_000)).toBe("3 days ago");
    // A token valid 720 days expires "in 2 years", not "next year".
    expect(ago(-720 * 86_400_000)).toBe("in 2 years");
    expect(ago(-2 * 86_400_000)).toBe("in 2 days");
    expect(ago(400 * 86_400_000)).toBe("last year");
  });
});
