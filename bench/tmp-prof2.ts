import "./lib/production";
import { openBenchDatabase } from "./lib/database";
import { consoleContextFor, createWorkspace } from "@/tests/factories";
import { sampleImportCsv } from "./import-export";
import { stageImport } from "@/lib/imports/stage-import";
import { processImportBatch, startImport } from "@/lib/imports/run-import";
const p = (process.argv[2] ?? "postgresql") as "postgresql" | "sqlite";
const bench = await openBenchDatabase(p);
const { admin } = await createWorkspace(bench.db);
const ctx = await consoleContextFor(bench.db, admin.id);
let t = performance.now();
const { id } = await stageImport(ctx, { bytes: sampleImportCsv(10000), fileName: "x.csv" });
console.log("stage 10k", (performance.now() - t).toFixed(0));
await startImport(ctx, { importId: id });
for (let k = 0; k < 5; k++) { t = performance.now(); await processImportBatch(bench.db, id); console.log("batch", (performance.now() - t).toFixed(0)); }
await bench.close();
