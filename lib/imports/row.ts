import { parseAddressCell } from "@/lib/email-address/parse-list";
import { validateAddress } from "@/lib/email-address/validate";
import { TEMPLATE_EXAMPLE_EMAIL } from "@/lib/csv/columns";

/** The cells of one import row, as the file (or the admin's fix) gives them. */
export type ImportValues = {
  email: string;
  name: string;
  phone: string;
  /** Group names separated by semicolons, commas or line breaks. */
  groups: string;
  role: string;
  exchangeDomain: string;
  exchangeUsername: string;
};

export const importFields = ["email", "name", "phone", "groups", "role", "exchangeDomain", "exchangeUsername"] as const;
export type ImportField = (typeof importFields)[number];

export type RowIssue = { field: ImportField | "row"; message: string };

/** The workspace's roles as the role column matches them (by lower-cased name), with their built-in key and whether the importer may give each. */
export type ImportRoles = ReadonlyMap<string, { name: string; key: string | null; grantable: boolean }>;

// Words HR systems and people write for the built-in roles, matched when no role has that name.
const ROLE_SYNONYMS: Record<string, "admin" | "user"> = {
  admin: "admin", admins: "admin", administrators: "admin", "it admin": "admin", administrateur: "admin", administrador: "admin",
  users: "user", member: "user", members: "user", employee: "user", employees: "user", staff: "user", standard: "user", "end user": "user", enduser: "user",
};

/** The role a role cell names: a role of that name (any case), else a built-in role by a common synonym ("admin" → Administrator). */
export function resolveRole(cell: string, roles: ImportRoles) {
  const wanted = cell.trim().toLowerCase();
  const exact = roles.get(wanted);
  if (exact) return exact;
  const key = ROLE_SYNONYMS[wanted.replace(/\s+/g, " ")];
  return key ? [...roles.values()].find((r) => r.key === key) : undefined;
}

/** "use Administrator or User", "use one of Administrator, Auditor or User". */
function validRoles(roles: ImportRoles): string {
  const names = [...roles.values()].map((r) => r.name).sort((a, b) => a.localeCompare(b));
  if (names.length <= 2) return `use ${names.join(" or ")}`;
  return `use one of ${names.slice(0, -1).join(", ")} or ${names[names.length - 1]}`;
}

/** The issue of the template's example row, left in by someone adding rows below it. */
export const EXAMPLE_ROW_MESSAGE = `The template's example row (${TEMPLATE_EXAMPLE_EMAIL}): left out. Change its address to import it.`;

/** The issue of a row naming a role the importer may not give (lib/users/admin-rules.ts's grant rule). */
export const notGrantableMessage = (role: string) => `You cannot give the role "${role}": it holds permissions your role does not`;

/** The longest value each field takes; the same limits as the Create user form. */
export const FIELD_LIMITS: Record<ImportField, number> = {
  email: 254,
  name: 200,
  phone: 40,
  groups: 1000,
  role: 100,
  exchangeDomain: 253,
  exchangeUsername: 256,
};
const GROUP_NAME_LIMIT = 100;
const PHONE_CHARS = /^[+\d\s().\-/]*$/;

export type CheckedRow = {
  values: ImportValues;
  /** The address as stored (domain lower-cased, punycode), or the cell as written when it is not valid. */
  email: string;
  emailNormalized: string;
  issues: RowIssue[];
};

/**
 * Checks one row on its own: the address, lengths, phone characters, group
 * names, the role (known to the workspace, any case, and one the importer
 * may give) and Exchange's
 * both-or-neither. Duplicates and existing users depend on other rows and
 * the database, so the caller adds those.
 */
export function checkRow(cells: ImportValues, roles: ImportRoles): CheckedRow {
  const issues: RowIssue[] = [];
  // "Jane Doe <jane@corp.com>" and "mailto:" in the email column, as the Add users wizard takes them; the name fills an empty name cell.
  const addressCell = parseAddressCell(cells.email);
  let values: ImportValues = { ...cells, email: addressCell.address, name: cells.name || addressCell.name };
  // A role named by a synonym is stored under the role's own name, so the run finds it.
  const role = values.role ? resolveRole(values.role, roles) : undefined;
  if (role) values = { ...values, role: role.name };
  for (const field of importFields) {
    if (values[field].length > FIELD_LIMITS[field]) {
      issues.push({ field, message: `Too long: at most ${FIELD_LIMITS[field]} characters` });
    }
  }
  let email = values.email;
  if (!values.email) issues.push({ field: "email", message: "No email address" });
  else if (values.email.toLowerCase() === TEMPLATE_EXAMPLE_EMAIL) issues.push({ field: "email", message: EXAMPLE_ROW_MESSAGE });
  else if (!issues.some((i) => i.field === "email")) {
    const check = validateAddress(values.email);
    if (check.ok) email = check.email;
    else issues.push({ field: "email", message: `Invalid email: ${check.reason}` });
  }
  if (values.phone && !PHONE_CHARS.test(values.phone)) {
    issues.push({ field: "phone", message: "Use digits, spaces and + ( ) - . / only" });
  }
  if (splitGroups(values.groups).some((g) => g.length > GROUP_NAME_LIMIT)) {
    issues.push({ field: "groups", message: `A group name has at most ${GROUP_NAME_LIMIT} characters` });
  }
  if (values.role && !role) issues.push({ field: "role", message: `Unknown role "${values.role}": ${validRoles(roles)}` });
  else if (role && !role.grantable) issues.push({ field: "role", message: notGrantableMessage(role.name) });
  if (values.exchangeDomain && !values.exchangeUsername) {
    issues.push({ field: "exchangeUsername", message: "Exchange domain without a username" });
  }
  if (values.exchangeUsername && !values.exchangeDomain) {
    issues.push({ field: "exchangeDomain", message: "Exchange username without a domain" });
  }
  return { values, email, emailNormalized: email.toLowerCase(), issues };
}

/**
 * The group names in a cell: separated by semicolons, commas or line breaks
 * (spreadsheets write "Sales, Marketing" and Alt+Enter lists), trimmed,
 * case-insensitive duplicates dropped. So a group name itself holds none of those.
 */
export function splitGroups(cell: string): string[] {
  const seen = new Set<string>();
  return cell
    .split(/[;,\r\n]+/)
    .map((g) => g.trim())
    .filter((g) => {
      const key = g.toLowerCase();
      if (!g || seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

/** The issue a later row with an earlier row's address gets. */
export function duplicateIssue(firstRow: number): RowIssue {
  return { field: "email", message: `Duplicate in the file: same address as row ${firstRow}` };
}

export const OVER_LICENSE_MESSAGE = "Over the license's user limit";

/**
 * Marks later rows repeating an earlier row's address (case-insensitively)
 * as duplicates; `rows` must be in file order (and chunks passed in order). Excluded rows and rows whose
 * address is invalid take no part: excluding the first of two makes the
 * second the one imported.
 */
export function flagDuplicates<R extends { rowNumber: number; emailNormalized: string; excluded: boolean; issues: RowIssue[] }>(
  rows: R[],
  /** The first row of each address seen so far; pass the same map for the chunks of one file, in order. */
  first = new Map<string, number>(),
): R[] {
  for (const row of rows) {
    row.issues = row.issues.filter((i) => !i.message.startsWith("Duplicate in the file"));
    if (row.excluded || row.issues.some((i) => i.field === "email")) continue;
    const earlier = first.get(row.emailNormalized);
    if (earlier === undefined) first.set(row.emailNormalized, row.rowNumber);
    else row.issues.push(duplicateIssue(earlier));
  }
  return rows;
}

type UserFields = { displayName: string; alias: string; phone: string; exchangeDomain: string | null; exchangeUsername: string | null };

/** The cells of an import row that would change an existing user (an empty cell changes nothing); the role and groups are decided apart. */
export function updatedFields(user: UserFields, values: ImportValues): Record<string, string> {
  const data: Record<string, string> = {};
  if (values.name && values.name !== (user.displayName || user.alias)) data.displayName = values.name;
  if (values.phone && values.phone !== user.phone) data.phone = values.phone;
  if (values.exchangeDomain && (values.exchangeDomain !== user.exchangeDomain || values.exchangeUsername !== user.exchangeUsername)) {
    data.exchangeDomain = values.exchangeDomain;
    data.exchangeUsername = values.exchangeUsername;
  }
  return data;
}
