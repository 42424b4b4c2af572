import { describe, expect, it } from "vitest";
import { aliasFromEmail, derivedUserColumns, searchKey } from "./fields";

describe("user fields", () => {
  it("takes the alias from the mailbox part", () => {
    expect(aliasFromEmail("jane.doe@corp.example")).toBe("jane.doe");
    expect(aliasFromEmail('"odd@name"@corp.example')).toBe('"odd@name"');
    // Text that is no address yet (typed on Check data) is all mailbox.
    expect(aliasFromEmail("jane")).toBe("jane");
  });
  it("sorts by display name, else alias, case-insensitively", () => {
    expect(derivedUserColumns({ email: "A@B.example", alias: "zed", displayName: "Émile Zola", phone: "" })).toMatchObject({ emailNormalized: "a@b.example", sortName: "émile zola" });
    expect(derivedUserColumns({ email: "a@b.example", alias: "Zed", displayName: "  ", phone: "" }).sortName).toBe("zed");
  });
  it("makes phones searchable with and without formatting", () => {
    const { searchText } = derivedUserColumns({ email: "a@b.example", alias: "a", displayName: "A", phone: "+1 (555) 010-0200" });
    expect(searchText).toContain("+1 (555) 010-0200");
    expect(searchText).toContain("+15550100200");
  });
  it("keeps LIKE wildcards literal", () => {
    expect(searchKey("50%_\\X")).toBe("50\uE000\uE001\uE002x");
    expect(searchKey("john_doe")).not.toContain("_");
  });
});
