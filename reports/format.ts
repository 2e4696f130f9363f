// Number notation and status symbols of the pages, per language (contract §12): Swedish and Norwegian
// pages write a decimal comma and a plain space between thousands ("12 345,6"; the page keeps numbers
// in a nowrap element so they never break), English pages a decimal point and a comma ("12,345.6").
// A minus sign is U+2212 in every language, so a negative number cannot be mistaken for a symbol.
// The symbols readers of each country know:
//                          Swedish (Kolada)   Norwegian (SSB)   English
//   withheld                     ..                 :               ..
//   no data                      -                  ..              -
//   not applicable               -                  .               -     (a share or mean on 0)
// A Norwegian page never shows "-" for missing data: SSB's "-" means zero. The CSV keeps contract
// §7's statuses and its own notation (decimal point, no separator) in every language.
import { decimalsOf, type Indicator, type Language } from "../pipeline/contract/schema.js";
import type { Figure, Status } from "./model.js";

/** The symbols of one language's pages for a figure that is not published. */
export interface Symbols {
  /** withheld for confidentiality (contract §8) */
  readonly withheld: string;
  /** no data: the municipality delivered none for the year, or its months are not covered */
  readonly noData: string;
  /** not applicable: a share or mean whose denominator is 0 */
  readonly notApplicable: string;
}

export const symbols: Readonly<Record<Language, Symbols>> = {
  sv: { withheld: "..", noData: "-", notApplicable: "-" },
  nb: { withheld: ":", noData: "..", notApplicable: "." },
  en: { withheld: "..", noData: "-", notApplicable: "-" }
};

/** What a page needs of a figure to show it: its status, value and why a "-" row has none. */
export type Shown = Pick<Figure, "status" | "value"> & Partial<Pick<Figure, "notApplicable">>;

/** One language's notation: numbers and the symbols of figures that are not published. */
export interface Notation extends Symbols {
  readonly language: Language;
  /** Rounds to `decimals` places (the exact value of the double, ties away from zero as toFixed
   *  does) and writes it in the language's notation: 12345.67, 1 → "12 345,7" / "12,345.7". */
  fixed(v: number, decimals: number): string;
  /** A count: an integer. */
  count(v: number): string;
  /** A share in per cent: one decimal, no sign. */
  share(v: number): string;
  /** A mean: two decimals. */
  mean(v: number): string;
  /** An amount: whole units as an integer, else two decimals (öre, øre). */
  amount(v: number): string;
  /** An indicator's value: its decimals (counts 0, shares 1, means as declared). */
  byIndicator(indicator: Pick<Indicator, "kind" | "decimals">, v: number): string;
  /** A number with a per cent sign, as the language writes it: "3,5 %" / "3.5%". */
  percent(v: number, decimals: number): string;
  /** The symbol of a figure that is not published: withheld, not applicable, or no data (also for no figure at all). */
  symbol(f: Shown | undefined): string;
  /** A published figure in `format`, or its symbol. */
  figure(f: Shown | undefined, format: (v: number) => string): string;
  /** An indicator's value as the tables show it; a mean of municipalities' values (`mean`: the
   *  network's or a comparison group's) of a count keeps one decimal. */
  valueOf(ind: Pick<Indicator, "kind" | "decimals">, v: number, mean: boolean): string;
  /** An indicator's figure as the tables show it (valueOf), or its symbol. */
  value(ind: Pick<Indicator, "kind" | "decimals">, f: Shown | undefined, mean: boolean): string;
  /** A count of persons, households or person-months on a page outside the protected reports:
   *  1 to the threshold is withheld (contract §8), 0 and larger counts as they are, null no data. */
  withheldCount(v: number | null, threshold: number): string;
  /** A figure's numerator as the tables show it: a count, an amount for means; for a mean row
   *  (network or group) the sum of the averaged values. */
  numerator(ind: Indicator, f: Figure | undefined, network: boolean): string;
  /** A figure's denominator as the tables show it. */
  denominator(f: Figure | undefined): string;
}

/** Converts JavaScript's exponent notation ("1e-7", "1.5e+21") to a plain decimal string. */
function plain(s: string): string {
  const m = /^(-?)(\d+)(?:\.(\d+))?e([+-]\d+)$/i.exec(s);
  if (!m) return s;
  const [, sign, int, frac = "", exp] = m;
  const digits = int + frac;
  const point = int.length + Number(exp);
  if (point <= 0) return `${sign}0.${"0".repeat(-point)}${digits}`.replace(/\.?0+$/, "");
  if (point >= digits.length) return sign + digits + "0".repeat(point - digits.length);
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

function finite(v: number): number {
  if (typeof v !== "number" || !Number.isFinite(v)) throw new Error(`invalid number: ${String(v)}`);
  return v;
}

/** "1234567" → "1 234 567" with the given separator (a loop: the look-ahead regex was a hot spot on national pages). */
function group(int: string, separator: string): string {
  if (int.length <= 3) return int;
  let out = int.slice(0, int.length % 3 || 3);
  for (let i = out.length; i < int.length; i += 3) out += separator + int.slice(i, i + 3);
  return out;
}

function fixedIn(v: number, decimals: number, point: string, thousands: string): string {
  finite(v);
  const fixed = Math.abs(v) < 1e21 ? Math.abs(v).toFixed(decimals) : plain(String(Math.abs(v)));
  const at = fixed.indexOf(".");
  const int = at < 0 ? fixed : fixed.slice(0, at);
  const negative = v < 0 && /[1-9]/.test(fixed);
  return (negative ? "\u2212" : "") + group(int, thousands) + (at < 0 ? "" : point + fixed.slice(at + 1));
}

function checkStatus(status: Status): void {
  if (status !== "" && status !== ".." && status !== "-") throw new Error(`invalid status: ${String(status)}`);
}

function makeNotation(language: Language, point: string, thousands: string, percentSign: string): Notation {
  const s = symbols[language];
  const fixed = (v: number, decimals: number) => fixedIn(v, decimals, point, thousands);
  const count = (v: number) => fixed(v, 0);
  const amount = (v: number) => fixed(v, Number.isInteger(v) ? 0 : 2);
  const symbol = (f: Shown | undefined): string => {
    if (!f) return s.noData;
    checkStatus(f.status);
    if (f.status === "..") return s.withheld;
    return f.status === "-" && f.notApplicable ? s.notApplicable : s.noData;
  };
  return {
    language, ...s, fixed, count, amount,
    share: (v) => fixed(v, 1),
    mean: (v) => fixed(v, 2),
    byIndicator: (indicator, v) => fixed(v, decimalsOf(indicator)),
    percent: (v, decimals) => fixed(v, decimals) + percentSign,
    symbol,
    figure: (f, format) => (f && f.status === "" && f.value !== null ? format(f.value) : symbol(f)),
    valueOf: (ind, v, mean) => fixed(v, ind.kind === "count" && mean ? 1 : decimalsOf(ind)),
    value: (ind, f, mean) => (f && f.status === "" && f.value !== null ? fixed(f.value, ind.kind === "count" && mean ? 1 : decimalsOf(ind)) : symbol(f)),
    withheldCount: (v, threshold) => (v === null ? s.noData : isSmall(v, threshold) ? s.withheld : count(v)),
    numerator: (ind, f, network) => {
      if (!f || f.status === ".." || f.numerator === null) return symbol(f);
      if (network) return fixed(f.numerator, decimalsOf(ind));
      return ind.kind === "mean" ? amount(f.numerator) : count(f.numerator);
    },
    denominator: (f) => (!f || f.status === ".." || f.denominator === null ? symbol(f) : count(f.denominator))
  };
}

const notations: Readonly<Record<Language, Notation>> = {
  sv: makeNotation("sv", ",", " ", " %"),
  nb: makeNotation("nb", ",", " ", " %"),
  en: makeNotation("en", ".", ",", "%")
};

/** The notation of a language's pages. */
export function notation(language: Language): Notation {
  const n = notations[language];
  if (!n) throw new Error(`invalid language: ${String(language)}`);
  return n;
}

/** Whether a count would identify a few persons: 1 … threshold. */
export function isSmall(v: number, threshold: number): boolean {
  return v >= 1 && v <= threshold;
}

/** A number in the CSV notation: decimal point, no thousands separator, no exponent; null → "". */
export function csvNumber(v: number | null): string {
  if (v === null) return "";
  finite(v);
  if (Object.is(v, -0)) return "0";
  return plain(String(v));
}

// Swedish shorthands (notation("sv")), for code that writes Swedish whatever the page's language:
// a page takes notation(language) instead.
const sv = notations.sv;
/** Swedish: withheld. */
export const WITHHELD = sv.withheld;
/** Swedish: no data. */
export const NO_DATA = sv.noData;
/** Swedish notation of `fixed` (see Notation.fixed). */
export const formatFixed = (v: number, decimals: number): string => sv.fixed(v, decimals);
export const formatShare = (v: number): string => sv.share(v);
export const formatCount = (v: number): string => sv.count(v);
export const formatMean = (v: number): string => sv.mean(v);
export const formatAmount = (v: number): string => sv.amount(v);
export const formatByIndicator = (indicator: Pick<Indicator, "kind" | "decimals">, v: number): string => sv.byIndicator(indicator, v);
/** Swedish: a published figure, or its symbol (".." withheld, "-" no data). */
export function formatFigure(status: Status, value: number | null, format: (v: number) => string): string {
  return sv.figure({ status, value }, format);
}
export const formatWithheldCount = (v: number | null, threshold: number): string => sv.withheldCount(v, threshold);
