/** CSV import of 100,000 generated rows end to end, and the export of 100,000 users, with time and peak memory. */
import { execFileSync } from "node:child_process";
import path from "node:path";
import { processImport, startImport } from "@/lib/imports/run-import";
import { stageImport } from "@/lib/imports/stage-import";
import { recordExport } from "@/lib/exports/record-export";
import { exportUserBatches } from "@/lib/users/export-users";
import { userListQuerySchema } from "@/lib/users/schema";
import { consoleContextFor, createWorkspace } from "@/tests/factories";
import type { Db } from "@/lib/db/client";
import type { BenchDatabase } from "./lib/database";

export const IMPORT_ROWS = 100_000;

/** A file as a spreadsheet would save it: BOM, CRLF, quoted names with commas, 40 groups, a few phones. */
export function sampleImportCsv(rows = IMPORT_ROWS): Uint8Array {
  const lines = ["\uFEFFemail,name,phone,group,role,exchange domain,exchange username"];
  for (let i = 0; i < rows; i++) {
    const phone = i % 3 === 0 ? `+44 20 7946 ${String(i % 10_000).padStart(4, "0")}` : "";
    lines.push(`import${i}@bulk.example,"Surname${i}, Given",${phone},Team ${i % 40},User,${i % 10 === 0 ? `CORP,user${i}` : ","}`);
  }
  return new TextEncoder().encode(`${lines.join("\r\n")}\r\n`);
}

/** Samples the process's resident memory every 25 ms until stopped; returns the peak. */
function peakMemory(): { stop: () => number; peek: () => number } {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 25);
  return {
    peek: () => (peak = Math.max(peak, process.memoryUsage().rss)),
    stop: () => {
      clearInterval(timer);
      return Math.max(peak, process.memoryUsage().rss);
    },
  };
}

export type ImportFigures = { rows: number; bytes: number; stageMs: number; createMs: number; created: number; peakMb: number; stagePeakMb: number; baseMb: number; liveMb: { rss: number; heap: number } };

/**
 * Upload then create, measured in a child process of its own (bench/import-child.ts),
 * so its peak memory is the import's and not what the bench had gathered before.
 */
export function benchImport(bench: BenchDatabase): ImportFigures {
  const out = execFileSync(process.execPath, ["--expose-gc", "--import", "tsx", path.join(import.meta.dirname, "import-child.ts"), bench.url], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
    maxBuffer: 1 << 20,
  });
  return JSON.parse(out.trim().split("\n").at(-1)!) as ImportFigures;
}

/** Upload (server parse + checks + stored rows for review) then create, for a fresh workspace of the database. */
export async function measureImport(db: Db): Promise<ImportFigures> {
  const { admin } = await createWorkspace(db, { name: "Import bench" });
  const ctx = await consoleContextFor(db, admin.id);
  const bytes = sampleImportCsv();
  global.gc?.();
  const baseMb = process.memoryUsage().rss / 2 ** 20;
  const memory = peakMemory();
  let t = performance.now();
  const { id } = await stageImport(ctx, { bytes, fileName: "bench.csv" });
  const stageMs = performance.now() - t;
  const stagePeakMb = memory.peek() / 2 ** 20;
  t = performance.now();
  await startImport(ctx, { importId: id });
  await processImport(db, id);
  const createMs = performance.now() - t;
  const peakMb = memory.stop() / 2 ** 20;
  // What is still alive once V8 has collected (the child runs with --expose-gc): the peak above is mostly garbage not yet collected.
  global.gc?.();
  const after = process.memoryUsage();
  const liveMb = { rss: after.rss / 2 ** 20, heap: after.heapUsed / 2 ** 20 };
  const run = await db.importRun.findUniqueOrThrow({ where: { id } });
  if (run.status !== "DONE" || run.created !== IMPORT_ROWS) throw new Error(`import bench: expected ${IMPORT_ROWS} created, got ${run.created} (${run.status})`);
  return { rows: IMPORT_ROWS, bytes: bytes.length, stageMs, createMs, created: run.created, peakMb, stagePeakMb, baseMb, liveMb };
}

export type ExportFigures = { rows: number; bytes: number; ms: number; peakMb: number; baseMb: number };

/** The export route's path: the whole users list streamed as CSV and stored for Reports as it goes; the bytes are counted, not kept. */
export async function benchExport(bench: BenchDatabase, workspaceId: string): Promise<ExportFigures> {
  global.gc?.();
  const baseMb = process.memoryUsage().rss / 2 ** 20;
  const memory = peakMemory();
  const t = performance.now();
  const actor = { workspaceId, actorId: null, actorEmail: "bench@roster.example" };
  const meta = { kind: "users", fileName: "bench.csv", description: "All users" };
  const { id, lines } = await recordExport(bench.db, actor, meta, exportUserBatches(bench.db, workspaceId, userListQuerySchema.parse({})));
  let bytes = 0;
  for await (const piece of lines) bytes += Buffer.byteLength(piece);
  const ms = performance.now() - t;
  const { rowCount } = await bench.db.export.findUniqueOrThrow({ where: { id } });
  return { rows: rowCount, bytes, ms, peakMb: memory.stop() / 2 ** 20, baseMb };
}
