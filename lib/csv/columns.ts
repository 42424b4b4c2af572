/** The columns of the user import file: what the template holds and how uploaded headers are recognised. */

export type ColumnKey = "email" | "name" | "phone" | "group" | "role" | "exchangeDomain" | "exchangeUsername";

export type ImportColumn = {
  key: ColumnKey;
  /** The header as the template writes it. */
  header: string;
  description: string;
  /** The value in the template's example row. */
  example: string;
  /** Other headers read as this column, besides `header` itself. */
  aliases: readonly string[];
};

/** The address in the template's example row; a row still holding it is recognised and left out (lib/imports/row.ts). */
export const TEMPLATE_EXAMPLE_EMAIL = "jane.doe@example.com";

export const IMPORT_COLUMNS: readonly ImportColumn[] = [
  {
    key: "email",
    header: "email",
    description: "Required. The user's email address; Jane Doe <jane@example.com> and mailto: forms are read too, the name filling an empty name cell. Rows for people who are already users are skipped, or update them: you choose when you review the file.",
    example: TEMPLATE_EXAMPLE_EMAIL,
    aliases: ["E-mail", "Email address", "E-mail address", "Mail", "Mail address"],
  },
  {
    key: "name",
    header: "name",
    description: "The name shown in the console and in emails to the user. Files with a First name and a Last name column (Given name and Surname, givenName and sn, Vorname and Nachname, …) are read as the two joined.",
    example: "Jane Doe",
    aliases: ["Full name", "Display name", "Name"],
  },
  {
    key: "phone",
    header: "phone",
    description: "A phone number, in any format.",
    example: "020 7946 0958",
    aliases: ["Phone number", "Mobile", "Mobile phone", "Mobile number", "Telephone", "Telephone number"],
  },
  {
    key: "group",
    header: "group",
    description: "A group to add the user to, created if it does not exist; several are separated by semicolons or commas.",
    example: "Sales",
    aliases: ["Groups", "Department"],
  },
  {
    key: "role",
    header: "role",
    description: "The name of the user's role in the console, in any case (admin, employee and the like name the built-in roles); empty for the default role.",
    example: "User",
    aliases: [],
  },
  {
    key: "exchangeDomain",
    header: "exchange domain",
    description: "The Windows domain of the user's Exchange account, if the account name differs from the email address.",
    example: "CORP",
    aliases: [],
  },
  {
    key: "exchangeUsername",
    header: "exchange username",
    description: "The user name of the user's Exchange account, if it differs from the email address.",
    example: "jdoe",
    aliases: ["Exchange user", "Exchange user name"],
  },
];

/**
 * Name parts: Outlook, Excel, HR systems and directory exports split the name
 * into first and last; the import joins them into the name ("Jane" + "Doe")
 * when the file has no name column of its own.
 */
export type NamePartKey = "firstName" | "lastName";
export const NAME_PART_COLUMNS: readonly { key: NamePartKey; header: string; aliases: readonly string[] }[] = [
  { key: "firstName", header: "First name", aliases: ["Given name", "givenName", "Forename", "First", "Vorname", "Prénom", "Prenom", "Nombre", "Voornaam"] },
  { key: "lastName", header: "Last name", aliases: ["Surname", "sn", "Family name", "familyName", "Last", "Nachname", "Nom", "Nom de famille", "Apellido", "Apellidos", "Achternaam"] },
];

export type HeaderMap = {
  /** For each recognised column, the index of the first header cell naming it. */
  columns: Partial<Record<ColumnKey | NamePartKey, number>>;
  /** Header cells naming no column, as written (trimmed), to list to the admin. */
  unknown: string[];
  /** Header cells naming a column an earlier cell already named; their values are not read. */
  duplicates: string[];
  missingEmail: boolean;
};

// "E-mail Address", "email_address" and "EmailAddress" are the same header.
export const normalizeHeader = (header: string) => header.trim().toLowerCase().replace(/[\s_-]+/g, "");
const normalize = normalizeHeader;

/** What the admin can make of a file's column on the review step: one of the fields, or nothing. */
export const COLUMN_CHOICES = [...IMPORT_COLUMNS.map((c) => c.key), ...NAME_PART_COLUMNS.map((c) => c.key), "ignore"] as const;
export type ColumnChoice = (typeof COLUMN_CHOICES)[number];
/** The admin's choices by normalized header: for this file, or remembered from earlier imports of the workspace. */
export type ColumnChoices = Partial<Record<string, ColumnChoice>>;

/** How the picker names each choice. */
export const COLUMN_CHOICE_LABELS: Record<ColumnChoice, string> = {
  email: "Email",
  name: "Name",
  firstName: "First name",
  lastName: "Last name",
  phone: "Phone",
  group: "Groups",
  role: "Role",
  exchangeDomain: "Exchange domain",
  exchangeUsername: "Exchange username",
  ignore: "Not imported",
};

const byName = new Map<string, ColumnKey | NamePartKey>(
  [...IMPORT_COLUMNS, ...NAME_PART_COLUMNS].flatMap((c) => [c.header, ...c.aliases].map((name) => [normalize(name), c.key] as const)),
);

/**
 * Finds the import columns in a header row, in any case and spacing and
 * under common aliases; `choices` (the admin's, by normalized header) come
 * first, so a header can be read as any field, or not at all.
 */
export function mapHeader(header: string[], choices: ColumnChoices = {}): HeaderMap {
  const result: HeaderMap = { columns: {}, unknown: [], duplicates: [], missingEmail: false };
  header.forEach((cell, index) => {
    const name = normalize(cell);
    // Spreadsheets often leave trailing columns with no header; they are not the admin's concern.
    if (!name) return;
    const chosen = Object.hasOwn(choices, name) ? choices[name] : undefined;
    const key = chosen === "ignore" ? undefined : (chosen ?? byName.get(name));
    if (!key) result.unknown.push(cell.trim());
    else if (result.columns[key] !== undefined) result.duplicates.push(cell.trim());
    else result.columns[key] = index;
  });
  result.missingEmail = result.columns.email === undefined;
  return result;
}
