import { z } from "zod";
import { sha256 } from "@/lib/crypto/tokens";
import type { Db } from "@/lib/db/client";
import { unknownCredentialMessage } from "@/lib/enrollment/heartbeat";
import { credentialSchema } from "@/lib/enrollment/schema";
import { AppError } from "@/lib/errors";
import { computeEffectivePolicy, policyDocument, policyEtag } from "./effective-policy";

/** GET /api/agent/policy takes no query parameters. */
export const policyQuerySchema = z.strictObject({});

/**
 * The effective policy of the device holding a credential, as the JSON the
 * agent receives and its ETag. The device's workspace comes from the
 * credential's row, never from the request.
 */
export async function devicePolicy(db: Db, credential: string): Promise<{ body: string; etag: string }> {
  if (!credentialSchema.safeParse(credential).success) throw new AppError("UNAUTHENTICATED", { userMessage: unknownCredentialMessage });
  const device = await db.device.findUnique({ where: { credentialHash: sha256(credential) }, select: { id: true, workspaceId: true } });
  if (!device) throw new AppError("UNAUTHENTICATED", { userMessage: unknownCredentialMessage });
  const policy = await computeEffectivePolicy(db, device.workspaceId, device.id);
  // Removed between the two reads: as if never enrolled.
  if (!policy) throw new AppError("UNAUTHENTICATED", { userMessage: unknownCredentialMessage });
  const body = JSON.stringify({ deviceId: device.id, ...policyDocument(policy) });
  return { body, etag: policyEtag(body) };
}

/** Whether an If-None-Match header names this ETag (a list, `*`, and weak forms count). */
export function etagMatches(header: string | null, etag: string): boolean {
  if (!header) return false;
  return header.split(",").some((part) => {
    const tag = part.trim().replace(/^W\//, "");
    return tag === "*" || tag === etag;
  });
}
