import { z } from "zod";

/** Operating systems the agent reports, as the API spells them. */
export const agentOsValues = ["windows", "macos", "linux", "android", "ios", "ipados"] as const;
export type AgentOs = (typeof agentOsValues)[number];
/** Phones and tablets: one per token. */
export const mobileOsValues: readonly AgentOs[] = ["android", "ios", "ipados"];

export const componentValues = ["Agent", "Antivirus", "Firewall", "Containment"] as const;
export type Component = (typeof componentValues)[number];

const TOKEN_PATTERN = /^[A-Za-z0-9_-]{10,100}$/;

/** Whether a string could be an enrollment token at all (cheap check before hashing and querying). */
export function isTokenShaped(value: string): boolean {
  return TOKEN_PATTERN.test(value);
}

/**
 * The token from what a person pastes: the token itself or the whole link
 * (`https://console.example/enroll/<token>`, with or without a query or fragment).
 */
export function extractEnrollmentToken(value: string): string {
  const trimmed = value.trim();
  const match = /\/enroll\/([^/?#\s]+)/.exec(trimmed);
  return match ? match[1] : trimmed;
}

export const enrollmentTokenSchema = z
  .string()
  .max(2048, "The token or link is too long.")
  .transform(extractEnrollmentToken)
  .pipe(
    z
      .string()
      .min(10, "The token is too short.")
      .max(100, "The token is too long.")
      .regex(/^[A-Za-z0-9_-]+$/, "The token may contain only letters, digits, - and _."),
  );

/** POST /api/agent/enroll body. */
export const enrollBodySchema = z.strictObject({
  token: enrollmentTokenSchema,
  device: z.strictObject({
    os: z.enum(agentOsValues),
    osVersion: z.string().trim().max(64),
    name: z.string().trim().max(120).optional(),
    model: z.string().trim().max(120).optional(),
  }),
});
export type EnrollBody = z.infer<typeof enrollBodySchema>;

/** POST /api/agent/heartbeat body (the credential travels in `Authorization: Bearer`). */
export const heartbeatBodySchema = z.strictObject({
  components: z
    .array(z.enum(componentValues))
    .max(componentValues.length)
    .refine((list) => new Set(list).size === list.length, "List each component once."),
  osVersion: z.string().trim().max(64).optional(),
});
export type HeartbeatBody = z.infer<typeof heartbeatBodySchema>;

/** A device credential as the agent sends it: base64url, 128 bits or more. */
export const credentialSchema = z.string().regex(/^[A-Za-z0-9_-]{22,200}$/);
