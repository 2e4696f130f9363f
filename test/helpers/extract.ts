// Contract extracts for tests (contract §2): rows as objects, written as real CSV bytes in any of the
// accepted dialects (or deliberately not), and valid identity numbers with their check digits computed.
import { makePersonnummer } from "../../pipeline/contract/identity.js";

export const bistandColumns = ["municipality", "month", "person_id", "household_id", "role", "gender", "birth_year", "born_abroad", "reason", "amount_sek"] as const;
export const insatsColumns = ["municipality", "person_id", "gender", "birth_year", "measure", "need_category", "referred_by", "start_date", "end_date", "exit_reason", "cost_sek"] as const;

export type Row = Record<string, string>;

/** A 32-digit hex pseudonym, distinct per n (contract §2 accepts 16–64 hex digits as person_id). */
export const hexId = (n: number, salt = 0): string => (salt * 1_000_003 + n).toString(16).padStart(32, "0");

/** One applicant per household: n rows of one municipality and month, every amount on its row. */
export function bistandRows(municipality: string, month: string, n: number, first = 1): Row[] {
  return Array.from({ length: n }, (_, i) => ({
    municipality,
    month,
    person_id: hexId(first + i, Number(municipality)),
    household_id: `${municipality}-H${String(first + i).padStart(5, "0")}`,
    role: "applicant",
    gender: i % 2 ? "K" : "M",
    birth_year: String(1960 + ((first + i) % 40)),
    born_abroad: String(i % 3 === 0 ? 1 : 0),
    reason: "unemployed_no_benefit",
    amount_sek: String(4000 + 100 * (first + i))
  }));
}

/** n finished measures of one municipality starting in 2024. */
export function insatsRows(municipality: string, n: number, first = 1): Row[] {
  return Array.from({ length: n }, (_, i) => ({
    municipality,
    person_id: hexId(first + i, Number(municipality)),
    gender: i % 2 ? "K" : "M",
    birth_year: String(1970 + i),
    measure: "job_search",
    need_category: "B_short_support",
    referred_by: "social_services",
    start_date: `2024-0${1 + (i % 9)}-1${i % 10}`,
    end_date: `2025-0${1 + (i % 9)}-0${1 + (i % 9)}`,
    exit_reason: "work",
    cost_sek: String(1000 + i)
  }));
}

export interface CsvOptions {
  readonly delimiter?: "," | ";" | "\t";
  readonly eol?: "\n" | "\r\n";
  readonly bom?: boolean;
  /** header as written; defaults to the keys of the first row */
  readonly header?: readonly string[];
}

function field(v: string, delimiter: string): string {
  return v.includes(delimiter) || v.includes('"') || v.includes("\n") || v.includes("\r") ? `"${v.replaceAll('"', '""')}"` : v;
}

/** CSV text: a header and one line per row, every line ended (as Excel writes it). */
export function csv(rows: readonly Row[], o: CsvOptions = {}): string {
  const d = o.delimiter ?? ",";
  const eol = o.eol ?? "\n";
  const header = o.header ?? Object.keys(rows[0] ?? {});
  const keys = o.header ? Object.keys(rows[0] ?? {}) : header;
  const lines = [header.map((h) => field(h, d)).join(d), ...rows.map((r) => keys.map((k) => field(r[k] ?? "", d)).join(d))];
  return (o.bom ? "\uFEFF" : "") + lines.join(eol) + eol;
}

export const bistandCsv = (rows: readonly Row[], o: CsvOptions = {}) => csv(rows, { header: bistandColumns, ...o });
export const insatsCsv = (rows: readonly Row[], o: CsvOptions = {}) => csv(rows, { header: insatsColumns, ...o });

/** UTF-16 bytes of a text, little or big endian, with or without the byte-order mark. */
export function utf16(text: string, endian: "LE" | "BE", bom: boolean): Buffer {
  const body = Buffer.from(text, "utf16le");
  if (endian === "BE") body.swap16();
  const mark = Buffer.from(endian === "LE" ? [0xff, 0xfe] : [0xfe, 0xff]);
  return bom ? Buffer.concat([mark, body]) : body;
}

/** A valid Swedish personnummer in its notations: 12 digits, 12 with '-', and 10 with '-'. */
export function personnummer(birth: { year: number; month: number; day: number }, serial: number) {
  const twelve = makePersonnummer(birth, serial);
  return { twelve, twelveDash: `${twelve.slice(0, 8)}-${twelve.slice(8)}`, ten: `${twelve.slice(2, 8)}-${twelve.slice(8)}` };
}

/** The same number with its check digit changed: fails Luhn. */
export function badLuhn(twelve: string): string {
  return twelve.slice(0, 11) + String((Number(twelve[11]) + 1) % 10);
}
