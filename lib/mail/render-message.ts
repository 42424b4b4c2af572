import { SealError } from "@/lib/crypto/seal";
import { enrollmentLink } from "@/lib/enrollment/tokens";
import { INSTRUCTIONS_KIND, instructionEmailTemplate, instructionParamsSchema, type InstructionParams, type InstructionVars, type RenderedEmail } from "./instructions";
import { openEmailToken } from "./token-seal";

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

function instructionParams(row: StoredMessage): InstructionParams {
  if (row.kind !== INSTRUCTIONS_KIND) throw new UndeliverableError(`Unknown message kind "${row.kind}"; it cannot be rendered.`, true);
  let json: unknown;
  try {
    json = JSON.parse(row.params);
  } catch {
    json = null;
  }
  const parsed = instructionParamsSchema.safeParse(json);
  if (!parsed.success) throw new UndeliverableError("This message has no content to render (it was queued before links were sealed); use Resend to send a new one.", true);
  return parsed.data;
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
  const params = instructionParams(row);
  if (!row.sealedToken) throw new UndeliverableError("This message holds no enrollment link any more; use Resend to send a new one.", true);
  const token = openToken({ ...row, sealedToken: row.sealedToken });
  const fill = await instructionTemplate(params.companyName);
  return fill({ name: params.name, link: enrollmentLink(params.baseUrl, token) });
}

export type ViewedMessage = RenderedEmail & { link: "shown" | "hidden" | "unavailable"; note: string | null };

/**
 * A message as the Mailbox shows it: rendered from its parameters, with its
 * working link while the row still holds the sealed token (a queued message,
 * or one kept by the local mailbox), and "link hidden" once it has gone.
 */
export async function renderForViewing(row: StoredMessage): Promise<ViewedMessage> {
  let params: InstructionParams;
  try {
    params = instructionParams(row);
  } catch (error) {
    if (!(error instanceof UndeliverableError)) throw error;
    return { subject: "", html: "", text: "", link: "unavailable", note: error.message };
  }
  const fill = await instructionTemplate(params.companyName);
  if (!row.sealedToken) return { ...fill({ name: params.name, link: LINK_HIDDEN }), link: "hidden", note: `Link hidden: sent messages keep no usable link. Resend sends a new message with a new link.` };
  try {
    const token = openToken({ ...row, sealedToken: row.sealedToken });
    return { ...fill({ name: params.name, link: enrollmentLink(params.baseUrl, token) }), link: "shown", note: null };
  } catch (error) {
    if (!(error instanceof UndeliverableError)) throw error;
    return { ...fill({ name: params.name, link: "link unavailable" }), link: "unavailable", note: error.message };
  }
}
