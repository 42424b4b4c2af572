import { describe, expect, it } from "vitest";
import { passwordProblem, PASSWORD_MIN_LENGTH } from "./password-policy";

describe("passwordProblem", () => {
  it("wants at least 12 characters, counted as people see them", () => {
    expect(passwordProblem("short pass")).toMatch(/at least 12/);
    expect(passwordProblem("x".repeat(PASSWORD_MIN_LENGTH - 1))).toMatch(/at least 12/);
    // Eleven emoji are eleven characters, although 22 UTF-16 units.
    expect(passwordProblem("🔒".repeat(11))).toMatch(/at least 12/);
    expect(passwordProblem("violet tractor harbour")).toBeNull();
  });

  it("refuses the common passwords of the list, in any case", () => {
    expect(passwordProblem("password1234")).toMatch(/too common/);
    expect(passwordProblem("PASSWORD1234")).toMatch(/too common/);
    expect(passwordProblem("1qaz2wsx3edc4rfv")).toMatch(/too common/);
    expect(passwordProblem("passwordpassword")).toMatch(/too common/);
    expect(passwordProblem("password1234 violet")).toBeNull();
  });

  it("refuses a password built on the email's mailbox name, from three characters on", () => {
    expect(passwordProblem("Nora.Newcomer-2026!", "nora.newcomer@acme.example")).toMatch(/email's name/);
    expect(passwordProblem("violet tractor harbour", "nora.newcomer@acme.example")).toBeNull();
    expect(passwordProblem("jo jo jo jo jo jo", "jo@acme.example")).toBeNull();
  });

  it("caps the length", () => {
    expect(passwordProblem("a".repeat(257))).toMatch(/at most 256/);
  });
});
