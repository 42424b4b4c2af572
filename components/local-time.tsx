"use client";

import { useSyncExternalStore } from "react";
import { formatDate, formatDateTime, formatLocalDate, formatLocalDateTime, formatRelative } from "@/lib/format";

const noSubscription = () => () => {};

/**
 * False on the server and while hydrating, true once the page runs in the
 * browser: React renders the server's snapshot first, so the hydrated HTML
 * matches, then re-renders with the browser's.
 */
function useInBrowser(): boolean {
  return useSyncExternalStore(noSubscription, () => true, () => false);
}

/**
 * A time as the viewer reads it: in the browser's time zone with how long
 * ago (or ahead) it is, the exact UTC value in the tooltip. The server (and a
 * browser without JavaScript) shows the UTC form, so nothing differs at hydration.
 */
export function LocalTime({ date, dateOnly = false, hint = true }: { date: Date | string; dateOnly?: boolean; hint?: boolean }) {
  const value = typeof date === "string" ? new Date(date) : date;
  const inBrowser = useInBrowser();
  const utc = dateOnly ? `${formatDate(value)} (UTC)` : formatDateTime(value);
  if (!inBrowser) {
    return (
      <time dateTime={value.toISOString()} title={utc}>
        {dateOnly ? formatDate(value) : utc}
      </time>
    );
  }
  return (
    <time dateTime={value.toISOString()} title={utc}>
      <span className="whitespace-nowrap">{dateOnly ? formatLocalDate(value) : formatLocalDateTime(value)}</span>
      {hint ? (
        <>
          {" "}
          <span className="whitespace-nowrap text-slate-600">({formatRelative(value, new Date())})</span>
        </>
      ) : null}
    </time>
  );
}
