import { clientAddress } from "@/lib/auth/client-address";
import { sha256 } from "@/lib/crypto/tokens";
import { unscopedDb } from "@/lib/db/client";
import { recordHeartbeat } from "@/lib/enrollment/heartbeat";
import { agentRateRules, consumeRateLimits } from "@/lib/enrollment/rate-limits";
import { heartbeatBodySchema } from "@/lib/enrollment/schema";
import { AppError } from "@/lib/errors";
import { handleJson, jsonResponse, parseJsonInput, readJsonBody } from "@/lib/http/json";

export const dynamic = "force-dynamic";

/** An enrolled device reports in, authenticated by `Authorization: Bearer <credential>`. */
export function POST(request: Request): Promise<Response> {
  return handleJson(async () => {
    const db = unscopedDb();
    await consumeRateLimits(db, [{ key: `agent-heartbeat:addr:${clientAddress(request.headers)}`, rule: agentRateRules.heartbeatPerAddress }]);
    const credential = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.get("authorization") ?? "")?.[1];
    if (!credential) throw new AppError("UNAUTHENTICATED", { userMessage: "Send the device credential as Authorization: Bearer <credential>." });
    const input = parseJsonInput(heartbeatBodySchema, await readJsonBody(request));
    await consumeRateLimits(db, [{ key: `agent-heartbeat:cred:${sha256(credential)}`, rule: agentRateRules.heartbeatPerCredential }]);
    const result = await recordHeartbeat(db, credential, input);
    return jsonResponse({ deviceId: result.deviceId, lastActivityAt: result.lastActivityAt.toISOString() });
  });
}
