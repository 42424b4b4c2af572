import { randomUUID } from "node:crypto";
import { unscopedDb } from "@/lib/db/client";
import { IMPORT_LEASE_MS, resumeStaleImports } from "./run-import";

const holder = globalThis as unknown as { __rosterImportWorker?: true };

/**
 * Resumes imports whose processor stopped (a crash or restart mid-import):
 * once a running import's lease has run out, any instance's worker takes
 * it over from its cursor. One per process.
 */
export function startImportWorker(intervalMs = IMPORT_LEASE_MS / 2): void {
  if (holder.__rosterImportWorker) return;
  holder.__rosterImportWorker = true;
  const timer = setInterval(() => {
    resumeStaleImports(unscopedDb()).catch((error: unknown) => {
      console.error(`[imports ${randomUUID().slice(0, 8)}] resuming stopped imports failed`, error);
    });
  }, intervalMs);
  timer.unref();
}
