import { describe, expect, it } from "vitest";
import { DEFAULT_IDLE_MINUTES, sessionIdleMinutes } from "./session-policy";

describe("the session idle timeout", () => {
  it("is 30 minutes unless configured, and takes whole minutes from 5 to the 12-hour lifetime", () => {
    expect(sessionIdleMinutes({})).toBe(DEFAULT_IDLE_MINUTES);
    expect(sessionIdleMinutes({ ROSTER_SESSION_IDLE_MINUTES: "" })).toBe(30);
    expect(sessionIdleMinutes({ ROSTER_SESSION_IDLE_MINUTES: " 15 " })).toBe(15);
    expect(sessionIdleMinutes({ ROSTER_SESSION_IDLE_MINUTES: "720" })).toBe(720);
  });

  it("refuses anything else with a reason naming the variable", () => {
    for (const bad of ["abc", "2", "10.5", "721", "-30"]) {
      expect(() => sessionIdleMinutes({ ROSTER_SESSION_IDLE_MINUTES: bad })).toThrow(/^ROSTER_SESSION_IDLE_MINUTES must be .*\(got "/);
    }
  });
});
