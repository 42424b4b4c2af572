import { formatLocalDateTime } from "@/lib/format";

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * What a <LocalTime> shows in the tests' browsers, which run in UTC
 * (`timezoneId` in playwright.config.ts): the time, then how long ago or
 * ahead it is. With no date, any such time.
 */
export function shownTime(date?: Date): RegExp {
  const time = date ? escape(formatLocalDateTime(date, "UTC")) : "\\d{1,2} \\w{3} \\d{4}, \\d{2}:\\d{2} UTC";
  return new RegExp(`^${time} \\((just now|.+ ago|in .+|yesterday|tomorrow|last .+|next .+)\\)$`);
}

/** A calendar date as <LocalTime dateOnly> shows it ("1 Dec 2027 (in 1 year)"). */
export const shownDate = /^\d{1,2} \w{3} \d{4} \((.+ ago|in .+|yesterday|tomorrow|last .+|next .+)\)$/;
