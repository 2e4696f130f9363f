// Dates and times on pages and in the terminal, in the page's language (Swedish by default), in the
// run's time zone (never the machine's): the clock is the caller's, passed in as data.
import type { Language } from "../pipeline/contract/schema.js";
import { countryOf } from "../pipeline/contract/municipalities.js";

/** The time zone the pages and the command line show times in, unless a run is given another. */
export const reportTimeZone = "Europe/Stockholm";

/** The zone a network's pages name: a Norwegian network's (countryOf) is Oslo's (the same clock as
 *  Stockholm's — both keep CET and EU summer time — but the name its readers know); others Stockholm's. */
export function timeZoneOf(language: Language | undefined): string {
  return countryOf(language) === "NO" ? "Europe/Oslo" : reportTimeZone;
}

const months: Readonly<Record<Language, readonly string[]>> = {
  sv: ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober", "november", "december"],
  nb: ["januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september", "oktober", "november", "desember"],
  en: ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
};

/** A day of a month as each language writes it: "2 mars 2025", "2. mars 2025", "2 March 2025". */
const dayMonthYear: Readonly<Record<Language, (day: number, month: string, year: string) => string>> = {
  sv: (d, m, y) => `${d} ${m} ${y}`,
  nb: (d, m, y) => `${d}. ${m} ${y}`,
  en: (d, m, y) => `${d} ${m} ${y}`
};

/** A time of day: "kl. 02:15" (Swedish), "kl. 02.15" (Norwegian, Språkrådet), ", 02:15" (English). */
const clock: Readonly<Record<Language, (hh: string, mm: string) => string>> = {
  sv: (h, m) => ` kl. ${h}:${m}`,
  nb: (h, m) => ` kl. ${h}.${m}`,
  en: (h, m) => `, ${h}:${m}`
};

function monthName(m: number, lang: Language): string {
  const name = months[lang]?.[m - 1];
  if (!name) throw new Error(`invalid month: ${m}`);
  return name;
}

// Creating a DateTimeFormat costs about a millisecond; a national page formats hundreds of times.
const formats = new Map<string, Intl.DateTimeFormat>();

/** "2025-03-02T02:15:00+01:00" in "Europe/Stockholm" → "2 mars 2025 kl. 02:15" (nb "2. mars 2025 kl. 02.15", en "2 March 2025, 02:15"). */
export function formatDateTime(iso: string, timeZone: string, lang: Language = "sv"): string {
  const ms = Date.parse(iso);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(iso) || Number.isNaN(ms)) throw new Error(`invalid timestamp: ${iso}`);
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", { timeZone, year: "numeric", month: "numeric", day: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
    formats.set(timeZone, format);
  }
  const parts = format.formatToParts(new Date(ms));
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? "";
  return dayMonthYear[lang](Number(get("day")), monthName(Number(get("month")), lang), get("year")) + clock[lang](get("hour"), get("minute"));
}

/** "2024-12" → "december 2024" (nb "desember 2024", en "December 2024"). */
export function formatMonth(ym: string, lang: Language = "sv"): string {
  const m = /^(\d{4})-(\d{2})$/.exec(ym);
  if (!m) throw new Error(`invalid month: ${ym}`);
  return `${monthName(Number(m[2]), lang)} ${m[1]}`;
}

/** "2025-02-28" (or a timestamp starting with a date) → "28 februari 2025" (nb "28. februar 2025", en "28 February 2025"). */
export function formatDate(ymd: string, lang: Language = "sv"): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(ymd);
  if (!m) throw new Error(`invalid date: ${ymd}`);
  return dayMonthYear[lang](Number(m[3]), monthName(Number(m[2]), lang), m[1]);
}
