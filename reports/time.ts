// Dates and times on pages, in Swedish words, in the run's time zone (never the machine's): the
// clock is the caller's, passed in as data.

/** The time zone the pages and the command line show times in, unless a run is given another. */
export const reportTimeZone = "Europe/Stockholm";

const months = ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober", "november", "december"];

function monthName(m: number): string {
  const name = months[m - 1];
  if (!name) throw new Error(`invalid month: ${m}`);
  return name;
}

// Creating a DateTimeFormat costs about a millisecond; a national page formats hundreds of times.
const formats = new Map<string, Intl.DateTimeFormat>();

/** "2025-03-02T02:15:00+01:00" in "Europe/Stockholm" → "2 mars 2025 kl. 02:15". */
export function formatDateTime(iso: string, timeZone: string): string {
  const ms = Date.parse(iso);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(iso) || Number.isNaN(ms)) throw new Error(`invalid timestamp: ${iso}`);
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", { timeZone, year: "numeric", month: "numeric", day: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
    formats.set(timeZone, format);
  }
  const parts = format.formatToParts(new Date(ms));
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? "";
  return `${Number(get("day"))} ${monthName(Number(get("month")))} ${get("year")} kl. ${get("hour")}:${get("minute")}`;
}

/** "2024-12" → "december 2024". */
export function formatMonth(ym: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(ym);
  if (!m) throw new Error(`invalid month: ${ym}`);
  return `${monthName(Number(m[2]))} ${m[1]}`;
}

/** "2025-02-28" (or a timestamp starting with a date) → "28 februari 2025". */
export function formatDate(ymd: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(ymd);
  if (!m) throw new Error(`invalid date: ${ymd}`);
  return `${Number(m[3])} ${monthName(Number(m[2]))} ${m[1]}`;
}
