import type { Db } from "./client.ts";

/**
 * Models whose rows belong to one workspace (they carry `workspaceId`). A
 * unit test checks this list against the schema, so a new model cannot be
 * left out.
 */
export const workspaceModels = [
  "ActionRun",
  "AuditEvent",
  "Device",
  "EmailMessage",
  "EnrollmentToken",
  "Export",
  "ExportChunk",
  "Group",
  "GroupMember",
  "ImportRow",
  "ImportRun",
  "ImportUpload",
  "Invitation",
  "License",
  "Profile",
  "ProfileGroup",
  "PasswordLink",
  "ProfileUser",
  "RecoveryCode",
  "Role",
  "Session",
  // The first setup's claim (lib/workspaces/create-workspace.ts); only setup writes it, through the unscoped client.
  "SetupClaim",
  // Written by sign-in through the unscoped client, before any session exists.
  "SignInChallenge",
  "User",
] as const;

/** Models that belong to no workspace: the workspace itself (scoped by its id) and server-wide bookkeeping. */
export const serverModels = ["Workspace", "RateLimit", "ScheduledJob"] as const;

const owned = new Set<string>(workspaceModels);

type Args = Record<string, unknown> & { where?: Record<string, unknown>; data?: unknown; create?: Record<string, unknown> };

/** Thrown for a write that names another workspace through a scoped client: a bug, never user input. */
export class CrossWorkspaceWrite extends Error {
  override name = "CrossWorkspaceWrite";
}

/** `where` with one more condition, kept apart (AND) so a condition the caller wrote is never replaced. */
function also(where: Record<string, unknown> | undefined, condition: Record<string, unknown>): Record<string, unknown> {
  const w = { ...(where ?? {}) };
  const and = w.AND === undefined ? [] : Array.isArray(w.AND) ? w.AND : [w.AND];
  w.AND = [...and, condition];
  return w;
}

function ownData(data: unknown, workspaceId: string, model: string): Record<string, unknown> {
  const row = { ...(data as Record<string, unknown>) };
  if (row.workspaceId !== undefined && row.workspaceId !== workspaceId) throw new CrossWorkspaceWrite(`${model}: a write for another workspace through a scoped client`);
  row.workspaceId = workspaceId;
  return row;
}

/**
 * A client that adds the workspace to every query of a workspace-owned model:
 * reads, counts, updates and deletes match only the workspace's rows (the
 * condition is added to `where`, unique lookups included), and creates get
 * its `workspaceId` (a different one is refused). `Workspace` queries match
 * only this workspace. The console's context hands this out
 * (lib/auth/context.ts), so a query that forgets the workspace still stays in
 * it. Raw SQL ($queryRaw, bulk inserts) is not rewritten: those callers put
 * the workspace into the statement themselves.
 */
export function scopedDb(db: Db, workspaceId: string): Db {
  const scoped = db.$extends({
    name: "workspace-scope",
    query: {
      $allModels: {
        async $allOperations({ model, operation, args, query }) {
          const a = { ...(args as Args) };
          if (model === "Workspace") {
            if (operation.startsWith("create") || operation === "upsert") throw new CrossWorkspaceWrite("Workspace: create through a scoped client");
            a.where = also(a.where, { id: workspaceId });
            return query(a);
          }
          if (!owned.has(model)) return query(a);
          switch (operation) {
            case "create":
              a.data = ownData(a.data, workspaceId, model);
              break;
            case "createMany":
            case "createManyAndReturn":
              a.data = Array.isArray(a.data) ? a.data.map((d) => ownData(d, workspaceId, model)) : ownData(a.data, workspaceId, model);
              break;
            case "upsert":
              a.where = also(a.where, { workspaceId });
              a.create = ownData(a.create, workspaceId, model);
              break;
            default:
              // find*, count, aggregate, groupBy, update*, delete*: the rows must be the workspace's.
              if ("data" in a && a.data && typeof a.data === "object" && (a.data as Record<string, unknown>).workspaceId !== undefined) {
                throw new CrossWorkspaceWrite(`${model}: moving rows between workspaces through a scoped client`);
              }
              a.where = also(a.where, { workspaceId });
          }
          return query(a);
        },
      },
    },
  });
  // The extension changes no model's types; the code is written against Db.
  return scoped as unknown as Db;
}
