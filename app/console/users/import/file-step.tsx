"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, type DragEvent } from "react";
import { Button } from "@/components/button";
import { FormAlert } from "@/components/form-alert";
import { ProgressBar } from "@/components/progress-bar";
import type { CsvEncoding } from "@/lib/csv/decode";
import { MAX_IMPORT_BYTES, TOO_LARGE_MESSAGE } from "@/lib/csv/inspect";
import type { CsvPreview, ParseReply, ParseRequest } from "./csv-preview";
import { FilePreview } from "./file-preview";
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
        onDragLeave={(e) => {
          // Leaving for one of the zone's own children is not leaving the zone.
          if (!(e.relatedTarget instanceof Node && e.currentTarget.contains(e.relatedTarget))) setDragging(false);
        }}
        onDrop={drop}
        data-testid="drop-zone"
        className={`flex flex-col items-center gap-2 rounded-lg border-2 border-dashed px-6 py-8 text-center transition-colors ${
          dragging ? "border-brand-500 bg-brand-50" : "border-slate-300 bg-slate-50"
        }`}
      >
        <p className="text-sm text-slate-700">Drop a CSV file here, or</p>
        <Button variant="secondary" onClick={() => input.current?.click()} disabled={uploading !== null} aria-describedby="csv-file-hint">
          Choose a file
        </Button>
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
        <p id="csv-file-hint" className="text-xs text-slate-500">
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
          reading={reading !== null}
          locked={uploading !== null}
        />
      ) : null}

      {uploading !== null ? <ProgressBar label="Uploading" done={uploading} /> : null}
      <div className="flex justify-end">
        <Button onClick={() => void upload()} disabled={!ready}>
          {uploading !== null ? "Uploading…" : preview?.missingEmail ? "Upload and choose columns" : "Upload and review"}
        </Button>
      </div>
    </section>
  );
}
