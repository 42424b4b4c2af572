import { z } from "zod";
import { CSV_ENCODINGS } from "@/lib/csv/decode";
import { importCategories } from "./categories";

const importId = z.string().min(1).max(40);
const cell = z.string().max(2000, "Too long");

/** The upload's query string: the file's name and, when the admin chose one, its encoding. */
export const uploadImportSchema = z.object({
  fileName: z.string().trim().max(255).catch("import.csv"),
  encoding: z.enum(CSV_ENCODINGS).or(z.literal("auto")).catch("auto"),
});

/** A fix typed into a row on the review step: every editable cell of the row. */
export const fixImportRowSchema = z.object({
  importId,
  rowNumber: z.coerce.number().int().positive(),
  email: cell.transform((v) => v.trim()),
  name: cell.transform((v) => v.trim()),
  phone: cell.transform((v) => v.trim()),
  groups: cell.transform((v) => v.trim()),
  role: cell.transform((v) => v.trim()),
  exchangeDomain: cell.transform((v) => v.trim()),
  exchangeUsername: cell.transform((v) => v.trim()),
});
export type FixImportRowInput = z.infer<typeof fixImportRowSchema>;

export const excludeImportRowSchema = z.object({ importId, rowNumber: z.coerce.number().int().positive(), excluded: z.boolean() });
export const existingModeSchema = z.object({ importId, mode: z.enum(["SKIP", "UPDATE"]) });
export const importIdSchema = z.object({ importId });

/** The review step's column picker: each header cell of the file, as written, to the field chosen for it (checked in lib/imports/column-choices.ts). */
export const chooseImportColumnsSchema = z.object({ importId, columns: z.record(z.string().max(200), z.string().max(40)).refine((c) => Object.keys(c).length <= 200, "Too many columns") });

/** The review page's URL parameters. */
export const reviewQuerySchema = z.object({
  show: z.enum(importCategories).optional().catch(undefined),
  page: z.coerce.number().int().positive().max(100_000).catch(1),
});
