/** Runs the CSV import figure in a process of its own; prints the figures as JSON on its last line. */
import "./lib/production";
import { createDb } from "@/lib/db/client";
import { parseDatabaseUrl } from "@/lib/db/url";
import { measureImport } from "./import-export";

const db = createDb(parseDatabaseUrl(process.argv[2]));
try {
  console.log(JSON.stringify(await measureImport(db)));
} finally {
  await db.$disconnect();
}
