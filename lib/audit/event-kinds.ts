/**
 * Every kind of audit event, with the name people read on the Audit page,
 * in the groups its filter offers. An event whose code is not listed (from
 * a newer Roster, say) shows its code.
 */
export const auditEventGroups = [
  {
    id: "security",
    label: "Account security",
    kinds: {
      "auth.sign_in": "Signed in",
      "auth.sign_in_failed": "Failed sign-in",
      "auth.lockout": "Sign-in locked after failures",
      "auth.sign_out": "Signed out",
      "auth.session_revoke": "Signed out other sessions",
      "auth.password_change": "Changed password",
      "auth.password_reset": "Password reset",
      "auth.recovery_request": "Password recovery requested",
      "auth.2fa_enable": "Turned on 2FA",
      "auth.2fa_disable": "Turned off 2FA",
      "auth.2fa_reset": "Reset 2FA",
    },
  },
  {
    id: "users",
    label: "Users",
    kinds: {
      "user.create": "Created user",
      "users.add": "Added users",
      "user.update": "Changed user",
      "user.delete": "Deleted user",
      "users.send_instructions": "Sent instructions",
      "users.export": "Exported users",
      "export.download": "Downloaded export",
    },
  },
  {
    id: "groups",
    label: "Groups",
    kinds: {
      "group.create": "Created group",
      "group.rename": "Renamed group",
      "group.delete": "Deleted group",
      "group.add_members": "Added users to group",
      "group.remove_members": "Removed users from group",
    },
  },
  {
    id: "roles",
    label: "Roles",
    kinds: {
      "role.create": "Created role",
      "role.update": "Changed role",
      "role.delete": "Deleted role",
    },
  },
  {
    id: "import",
    label: "Import",
    kinds: {
      "users.import.upload": "Uploaded import file",
      "users.import.refused": "Import file refused",
      "users.import.columns": "Chose import columns",
      "users.import.start": "Started import",
      "users.import": "Imported users",
      "users.import.cancel": "Cancelled import",
      "users.import.invite": "Invited imported users",
    },
  },
  {
    id: "devices",
    label: "Devices and email",
    kinds: {
      "device.enroll": "Enrolled device",
      "token.create": "Created enrollment link (Enroll Device)",
      "device.rename": "Renamed device",
      "device.remove": "Removed device",
      "token.revoke": "Revoked token",
      "email.resend": "Resent email",
      "email.send_now": "Sent email now",
      "email.link_view": "Viewed an email's link",
    },
  },
  {
    id: "profiles",
    label: "Profiles",
    kinds: {
      "profile.create": "Created profile",
      "profile.update": "Changed profile",
      "profile.delete": "Deleted profile",
      "profile.assign": "Applied profile",
      "profile.unassign": "Removed profile assignment",
    },
  },
  {
    id: "workspace",
    label: "Workspace",
    kinds: {
      "workspace.create": "Created workspace",
      "workspace.rename": "Renamed workspace",
      "license.add": "Added license",
    },
  },
] as const satisfies readonly { id: string; label: string; kinds: Record<string, string> }[];

const labels = new Map<string, string>(auditEventGroups.flatMap((g) => Object.entries(g.kinds)));

/** Every listed event code. */
export const auditEventKinds: readonly string[] = [...labels.keys()];

/** The name people read for an event code; an unknown code reads as itself. */
export function auditEventLabel(action: string): string {
  return labels.get(action) ?? action;
}

/** The codes a filter value stands for: a group ("group:security") or one kind. */
export function auditKindsFor(filter: string): string[] | null {
  if (!filter) return null;
  if (filter.startsWith("group:")) {
    const group = auditEventGroups.find((g) => `group:${g.id}` === filter);
    return group ? Object.keys(group.kinds) : null;
  }
  return labels.has(filter) ? [filter] : null;
}
