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

  it("substitutes each user's values independently and fast", async () => {
    const fill = await instructionEmailTemplate("Acme");
    const t = performance.now();
    const emails = Array.from({ length: 3000 }, (_, i) => fill({ name: `User ${i}`, link: `https://roster.example/e/${i}` }));
    expect(performance.now() - t).toBeLessThan(500);
    expect(emails[42].html).toContain("User 42");
    expect(emails[42].html).toContain("https://roster.example/e/42");
    expect(emails[42].html).not.toContain("rosterName");
  });
});
