import { describe, expect, it } from "vitest";
import { createTransport, describeTransport } from "./transport";

describe("mail transport", () => {
  it("describes the SMTP server without its password", () => {
    const text = describeTransport("smtps://mailer:s3cr%40t@smtp.example.com:465?maxConnections=3");
    expect(text).toContain("smtp.example.com:465");
    expect(text).toContain("mailer");
    expect(text).not.toContain("s3cr");
    expect(describeTransport("not a url :// s3cret")).not.toContain("s3cret");
    expect(describeTransport(undefined)).toMatch(/^mailbox/);
  });

  it("uses the mailbox without SMTP_URL and refuses other schemes", () => {
    expect(createTransport("").kind).toBe("mailbox");
    expect(() => createTransport("http://user:s3cret@example.com")).toThrow(/smtp:\/\//);
    expect(() => createTransport("::not a url s3cret")).toThrow(/^SMTP_URL is not a valid URL$/);
  });
});
