import { createElement } from "react";
import { describe, expect, it } from "vitest";
import { render } from "@react-email/components";
import InstructionsEmail from "@/emails/instructions";
import { instructionEmailTemplate, plainTextOptions } from "./instructions";

describe("instruction email template", () => {
  const companyName = `Smith & "Sons" <Ltd>`;
  const name = `<b>O'Brien & "Co"</b>`;
  const link = "https://roster.example/enroll/abc?x=1&y=<2>";

  it("fills in a tricky name and link exactly as a direct render does", async () => {
    const fill = await instructionEmailTemplate(companyName);
    const email = fill({ name, link });
    const direct = await render(createElement(InstructionsEmail, { companyName, name, link }));
    expect(email.html).toBe(direct);
    expect(email.html).not.toContain("<b>O'Brien");
    expect(email.html).toContain("&lt;b&gt;O&#x27;Brien &amp; &quot;Co&quot;&lt;/b&gt;");
    expect(email.html).toContain(`href="https://roster.example/enroll/abc?x=1&amp;y=&lt;2&gt;"`);
    expect(email.subject).toContain(companyName);
  });

  it("puts the name and link into the text version", async () => {
    const fill = await instructionEmailTemplate(companyName);
    const email = fill({ name, link });
    expect(email.text).toContain(link);
    expect(email.text).toContain(`Hello ${name},`);
    const direct = await render(createElement(InstructionsEmail, { companyName, name, link }), plainTextOptions);
    expect(direct).toContain("macOS");
    expect(email.text).toBe(direct);
  });

  it("substitutes each user's values independently, leaving no placeholder", async () => {
    // Speed is measured by `npm run bench` (outbox delivery renders every message from this template), not asserted here.
    const fill = await instructionEmailTemplate("Acme");
    const emails = Array.from({ length: 300 }, (_, i) => fill({ name: `User ${i}`, link: `https://roster.example/e/${i}` }));
    expect(emails[42].html).toContain("Hello <!-- -->User 42<!-- -->,");
    expect(emails[42].html).toContain(`href="https://roster.example/e/42"`);
    expect(emails[42].text).toContain("https://roster.example/e/42");
    expect(emails[42].html).not.toContain("User 43");
    for (const email of emails) expect(email.html + email.text).not.toMatch(/roster(Name|Link)[0-9a-f]{16}/);
    expect(new Set(emails.map((e) => e.html)).size).toBe(emails.length);
  });
});
