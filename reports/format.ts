// Number notation. Pages use Swedish notation: decimal comma, a plain space as thousands separator
// (the page keeps numbers in a nowrap element so "12 345" never breaks), U+2212 for a minus sign so
// a negative number cannot be mistaken for the no-data symbol "-". The CSV uses a decimal point and
// no separator (contract §7). Kolada's symbols: ".." withheld for confidentiality, "-" no data.
import { decimalsOf, type Indicator } from "../pipeline/contract/schema.js";
import type { Figure, Status } from "./model.js";

export const WITHHELD = "..";
export const NO_DATA = "-";

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

/** Rounds to `decimals` places (the exact value of the double, ties away from zero as toFixed does)
 *  and writes it in Swedish notation: 12345.67, 1 → "12 345,7". */
export function formatFixed(v: number, decimals: number): string {
  finite(v);
  const fixed = Math.abs(v) < 1e21 ? Math.abs(v).toFixed(decimals) : plain(String(Math.abs(v)));
  const point = fixed.indexOf(".");
  const int = point < 0 ? fixed : fixed.slice(0, point);
  const negative = v < 0 && /[1-9]/.test(fixed);
  return (negative ? "\u2212" : "") + group(int) + (point < 0 ? "" : "," + fixed.slice(point + 1));
}

/** "1234567" → "1 234 567" (a loop: the look-ahead regex was a hot spot on national pages). */
function group(int: string): string {
  if (int.length <= 3) return int;
  let out = int.slice(0, int.length % 3 || 3);
  for (let i = out.length; i < int.length; i += 3) out += " " + int.slice(i, i + 3);
  return out;
}

/** A share in per cent: one decimal. */
export const formatShare = (v: number): string => formatFixed(v, 1);
/** A count: an integer. */
export const formatCount = (v: number): string => formatFixed(v, 0);
/** A mean in SEK: two decimals. */
export const formatMean = (v: number): string => formatFixed(v, 2);
/** An amount in SEK: whole kronor as an integer, else two decimals (öre). */
export const formatAmount = (v: number): string => formatFixed(v, Number.isInteger(v) ? 0 : 2);

/** The notation of an indicator's value: its decimals (counts 0, shares 1, means as declared). */
export function formatByIndicator(indicator: Pick<Indicator, "kind" | "decimals">, v: number): string {
  return formatFixed(v, decimalsOf(indicator));
}

/** A published figure, or its status symbol: ".." when withheld, "-" when there is no data. */
export function formatFigure(status: Status, value: number | null, format: (v: number) => string): string {
  if (status === "..") return WITHHELD;
  if (status === "-" || value === null) return NO_DATA;
  if (status !== "") throw new Error(`invalid status: ${String(status)}`);
  return format(value);
}

/** A count of persons, households or person-months on a page outside the protected reports:
 *  1 to the threshold is shown as ".." (contract §8), 0 and larger counts as they are. */
export function formatWithheldCount(v: number | null, threshold: number): string {
  if (v === null) return NO_DATA;
  return isSmall(v, threshold) ? WITHHELD : formatCount(v);
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

/** A figure's numerator as the tables show it: a count, an amount in SEK for means; for a mean row (network or group) the sum of the averaged values. */
export function numeratorText(ind: Indicator, f: Figure | undefined, network: boolean): string {
  if (!f) return NO_DATA;
  if (f.status === "..") return WITHHELD;
  if (f.numerator === null) return NO_DATA;
  if (network) return formatFixed(f.numerator, decimalsOf(ind));
  return ind.kind === "mean" ? formatAmount(f.numerator) : formatCount(f.numerator);
}

/** A figure's denominator as the tables show it. */
export function denominatorText(f: Figure | undefined): string {
  if (!f) return NO_DATA;
  if (f.status === "..") return WITHHELD;
  return f.denominator === null ? NO_DATA : formatCount(f.denominator);
}
