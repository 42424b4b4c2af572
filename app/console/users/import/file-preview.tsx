import { CSV_ENCODING_LABELS, CSV_ENCODINGS, type CsvEncoding } from "@/lib/csv/decode";
import { formatCount, plural } from "@/lib/format";
import { delimiterName, describeProblem, formatFileSize, type CsvPreview } from "./csv-preview";
import { ScrollBox } from "@/components/scroll-box";

type PreviewProps = {
  file: File;
  preview: CsvPreview | null;
  encoding: CsvEncoding;
  detected: CsvEncoding | undefined;
  onEncoding: (encoding: CsvEncoding) => void;
  /** Being read again (in another encoding). */
  reading: boolean;
  /** Being uploaded: the encoding can no longer change. */
  locked: boolean;
};

/** What the file holds, as the server will read it: file, encoding (changeable), delimiter, rows, columns and the first rows. */
export function FilePreview({ file, preview, encoding, detected, onEncoding, reading, locked }: PreviewProps) {
  return (
    <div className="space-y-4 rounded-lg border border-slate-200 p-4" data-testid="file-preview" aria-busy={reading || undefined}>
      <dl className="grid grid-cols-[max-content_1fr] items-baseline gap-x-6 gap-y-2 text-sm">
        <dt className="font-medium text-slate-700">File</dt>
        <dd className="text-slate-800" data-testid="file-name">
          {file.name} <span className="text-slate-500">· {formatFileSize(file.size)}</span>
        </dd>
        {detected ? (
          <>
            <dt className="font-medium text-slate-700"><label htmlFor="csv-encoding">Encoding</label></dt>
            <dd>
              <select
                id="csv-encoding"
                value={encoding}
                onChange={(e) => {
                  const next = CSV_ENCODINGS.find((c) => c === e.target.value);
                  if (next) onEncoding(next);
                }}
                disabled={locked}
                aria-describedby="csv-encoding-hint"
                className="rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm"
              >
                {CSV_ENCODINGS.map((e) => (
                  <option key={e} value={e}>{CSV_ENCODING_LABELS[e]}{e === detected ? " — detected" : ""}</option>
                ))}
              </select>
              <p id="csv-encoding-hint" className="mt-1 text-xs text-slate-500">
                {encoding === detected
                  ? "Detected from the file. If names below look garbled, choose another encoding."
                  : `The file looked like ${CSV_ENCODING_LABELS[detected]}.`}
              </p>
            </dd>
          </>
        ) : null}
        {preview ? (
          <>
            <dt className="font-medium text-slate-700">Delimiter</dt>
            <dd className="text-slate-800" data-testid="delimiter">{delimiterName(preview.delimiter)}</dd>
            <dt className="font-medium text-slate-700">Users</dt>
            <dd className="text-slate-800" data-testid="row-count">{plural(preview.rowCount, "user row")}</dd>
            <dt className="font-medium text-slate-700">Columns</dt>
            <dd>
              <ul className="flex flex-wrap gap-1.5" aria-label="Recognised columns" data-testid="recognised-columns">
                {preview.columns.map((c) => (
                  <li key={c.key} className="rounded bg-brand-50 px-2 py-0.5 text-xs text-brand-700">
                    {c.header}
                    {c.fileHeader.toLowerCase() !== c.header ? <span className="text-slate-500"> (“{c.fileHeader}”)</span> : null}
                  </li>
                ))}
              </ul>
            </dd>
          </>
        ) : null}
      </dl>

      {preview?.missingEmail ? (
        <p role="status" className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900" data-testid="missing-email">
          {preview.missingEmail} You can also upload it and choose which column holds what on the next step; the choice is remembered for your next
          imports.
        </p>
      ) : null}
      {preview && preview.ignored.length > 0 ? (
        <p className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900" data-testid="ignored-columns">
          These columns are not imported: {preview.ignored.join(", ")}
        </p>
      ) : null}
      {preview && preview.problemCount > 0 ? (
        <div className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900" data-testid="parse-problems">
          <p className="font-medium">Check the file: {plural(preview.problemCount, "problem")} reading it.</p>
          <ul className="mt-1 list-inside list-disc">
            {preview.problems.map((p, i) => (
              <li key={i}>{describeProblem(p)}</li>
            ))}
          </ul>
        </div>
      ) : null}

      {preview ? <SampleTable preview={preview} dimmed={reading} /> : null}
    </div>
  );
}

function SampleTable({ preview, dimmed }: { preview: CsvPreview; dimmed: boolean }) {
  return (
    <ScrollBox label="Preview of the file" className={`rounded-md border border-slate-200 transition-opacity ${dimmed ? "opacity-50" : ""}`}>
      <table className="min-w-full divide-y divide-slate-200 text-sm" data-testid="preview-table">
        <caption className="caption-top border-b border-slate-200 px-3 py-2 text-left text-xs text-slate-600">
          {preview.sample.length === preview.rowCount ? "The file’s" : `The first ${formatCount(preview.sample.length)} of`} {plural(preview.rowCount, "row")}, as
          they will be read
        </caption>
        <thead className="bg-slate-50">
          <tr>
            {preview.columns.map((c) => (
              <th key={c.key} scope="col" className="px-3 py-2 text-left font-semibold whitespace-nowrap text-slate-700">{c.header}</th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {preview.sample.map((row, i) => (
            <tr key={i}>
              {row.map((cell, j) => (
                <td key={j} title={cell} className="max-w-64 truncate px-3 py-1.5 text-slate-700">{cell}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollBox>
  );
}
