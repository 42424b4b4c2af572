import path from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, parseDatabaseUrl, redact } from "./url";

describe("parseDatabaseUrl", () => {
  it("defaults to the SQLite file under ./data", () => {
    expect(parseDatabaseUrl(undefined)).toEqual({ provider: "sqlite", url: "file:./data/roster.db", file: path.resolve("data/roster.db") });
    expect(parseDatabaseUrl("  ")).toMatchObject({ provider: "sqlite" });
  });
  it("takes absolute and relative SQLite paths", () => {
    expect(parseDatabaseUrl("file:/var/lib/roster.db")).toMatchObject({ file: "/var/lib/roster.db" });
    expect(parseDatabaseUrl("file:///var/lib/roster.db")).toMatchObject({ file: "/var/lib/roster.db" });
  });
  it("takes both PostgreSQL schemes", () => {
    expect(parseDatabaseUrl("postgres://u:p@db:5432/roster").provider).toBe("postgresql");
    expect(parseDatabaseUrl("postgresql://db/roster").provider).toBe("postgresql");
  });
  it("refuses anything else with one line that hides the password", () => {
    expect(() => parseDatabaseUrl("mysql://u:secret@db/roster")).toThrow(ConfigError);
    expect(() => parseDatabaseUrl("mysql://u:secret@db/roster")).toThrow(/must start with file: .* got "mysql:\/\/u:\*\*\*@db\/roster"/);
    expect(() => parseDatabaseUrl("file:")).toThrow(/names no SQLite file/);
    expect(() => parseDatabaseUrl("postgresql://")).toThrow(/not a valid PostgreSQL URL/);
  });
  it("redacts passwords", () => {
    expect(redact("postgresql://roster:s3cr%40t@db:5432/x")).toBe("postgresql://roster:***@db:5432/x");
  });
});
