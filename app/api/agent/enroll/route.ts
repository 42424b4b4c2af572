import { clientAddress } from "@/lib/auth/client-address";
import { sha256 } from "@/lib/crypto/tokens";
import { unscopedDb } from "@/lib/db/client";
import { enrollDevice } from "@/lib/enrollment/enroll-device";
import { agentRateRules, consumeRateLimits } from "@/lib/enrollment/rate-limits";
import { enrollBodySchema } from "@/lib/enrollment/schema";
import { handleJson, jsonResponse, parseJsonInput, readJsonBody } from "@/lib/http/json";

export const dynamic = "force-dynamic";

/** The device agent enrolls with the emailed token and receives its credential (once). */
export function POST(request: Request): Promise<Response> {
  return handleJson(async () => {
    const db = unscopedDb();
    await consumeRateLimits(db, [{ key: `agent-enroll:addr:${clientAddress(request.headers)}`, rule: agentRateRules.enrollPerAddress }]);
    const input = parseJsonInput(enrollBodySchema, await readJsonBody(request));
    await consumeRateLimits(db, [{ key: `agent-enroll:token:${sha256(input.token)}`, rule: agentRateRules.enrollPerToken }]);
    const { deviceId, credential } = await enrollDevice(db, input);
    return jsonResponse({ deviceId, credential });
  });
}
