import { hitRateLimit, rateRules } from "@/lib/auth/rate-limit";
import { unscopedDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { ALREADY_SET_UP_MESSAGE, createWorkspace, hasWorkspace } from "./create-workspace";
import type { CreateWorkspaceInput } from "./schema";

/** Whether this console has any workspace yet; before the first, every visit goes to setup. */
export function anyWorkspaceExists(): Promise<boolean> {
  return hasWorkspace(unscopedDb());
}

/** Whether /setup may create a workspace: before the first one, or always with ROSTER_OPEN_SIGNUP=true. */
export async function setupIsOpen(): Promise<boolean> {
  return process.env.ROSTER_OPEN_SIGNUP === "true" || !(await anyWorkspaceExists());
}

/**
 * The setup form: counted against the client's address, refused at once when
 * setup is closed (createWorkspace itself holds the rule when several setups
 * arrive together), then the workspace and its first administrator.
 */
export async function setUpWorkspace(input: CreateWorkspaceInput, clientAddress: string): Promise<void> {
  const db = unscopedDb();
  const limited = await hitRateLimit(db, `setup:${clientAddress}`, rateRules.setupPerAddress);
  if (limited.limited) throw new AppError("RATE_LIMITED", { userMessage: "Too many attempts. Try again later." });
  if (!(await setupIsOpen())) throw new AppError("CONFLICT", { userMessage: ALREADY_SET_UP_MESSAGE });
  await createWorkspace(db, input, { address: clientAddress });
}
