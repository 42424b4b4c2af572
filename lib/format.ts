const dateTime = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
const number = new Intl.NumberFormat("en-US");

/** A timestamp as the console shows it (UTC, so server and browser agree). */
export function formatDateTime(date: Date): string {
  return `${dateTime.format(date)} UTC`;
}

/** A count with thousands separators. */
export function formatCount(n: number): string {
  return number.format(n);
}

/** "1 device", "2 devices". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}
