"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, type DragEvent } from "react";
import { Button } from "@/components/button";
import { FormAlert } from "@/components/form-alert";
import { ProgressBar } from "@/components/progress-bar";
import { CSV_ENCODING_LABELS, CSV_ENCODINGS, type CsvEncoding } from "@/lib/csv/decode";
import { MAX_IMPORT_BYTES, TOO_LARGE_MESSAGE } from "@/lib/csv/inspect";
import { formatCount, plural } from "@/lib/format";
import { delimiterName, describeProblem, formatFileSize, type CsvPreview, type ParseReply, type ParseRequest } from "./csv-preview";
import { uploadImport } from "./upload";

/**
 * Import users, step 1: choose or drop a CSV file, read it in a worker with
 * the server's own code (progress bar), preview it, let the admin correct
 * the encoding, and upload the raw bytes for the server to read again.
 */
export function FileStep() {
  const router = useRouter();
  const [file, setFile] = useState<File | null>(null);
  // The encoding the admin chose; undefined while the detected one stands.
  const [chosen, setChosen] = useState<CsvEncoding>();
  const [detected, setDetected] = useState<CsvEncoding>();
  const [reading, setReading] = useState<number | null>(null);
  const [preview, setPreview] = useState<CsvPreview | null>(null);
  const [error, setError] = useState<string>();
  const [uploading, setUploading] = useState<number | null>(null);
  const [dragging, setDragging] = useState(false);
  const worker = useRef<Worker | null>(null);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => () => worker.current?.terminate(), []);

  function stopReading() {
    worker.current?.terminate();
    worker.current = null;
    setReading(null);
  }

  function read(target: File, encoding: CsvEncoding | undefined) {
    stopReading();
    setReading(0);
    setError(undefined);
    const job = new Worker(new URL("./parse-worker.ts", import.meta.url));
    worker.current = job;
    job.addEventListener("message", (event: MessageEvent<ParseReply>) => {
      if (worker.current !== job) return;
      const reply = event.data;
      if (reply.type === "progress") return setReading(reply.done);
      stopReading();
      if (reply.type === "done") {
        setPreview(reply.preview);
        if (!encoding) setDetected(reply.preview.encoding);
      } else {
        setPreview(null);
        setError(reply.error);
      }
    });
    job.addEventListener("error", () => {
      if (worker.current !== job) return;
      stopReading();
      setPreview(null);
      setError("This browser could not read the file. Reload the page and choose the file again.");
    });
    job.postMessage({ file: target, encoding } satisfies ParseRequest);
  }

  function choose(next: File) {
    stopReading();
    setFile(next);
    setChosen(undefined);
    setDetected(undefined);
    setPreview(null);
    // Refused before reading a byte: the server would refuse it too.
    if (next.size > MAX_IMPORT_BYTES) return setError(TOO_LARGE_MESSAGE);
    read(next, undefined);
  }

  function changeEncoding(encoding: CsvEncoding) {
    if (!file) return;
    setChosen(encoding);
    read(file, encoding);
  }

  function drop(event: DragEvent<HTMLDivElement>) {
    event.preventDefault();
    setDragging(false);
    const dropped = event.dataTransfer.files[0];
    if (dropped && uploading === null) choose(dropped);
  }

  async function upload() {
    if (!file || !preview) return;
    setError(undefined);
    setUploading(0);
    const result = await uploadImport(file, preview.encoding, setUploading);
    // On success the button stays disabled while the review page loads.
    if (result.ok) return router.push(`/console/users/import/${result.id}`);
    setUploading(null);
    setError(result.error);
  }

  const ready = Boolean(file && preview) && reading === null && uploading === null;

  return (
    <section aria-labelledby="choose-file" className="space-y-4">
      <h2 id="choose-file" className="text-base font-semibold text-ink">2. Choose a CSV file</h2>
      <div
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={drop}
        data-testid="drop-zone"
        className={`flex flex-col items-center gap-2 rounded-lg border-2 border-dashed px-6 py-8 text-center transition-colors ${
          dragging ? "border-brand-500 bg-brand-50" : "border-slate-300 bg-slate-50"
        }`}
      >
        <p className="text-sm text-slate-700">Drop a CSV file here, or</p>
        <Button variant="secondary" onClick={() => input.current?.click()} disabled={uploading !== null}>Choose a file</Button>
        <input
          ref={input}
          type="file"
          accept=".csv,.tsv,.txt,text/csv"
          aria-label="CSV file"
          tabIndex={-1}
          className="sr-only"
          onChange={(e) => {
            const picked = e.target.files?.[0];
            if (picked) choose(picked);
            // So that choosing the same file again (after fixing it) reads it again.
            e.target.value = "";
          }}
        />
        <p className="text-xs text-slate-500">
          Comma-, semicolon- or tab-separated; UTF-8, UTF-16, Windows-1252 or Windows-1251. Up to {MAX_IMPORT_BYTES / 1024 / 1024} MB and 200,000 users.
        </p>
      </div>

      <FormAlert message={error} />
      {reading !== null && file ? <ProgressBar label={`Reading ${file.name}`} done={reading} /> : null}

      {file && (preview || detected) ? (
        <FilePreview
          file={file}
          preview={preview}
          encoding={chosen ?? detected ?? preview?.encoding ?? "utf-8"}
          detected={detected}
          onEncoding={changeEncoding}
          busy={reading !== null || uploading !== null}
        />
      ) : null}

      {uploading !== null ? <ProgressBar label="Uploading" done={uploading} /> : null}
      <div className="flex justify-end">
        <Button onClick={() => void upload()} disabled={!ready}>{uploading !== null ? "Uploading…" : "Upload and review"}</Button>
      </div>
    </section>
  );
}

type PreviewProps = {
  file: File;
  preview: CsvPreview | null;
  encoding: CsvEncoding;
  detected: CsvEncoding | undefined;
  onEncoding: (encoding: CsvEncoding) => void;
  busy: boolean;
};

/** What the file holds, as the server will read it: file, encoding (changeable), delimiter, rows, columns and the first rows. */
function FilePreview({ file, preview, encoding, detected, onEncoding, busy }: PreviewProps) {
  return (
    <div className="space-y-4 rounded-lg border border-slate-200 p-4" data-testid="file-preview" aria-busy={busy || undefined}>
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
                onChange={(e) => onEncoding(e.target.value as CsvEncoding)}
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

      {preview ? <SampleTable preview={preview} /> : null}
    </div>
  );
}

function SampleTable({ preview }: { preview: CsvPreview }) {
  return (
    <div className="overflow-x-auto rounded-md border border-slate-200">
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
    </div>
  );
}
