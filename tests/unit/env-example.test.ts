import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");
const read = (file: string) => readFileSync(path.join(root, file), "utf8");

/** The variables named in the first column of the README's configuration table. */
function readmeVariables(): string[] {
  const section = read("README.md").split(/^## Configuration$/m)[1]?.split(/^## /m)[0] ?? "";
  const names = section
    .split("\n")
    .filter((line) => line.startsWith("| `"))
    .flatMap((line) => [...line.split("|")[1].matchAll(/`([A-Z][A-Z0-9_]+)`/g)].map((m) => m[1]));
  return [...new Set(names)];
}

describe(".env.example", () => {
  it("lists every variable of the README's configuration table, and no other", () => {
    const documented = readmeVariables();
    expect(documented.length).toBeGreaterThan(10);
    const example = [...read(".env.example").matchAll(/^(?:# )?([A-Z][A-Z0-9_]+)=/gm)].map((m) => m[1]);
    expect([...example].sort()).toEqual([...documented].sort());
  });
});
