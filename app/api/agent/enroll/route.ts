import { clientAddress } from "@/lib/auth/client-address";
import { enrollDevice } from "@/lib/enrollment/enroll-device";
import { agentRateRules } from "@/lib/enrollment/rate-limits";
import { enrollBodySchema } from "@/lib/enrollment/schema";
import { machineRoute } from "@/lib/http/machine-route";

export const dynamic = "force-dynamic";

/** The device agent enrolls with the emailed token and receives its credential (once). */
export const POST = machineRoute(
  {
    access: "POST /api/agent/enroll",
    schema: enrollBodySchema,
    perAddress: { prefix: "agent-enroll", rule: agentRateRules.enrollPerAddress },
    credential: { from: "body", read: (input) => input.token },
    perCredential: { prefix: "agent-enroll:token", rule: agentRateRules.enrollPerToken },
  },
  async ({ db, input, request }) => {
    // The device's address goes on its device.enroll audit event.
    const { deviceId, credential } = await enrollDevice(db, input, new Date(), clientAddress(request.headers));
    return { deviceId, credential };
  },
);
