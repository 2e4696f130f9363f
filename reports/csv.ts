// data/<target-group>.csv (contract §7): every figure a report shows, decimal point, no thousands
// separator, RFC 4180 quoting, LF line ends, no BOM (the header must be exactly the contract's).
import { csvNumber } from "./format.js";
import type { Figure, Status } from "./model.js";

/** Contract §7 (version 2): dimension and category are empty for a total row (§6.3). */
export const csvHeader = "indicator,dimension,category,municipality,year,gender,value,numerator,denominator,status";

const statuses: readonly Status[] = ["", "..", "-"];

/** A text cell: a leading = + - @ tab or CR would make a spreadsheet run it as a formula, so it gets
 *  a leading apostrophe (OWASP CSV injection); then quoted where RFC 4180 needs it. */
export function csvText(s: string): string {
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The figures in the order given, one row each. A withheld row has empty value, numerator and
 *  denominator whatever the input holds, so nothing withheld can leak through the CSV. */
export function figuresCsv(figures: readonly Figure[]): string {
  const lines = [csvHeader];
  for (const f of figures) {
    if (!statuses.includes(f.status)) throw new Error(`invalid status: ${String(f.status)}`);
    if (!Number.isInteger(f.year)) throw new Error(`invalid year: ${f.year}`);
    if (!["K", "M", "T"].includes(f.gender)) throw new Error(`invalid gender code: ${f.gender}`);
    const withheld = f.status === "..";
    lines.push(
      [
        csvText(f.indicator),
        csvText(f.dimension ?? ""),
        csvText(f.category ?? ""),
        csvText(f.municipality),
        String(f.year),
        f.gender,
        withheld ? "" : csvNumber(f.value),
        withheld ? "" : csvNumber(f.numerator),
        withheld ? "" : csvNumber(f.denominator),
        f.status // one of the contract's symbols, written as the contract spells them
      ].join(",")
    );
  }
  return lines.join("\n") + "\n";
}
