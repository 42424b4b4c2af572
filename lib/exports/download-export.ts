import { actorOf, type ConsoleContext } from "@/lib/auth/console-context";
import { recordAudit } from "@/lib/audit/record";
import { AppError } from "@/lib/errors";
import { readExport } from "./read-export";

/** A completed stored export of the workspace, downloaded again (audited as export.download); NOT_FOUND otherwise. */
export async function downloadExport(ctx: ConsoleContext, id: string) {
  const stored = id.length <= 40 ? await readExport(ctx.db, ctx.workspace.id, id) : null;
  if (!stored) throw new AppError("NOT_FOUND", { userMessage: "No such export, or it did not complete." });
  await recordAudit(ctx.db, actorOf(ctx), { action: "export.download", targetType: "export", targetId: stored.id, targetLabel: stored.fileName });
  return stored;
}
