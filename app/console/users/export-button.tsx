"use client";

import { useState } from "react";
import { Button } from "@/components/button";
import { toast } from "@/components/toast";

type Props = { action: string; rows: number | null };

/** The file name of an attachment, from its Content-Disposition header. */
function fileNameOf(response: Response, fallback: string): string {
  return /filename="([^"]+)"/.exec(response.headers.get("content-disposition") ?? "")?.[1] ?? fallback;
}

/** What the console's JSON error says, or a general line. */
async function errorOf(response: Response): Promise<string> {
  try {
    const body = (await response.json()) as { error?: { message?: string } };
    if (body.error?.message) return body.error.message;
  } catch {
    // Not JSON: say it generally.
  }
  return `The export failed (HTTP ${response.status}).`;
}

/**
 * Export on the users list: POSTs the list's query (the export is stored and
 * audited), says when it starts and when the file is ready, and hands the
 * CSV to the browser as a download. Without JavaScript the surrounding form
 * posts as before and the browser downloads the answer itself.
 */
export function ExportButton({ action, rows }: Props) {
  const [busy, setBusy] = useState(false);

  async function run() {
    setBusy(true);
    toast(rows === null ? "Export started." : `Export started: ${rows.toLocaleString("en-US")} ${rows === 1 ? "user" : "users"}.`);
    try {
      const response = await fetch(action, { method: "POST", credentials: "same-origin" });
      if (!response.ok) return toast(await errorOf(response), "error");
      const fileName = fileNameOf(response, "users.csv");
      const blob = await response.blob();
      const url = URL.createObjectURL(blob);
      const link = document.createElement("a");
      link.href = url;
      link.download = fileName;
      document.body.append(link);
      link.click();
      link.remove();
      window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
      toast(`Export finished: ${fileName} is downloaded. Reports keeps it to download again.`);
    } catch {
      toast("The export did not finish (the connection dropped). Try again.", "error");
    } finally {
      setBusy(false);
    }
  }

  return (
    <form method="post" action={action} className="contents" onSubmit={(e) => { e.preventDefault(); void run(); }}>
      <Button type="submit" variant="secondary" disabled={busy}>{busy ? "Exporting…" : "Export"}</Button>
    </form>
  );
}
