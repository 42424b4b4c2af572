const utcDateTime = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
const utcDate = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" });
const number = new Intl.NumberFormat("en-US");
const relative = new Intl.RelativeTimeFormat("en", { numeric: "auto" });

/**
 * A timestamp in explicit UTC ("1 Dec 2026, 11:35 UTC"): what the server
 * renders before the browser shows local time, the tooltip of every time,
 * and the form for anything read away from the console.
 */
export function formatDateTime(date: Date): string {
  return `${utcDateTime.format(date)} UTC`;
}

/** A calendar date in UTC ("1 Dec 2026"). */
export function formatDate(date: Date): string {
  return utcDate.format(date);
}

/**
 * A timestamp in a time zone (the browser's when none is given), with the
 * zone's short name: "1 Dec 2026, 06:35 GMT-5". Day-month order as in the
 * UTC form, so the console reads alike in every zone.
 */
export function formatLocalDateTime(date: Date, timeZone?: string): string {
  return new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", timeZoneName: "short", timeZone }).format(date);
}

/** A calendar date in a time zone (the browser's when none is given): "1 Dec 2026". */
export function formatLocalDate(date: Date, timeZone?: string): string {
  return new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone }).format(date);
}

const units: [Intl.RelativeTimeFormatUnit, number][] = [
  ["year", 365 * 86_400_000],
  ["month", 30 * 86_400_000],
  ["day", 86_400_000],
  ["hour", 3_600_000],
  ["minute", 60_000],
];

/** How far `date` is from `now`, rounded in the largest unit it spans: "3 days ago", "in 2 years", "yesterday", "just now". */
export function formatRelative(date: Date, now: Date): string {
  const diff = date.getTime() - now.getTime();
  for (const [unit, ms] of units) {
    if (Math.abs(diff) >= ms) return relative.format(Math.round(diff / ms), unit);
  }
  return "just now";
}

/** A count with thousands separators. */
export function formatCount(n: number): string {
  return number.format(n);
}

/** "1 device", "2 devices". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}
