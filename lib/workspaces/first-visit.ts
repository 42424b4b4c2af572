import { unscopedDb } from "@/lib/db/client";
import { hasWorkspace } from "./create-workspace";

/** Whether this console has any workspace yet; before the first, every visit goes to setup. */
export function anyWorkspaceExists(): Promise<boolean> {
  return hasWorkspace(unscopedDb());
}

/** Whether /setup may create a workspace: before the first one, or always with ROSTER_OPEN_SIGNUP=true. */
export async function setupIsOpen(): Promise<boolean> {
  return process.env.ROSTER_OPEN_SIGNUP === "true" || !(await anyWorkspaceExists());
}
