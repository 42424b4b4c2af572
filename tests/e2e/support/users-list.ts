import { expect, type Locator, type Page } from "@playwright/test";
import type { Prisma } from "@/lib/db/generated/postgresql/client.ts";
import { e2eDb } from "./fixtures";

/** The users list's sortable columns: header label → URL sort key. */
export const userColumns = {
  Name: "name",
  Email: "email",
  Phone: "phone",
  "# of devices": "devices",
  "2FA status": "twoFactor",
  "Last login": "lastLogin",
} as const;
export type UserColumn = keyof typeof userColumns;
type SortKey = (typeof userColumns)[UserColumn];
type Direction = "asc" | "desc";

/** Cell positions in a row (the first cell holds the row's checkbox; Role, after Email, is not sortable). */
const cellIndex = { Name: 1, Email: 2, Role: 3, Phone: 4, "# of devices": 5, "2FA status": 6, "Last login": 7 } as const;

/** The users list at /console/users, as an administrator sees and uses it. */
export class UsersList {
  readonly table: Locator;
  readonly rows: Locator;
  readonly count: Locator;
  readonly pagination: Locator;
  readonly range: Locator;
  readonly deleteButton: Locator;
  readonly selectAll: Locator;
  readonly dialog: Locator;

  constructor(readonly page: Page) {
    this.table = page.getByRole("table");
    this.rows = this.table.locator("tbody tr");
    this.count = page.getByTestId("user-count");
    this.pagination = page.getByRole("navigation", { name: "Pagination" });
    this.range = this.pagination.locator("p");
    this.deleteButton = page.getByRole("button", { name: "Delete User" });
    this.selectAll = page.getByRole("checkbox", { name: "Select all users on this page" });
    this.dialog = page.getByRole("dialog");
  }

  async goto(query = ""): Promise<void> {
    await this.page.goto(`/console/users${query}`);
    await expect(this.page.getByRole("heading", { level: 1, name: "Users" })).toBeVisible();
  }

  /** The cells of one column, top to bottom. */
  column(name: UserColumn | "Role"): Locator {
    return this.rows.locator(`td:nth-child(${cellIndex[name] + 1})`);
  }

  header(name: UserColumn): Locator {
    return this.page.getByRole("columnheader", { name, exact: true });
  }

  /** The row that shows this email (emails are unique in a workspace). */
  row(email: string): Locator {
    return this.rows.filter({ has: this.page.getByRole("cell", { name: email, exact: true }) });
  }

  rowCheckbox(name: string): Locator {
    return this.page.getByRole("checkbox", { name: `Select ${name}`, exact: true });
  }

  /** Types into the search box; the list follows once typing pauses (no Apply button). */
  async search(text: string): Promise<void> {
    await this.page.getByRole("searchbox", { name: "Search" }).fill(text);
    await this.page.waitForURL((url) => (url.searchParams.get("q") ?? "") === text.trim());
    await this.settled();
  }

  /** Picks an option of one of the filter selects (Role, 2FA status, Devices, Per page); the list follows at once. */
  async filter(label: "Role" | "2FA status" | "Devices" | "Instructions" | "Per page", option: string): Promise<void> {
    const before = this.page.url();
    await this.page.getByRole("combobox", { name: label, exact: true }).selectOption({ label: option });
    await this.page.waitForURL((url) => url.href !== before);
    await this.settled();
  }

  /** The filter bar's change has been rendered (its status says "Updating…" until then). */
  async settled(): Promise<void> {
    await expect(this.page.getByTestId("filters-status")).toHaveText("");
  }

  /** Clicks a column's header link and waits until the list is sorted that way. */
  async sortBy(column: UserColumn, expected: Direction): Promise<void> {
    await this.header(column).getByRole("link").click();
    await expect(this.header(column)).toHaveAttribute("aria-sort", expected === "asc" ? "ascending" : "descending");
  }

  /** Follows First / Previous / Next / Last and waits for the range label to change to `range`. */
  async goToPage(link: "First" | "Previous" | "Next" | "Last", range: string): Promise<void> {
    await this.pagination.getByRole("link", { name: link, exact: true }).click();
    await expect(this.range).toHaveText(range);
  }

  /** A pagination control that is shown but cannot be followed. */
  disabledPageControl(text: "First" | "Previous" | "Next" | "Last"): Locator {
    return this.pagination.locator('[aria-disabled="true"]', { hasText: text });
  }
}

const orderFields: Record<Exclude<SortKey, "lastLogin">, keyof Prisma.UserOrderByWithRelationInput> = {
  name: "sortName",
  email: "emailNormalized",
  phone: "phone",
  devices: "deviceCount",
  twoFactor: "twoFactor",
};

/**
 * The emails of a workspace's users in the order the list should show them,
 * read straight from the database: the sort column, then the id as tie-breaker;
 * users who never signed in count as the earliest logins.
 */
export async function emailsInOrder(workspaceId: string, sort: SortKey, dir: Direction, opts: { take?: number; where?: Prisma.UserWhereInput } = {}): Promise<string[]> {
  const orderBy: Prisma.UserOrderByWithRelationInput[] =
    sort === "lastLogin"
      ? [{ lastLoginAt: { sort: dir, nulls: dir === "asc" ? "first" : "last" } }, { id: dir }]
      : [{ [orderFields[sort]]: dir }, { id: dir }];
  const users = await e2eDb().user.findMany({
    where: { ...opts.where, workspaceId },
    orderBy,
    take: opts.take,
    select: { email: true },
  });
  return users.map((u) => u.email);
}
