import { agentRateRules } from "@/lib/enrollment/rate-limits";
import { machineRoute } from "@/lib/http/machine-route";
import { devicePolicy, etagMatches, policyQuerySchema } from "@/lib/profiles/device-policy";

export const dynamic = "force-dynamic";

/**
 * An enrolled device asks for its effective policy (`Authorization: Bearer
 * <credential>`); with `If-None-Match` equal to the current ETag the answer
 * is 304 with no body.
 */
export const GET = machineRoute(
  {
    access: "GET /api/agent/policy",
    schema: policyQuerySchema,
    input: "query",
    perAddress: { prefix: "agent-policy", rule: agentRateRules.policyPerAddress },
    credential: { from: "bearer", missing: "Send the device credential as Authorization: Bearer <credential>." },
    perCredential: { prefix: "agent-policy:cred", rule: agentRateRules.policyPerCredential },
  },
  async ({ db, credential, request }) => {
    const { body, etag } = await devicePolicy(db, credential);
    const headers = { ETag: etag, "Cache-Control": "private, no-cache" };
    if (etagMatches(request.headers.get("if-none-match"), etag)) return new Response(null, { status: 304, headers });
    return new Response(body, { status: 200, headers: { ...headers, "Content-Type": "application/json" } });
  },
);
