import type { Db } from "@/lib/db/client";
import type { RenderedEmail } from "@/lib/mail/instructions";
import { renderForDelivery } from "@/lib/mail/render-message";

/** A queued message as the outbox would send it now (rendered from its parameters and opened token). */
export async function renderQueued(db: Db, id: string): Promise<RenderedEmail> {
  const row = await db.emailMessage.findUniqueOrThrow({ where: { id }, select: { id: true, kind: true, params: true, sealedToken: true } });
  return renderForDelivery(row);
}

/** The enrollment token in a rendered message's link to `baseUrl`, if any. */
export function linkToken(text: string | undefined, baseUrl = "https://roster.example"): string | undefined {
  const escaped = baseUrl.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`${escaped}/enroll/([A-Za-z0-9_-]+)`).exec(text ?? "")?.[1];
}
