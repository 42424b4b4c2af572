import { SealError } from "@/lib/crypto/seal";
import { enrollmentLink } from "@/lib/enrollment/tokens";
import { INSTRUCTIONS_KIND, instructionEmailTemplate, instructionParamsSchema, type InstructionParams, type InstructionVars, type RenderedEmail } from "./instructions";
import { openEmailToken } from "./token-seal";
import type { z } from "zod";
import {
  PASSWORD_CHANGED_KIND,
  PASSWORD_LINK_KIND,
  passwordChangedParamsSchema,
  passwordLinkParamsSchema,
  renderPasswordChangedEmail,
  renderPasswordLinkEmail,
  setPasswordLink,
  type PasswordLinkParams,
} from "./account-emails";

/** The columns a stored message is rendered from. */
export type StoredMessage = { id: string; kind: string; params: string; sealedToken: string | null };

/** A stored message that cannot be rendered; `permanent` when a retry cannot help (the outbox fails it at once). */
export class UndeliverableError extends Error {
  override name = "UndeliverableError";
  constructor(
    message: string,
    readonly permanent: boolean,
  ) {
    super(message);
  }
}

/** What a message shows in place of its link once the row no longer holds the sealed token. */
export const LINK_HIDDEN = "link hidden: sent messages keep no usable link";

const TEMPLATE_CACHE_SIZE = 200;
const templates = new Map<string, Promise<(vars: InstructionVars) => RenderedEmail>>();

/**
 * The instructions template of a company, rendered with React Email once per
 * process and company name (a render costs milliseconds; filling one in,
 * microseconds). Oldest entries go first when many workspaces send.
 */
function instructionTemplate(companyName: string): Promise<(vars: InstructionVars) => RenderedEmail> {
  let template = templates.get(companyName);
  if (!template) {
    template = instructionEmailTemplate(companyName);
    template.catch(() => templates.delete(companyName));
    templates.set(companyName, template);
    if (templates.size > TEMPLATE_CACHE_SIZE) templates.delete(templates.keys().next().value!);
  }
  return template;
}

/** The parsed parameters of a row, or an UndeliverableError saying why there are none. */
function parseParams<T>(row: StoredMessage, schema: z.ZodType<T>): T {
  let json: unknown;
  try {
    json = JSON.parse(row.params);
  } catch {
    json = null;
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new UndeliverableError("This message has no content to render (it was queued before links were sealed); use Resend to send a new one.", true);
  return parsed.data;
}

/**
 * How each kind of stored message is rendered. `link` turns the opened token
 * into the message's link (kinds without a token have none); `mailboxShowsLink`
 * says whether the Mailbox may show that link to administrators: an
 * enrollment link may be, a set-password link never (it would hand whoever
 * reads the Mailbox the account).
 */
type Kind = {
  link: ((params: never, token: string) => string) | null;
  mailboxShowsLink: boolean;
  render(row: StoredMessage, link: string | null): Promise<RenderedEmail>;
};

const kinds: Record<string, Kind> = {
  [INSTRUCTIONS_KIND]: {
    link: (params: InstructionParams, token: string) => enrollmentLink(params.baseUrl, token),
    mailboxShowsLink: true,
    async render(row, link) {
      const params = parseParams(row, instructionParamsSchema);
      const fill = await instructionTemplate(params.companyName);
      return fill({ name: params.name, link: link ?? LINK_HIDDEN });
    },
  },
  [PASSWORD_LINK_KIND]: {
    link: (params: PasswordLinkParams, token: string) => setPasswordLink(params.baseUrl, token),
    mailboxShowsLink: false,
    render: (row, link) => renderPasswordLinkEmail(parseParams(row, passwordLinkParamsSchema), link ?? LINK_HIDDEN),
  },
  [PASSWORD_CHANGED_KIND]: {
    link: null,
    mailboxShowsLink: false,
    render: (row) => renderPasswordChangedEmail(parseParams(row, passwordChangedParamsSchema)),
  },
};

const paramSchemas: Record<string, z.ZodType<unknown>> = {
  [INSTRUCTIONS_KIND]: instructionParamsSchema,
  [PASSWORD_LINK_KIND]: passwordLinkParamsSchema,
  [PASSWORD_CHANGED_KIND]: passwordChangedParamsSchema,
};

function kindOf(row: StoredMessage): Kind {
  const kind = Object.hasOwn(kinds, row.kind) ? kinds[row.kind] : undefined;
  if (!kind) throw new UndeliverableError(`Unknown message kind "${row.kind}"; it cannot be rendered.`, true);
  return kind;
}

/** The message's link from its sealed token; an UndeliverableError when it has none or it does not open. */
function linkOf(row: StoredMessage, kind: Kind & { link: NonNullable<Kind["link"]> }): string {
  if (!row.sealedToken) throw new UndeliverableError("This message holds no link any more; send a new one.", true);
  const token = openToken({ ...row, sealedToken: row.sealedToken });
  return kind.link(parseParams(row, paramSchemas[row.kind]) as never, token);
}

/** The enrollment token of a message, opened; a failure as the reason the outbox records. */
function openToken(row: StoredMessage & { sealedToken: string }): string {
  try {
    return openEmailToken(row.sealedToken, row.id);
  } catch (error) {
    if (!(error instanceof SealError)) throw error;
    if (error.code === "UNKNOWN_KEY") {
      // Another instance may hold the key (or the operator is mid-rotation): retry, as for a server that is down.
      throw new UndeliverableError(`The enrollment link was sealed with another AUTH_SECRET (${error.message}); give every instance the same AUTH_SECRET, or set AUTH_SECRET_PREVIOUS after changing it.`, false);
    }
    throw new UndeliverableError("The sealed enrollment link did not open (the stored value was altered or damaged), so nothing was sent. Use Resend to send a new link.", true);
  }
}

/** A message as it goes out: its template filled in with its parameters and the link from its opened token. */
export async function renderForDelivery(row: StoredMessage): Promise<RenderedEmail> {
  const kind = kindOf(row);
  return kind.render(row, kind.link ? linkOf(row, { ...kind, link: kind.link }) : null);
}

export type ViewedMessage = RenderedEmail & { link: "shown" | "hidden" | "unavailable" | "none"; note: string | null };

/**
 * A message as the Mailbox shows it: rendered from its parameters, with its
 * working link while the row still holds the sealed token (a queued message,
 * or one kept by the local mailbox) and its kind allows, and "link hidden"
 * otherwise.
 */
export async function renderForViewing(row: StoredMessage): Promise<ViewedMessage> {
  const empty = { subject: "", html: "", text: "" };
  try {
    const kind = kindOf(row);
    if (!kind.link) return { ...(await kind.render(row, null)), link: "none", note: null };
    if (!kind.mailboxShowsLink) {
      return { ...(await kind.render(row, LINK_HIDDEN)), link: "hidden", note: "Link hidden: a set-password link is shown only to the person it was sent to." };
    }
    if (!row.sealedToken) return { ...(await kind.render(row, LINK_HIDDEN)), link: "hidden", note: `Link hidden: sent messages keep no usable link. Resend sends a new message with a new link.` };
    try {
      return { ...(await kind.render(row, linkOf(row, { ...kind, link: kind.link }))), link: "shown", note: null };
    } catch (error) {
      if (!(error instanceof UndeliverableError)) throw error;
      return { ...(await kind.render(row, "link unavailable")), link: "unavailable", note: error.message };
    }
  } catch (error) {
    if (!(error instanceof UndeliverableError)) throw error;
    return { ...empty, link: "unavailable", note: error.message };
  }
}
