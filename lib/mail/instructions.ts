import { randomBytes } from "node:crypto";
import { createElement } from "react";
import { render } from "@react-email/components";
import { z } from "zod";
import InstructionsEmail from "@/emails/instructions";

export type InstructionVars = { name: string; link: string };
export type RenderedEmail = { subject: string; html: string; text: string };

/** The email kind stored on outbox rows for these messages. */
export const INSTRUCTIONS_KIND = "instructions";

/** What an instructions row stores to be rendered at send time (the token is sealed apart, in `sealedToken`). */
export const instructionParamsSchema = z.object({ companyName: z.string(), name: z.string(), baseUrl: z.string() });
export type InstructionParams = z.infer<typeof instructionParamsSchema>;

/** The subject line, stored on the row for the Mailbox list. */
export function instructionsSubject(companyName: string): string {
  return `${companyName}: install the security application`;
}

/** The text version keeps headings as written (html-to-text upper-cases them: "MACOS", "IOS"). */
export const plainTextOptions = {
  plainText: true,
  htmlToTextOptions: { selectors: ["h1", "h2", "h3"].map((selector) => ({ selector, options: { uppercase: false } })) },
} as const;

/** React's text and attribute escaping (escapeTextForBrowser), so a substituted value matches a direct render. */
export function escapeHtml(value: string): string {
  return value.replace(/["&'<>]/g, (c) => ({ '"': "&quot;", "&": "&amp;", "'": "&#x27;", "<": "&lt;", ">": "&gt;" })[c]!);
}

/**
 * Renders the instructions email for a company once, with placeholder name
 * and link, and returns a function that fills in each user's values. A
 * React render costs milliseconds; the wizard queues up to 3,000 messages in
 * one transaction, so per-user rendering would not fit in its time budget.
 * The placeholders are random per call (nothing in the company name can
 * collide with them), and substitution is one pass, so a name that happens
 * to contain the other placeholder is not expanded again.
 */
export async function instructionEmailTemplate(companyName: string): Promise<(vars: InstructionVars) => RenderedEmail> {
  const tag = randomBytes(8).toString("hex");
  const nameToken = `rosterName${tag}`;
  const linkToken = `rosterLink${tag}`;
  const element = createElement(InstructionsEmail, { companyName, name: nameToken, link: linkToken });
  const [html, text] = await Promise.all([render(element), render(element, plainTextOptions)]);
  const pattern = new RegExp(`${nameToken}|${linkToken}`, "g");
  const subject = instructionsSubject(companyName);
  return ({ name, link }) => {
    const htmlName = escapeHtml(name);
    const htmlLink = escapeHtml(link);
    return {
      subject,
      html: html.replace(pattern, (token) => (token === nameToken ? htmlName : htmlLink)),
      // html-to-text collapses runs of white space; do the same so the text matches a direct render.
      text: text.replace(pattern, (token) => (token === nameToken ? name.replace(/\s+/g, " ") : link)),
    };
  };
}
