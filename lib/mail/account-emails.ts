import { createElement } from "react";
import { render } from "@react-email/components";
import { z } from "zod";
import PasswordChangedEmail from "@/emails/password-changed";
import PasswordLinkEmail from "@/emails/password-link";
import { plainTextOptions, type RenderedEmail } from "./instructions";

/**
 * The account emails: a set-password link (activation or recovery) and the
 * notice that a password changed. They are few (one per person and event),
 * so each is rendered on its own at send time, unlike the instructions
 * template that is rendered once per company for thousands of messages.
 */
export const PASSWORD_LINK_KIND = "password_link";
export const PASSWORD_CHANGED_KIND = "password_changed";

export const passwordLinkParamsSchema = z.object({
  companyName: z.string(),
  name: z.string(),
  purpose: z.enum(["activation", "recovery"]),
  baseUrl: z.string(),
  validFor: z.string(),
  requestedBy: z.enum(["self", "administrator"]),
});
export type PasswordLinkParams = z.infer<typeof passwordLinkParamsSchema>;

export const passwordChangedParamsSchema = z.object({
  companyName: z.string(),
  name: z.string(),
  how: z.enum(["self", "link", "administrator"]),
  when: z.string(),
  mustChange: z.enum(["yes", "no"]),
});
export type PasswordChangedParams = z.infer<typeof passwordChangedParamsSchema>;

export function passwordLinkSubject(params: Pick<PasswordLinkParams, "companyName" | "purpose">): string {
  return params.purpose === "activation" ? `${params.companyName}: set your console password` : `${params.companyName}: reset your console password`;
}

export function passwordChangedSubject(companyName: string): string {
  return `${companyName}: your console password was changed`;
}

/** The set-password page a link token opens. */
export function setPasswordLink(baseUrl: string, token: string): string {
  return `${baseUrl.replace(/\/+$/, "")}/set-password/${token}`;
}

async function renderBoth(element: React.ReactElement, subject: string): Promise<RenderedEmail> {
  const [html, text] = await Promise.all([render(element), render(element, plainTextOptions)]);
  return { subject, html, text };
}

export function renderPasswordLinkEmail(params: PasswordLinkParams, link: string): Promise<RenderedEmail> {
  return renderBoth(createElement(PasswordLinkEmail, { ...params, link }), passwordLinkSubject(params));
}

export function renderPasswordChangedEmail(params: PasswordChangedParams): Promise<RenderedEmail> {
  return renderBoth(createElement(PasswordChangedEmail, { ...params, mustChange: params.mustChange === "yes" }), passwordChangedSubject(params.companyName));
}
