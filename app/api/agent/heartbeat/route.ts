import { recordHeartbeat } from "@/lib/enrollment/heartbeat";
import { agentRateRules } from "@/lib/enrollment/rate-limits";
import { heartbeatBodySchema } from "@/lib/enrollment/schema";
import { machineRoute } from "@/lib/http/machine-route";

export const dynamic = "force-dynamic";

/** An enrolled device reports in, authenticated by `Authorization: Bearer <credential>`. */
export const POST = machineRoute(
  {
    access: "POST /api/agent/heartbeat",
    schema: heartbeatBodySchema,
    perAddress: { prefix: "agent-heartbeat", rule: agentRateRules.heartbeatPerAddress },
    credential: { from: "bearer", missing: "Send the device credential as Authorization: Bearer <credential>." },
    perCredential: { prefix: "agent-heartbeat:cred", rule: agentRateRules.heartbeatPerCredential },
  },
  async ({ db, input, credential }) => {
    const result = await recordHeartbeat(db, credential, input);
    return { deviceId: result.deviceId, lastActivityAt: result.lastActivityAt.toISOString() };
  },
);
