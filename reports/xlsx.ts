// data/<target-group>.xlsx (contract §7): the CSV's rows, in its order, for Swedish Excel — Swedish
// headers, municipality and indicator names, the municipality code as text (0120 keeps its zero),
// numbers as numbers in the page's notation (Excel shows #,##0 as "12 345" in Swedish), statuses as
// the page shows them. Written row by row with exceljs' streaming writer; every string is a plain
// text cell (never a formula), and the bytes depend on the figures alone (no clock).
import ExcelJS from "exceljs";
import { genderLabel, genderStyle } from "./chart.js";
import { NO_DATA, WITHHELD } from "./format.js";
import { decimalsOf } from "../pipeline/contract/schema.js";
import type { Figure, Indicator, ReportPage, Status } from "./model.js";
import { networkLabel } from "./report.js";

/** The columns: header, width, and the cell of a figure (text, number or empty) with its number format. */
type Cell = string | number | null;
type Labels = { name: string; dimension: string; category: string };
type Column = { header: string; width: number; cell: (f: Figure, ind: Indicator, labels: Labels) => Cell; format?: (f: Figure, ind: Indicator) => string };

const shown: Record<Status, string> = { "": "", "..": WITHHELD, "-": NO_DATA };
/** The CSV's checks (reports/csv.ts), with its messages. */
function checked<T>(ok: boolean, what: string, v: T): T {
  if (!ok) throw new Error(`invalid ${what}: ${String(v)}`);
  return v;
}
/** Nothing withheld leaks: a withheld row has empty value, numerator and denominator, as in the CSV. */
const published = (f: Figure, v: number | null): number | null => (f.status === ".." ? null : v);
const network = (f: Figure) => f.municipality === "network";
const fixed = (decimals: number) => (decimals === 0 ? "#,##0" : `#,##0.${"0".repeat(decimals)}`);

const columns: readonly Column[] = [
  { header: "Indikator", width: 48, cell: (_, ind) => ind.sv },
  // a breakdown's dimension and category by their Swedish names (contract §6.3); empty for a total
  { header: "Uppdelning", width: 16, cell: (_, __, l) => l.dimension },
  { header: "Kategori", width: 28, cell: (_, __, l) => l.category },
  { header: "Kommunkod", width: 11, cell: (f) => f.municipality },
  { header: "Kommun", width: 22, cell: (_, __, l) => l.name },
  { header: "År", width: 7, cell: (f) => checked(Number.isInteger(f.year), "year", f.year), format: () => "0" },
  { header: "Kön", width: 9, cell: (f) => genderLabel(checked(Object.hasOwn(genderStyle, f.gender), "gender code", f.gender)) },
  // as on the page: a network mean of a count keeps one decimal
  { header: "Värde", width: 12, cell: (f) => published(f, f.value), format: (f, ind) => fixed(ind.kind === "count" && network(f) ? 1 : decimalsOf(ind)) },
  // as on the page: the network's sum of averaged values; SEK in whole kronor, else öre
  { header: "Täljare", width: 14, cell: (f) => published(f, f.numerator),
    format: (f, ind) => fixed(network(f) ? decimalsOf(ind) : ind.kind === "mean" && !Number.isInteger(f.numerator) ? 2 : 0) },
  { header: "Nämnare", width: 12, cell: (f) => published(f, f.denominator), format: () => fixed(0) },
  { header: "Status", width: 8, cell: (f) => shown[checked(Object.hasOwn(shown, f.status), "status", f.status)] }
];

/** The zip's and the document's dates: fixed, so the same figures give the same bytes. */
const fixedDate = new Date("1980-01-01T00:00:00Z");

/** exceljs' streaming writer, its zip entries dated fixedDate instead of the clock. Its constructor
 *  adds the first entries (addThemes first) right after it creates the archiver, `zip`. */
class Writer extends ExcelJS.stream.xlsx.WorkbookWriter {
  override addThemes(): Promise<void> {
    const zip = (this as unknown as { zip: { append(source: unknown, data: object): unknown } }).zip;
    const append = zip.append.bind(zip);
    zip.append = (source, data) => append(source, { ...data, date: fixedDate });
    return super.addThemes();
  }
}

/** Writes the page's figures, in the order given, to file as a workbook of one sheet. Every figure is
 *  checked before the file is begun, so a refused one leaves no file. */
export async function figuresXlsx(page: Pick<ReportPage, "targetGroup" | "indicators" | "dimensions" | "municipalities" | "figures" | "comparisonGroups">, file: string): Promise<void> {
  const indicators = new Map(page.indicators.map((i) => [i.id, i]));
  const dimensions = new Map((page.dimensions ?? []).map((d) => [d.id, { sv: d.sv, categories: new Map(d.categories.map((c) => [c.code, c.sv])) }]));
  const breakdown = (f: Figure) => {
    if (!f.dimension) return { dimension: "", category: "" };
    const d = dimensions.get(f.dimension);
    const category = d?.categories.get(f.category ?? "");
    if (!d || category === undefined) throw new Error(`figure for unknown category: ${f.dimension} ${f.category}`);
    return { dimension: d.sv, category };
  };
  const names = new Map([
    ...page.municipalities.map((m) => [m.code, m.name] as const),
    ["network", networkLabel],
    ...(page.comparisonGroups ?? []).map((g) => [`group:${g.id}`, `${g.name} (medel)`] as const)
  ]);
  const rows = page.figures.map((f) => {
    const ind = indicators.get(f.indicator);
    if (!ind) throw new Error(`figure for unknown indicator: ${f.indicator}`);
    const name = names.get(f.municipality);
    if (name === undefined) throw new Error(`figure for unknown municipality: ${f.municipality}`);
    const labels = { name, ...breakdown(f) };
    return { f, ind, cells: columns.map((c) => c.cell(f, ind, labels)) };
  });
  const wb = new Writer({ filename: file, useStyles: true, useSharedStrings: true });
  Object.assign(wb, { created: fixedDate, modified: fixedDate, creator: "kas", lastModifiedBy: "kas", title: page.targetGroup.sv });
  const sheet = wb.addWorksheet("Siffror", {
    views: [{ state: "frozen", ySplit: 1, activeCell: "A2" }],
    autoFilter: `A1:${String.fromCharCode(64 + columns.length)}${rows.length + 1}`
  } as Partial<ExcelJS.AddWorksheetOptions>);
  sheet.columns = columns.map((c) => ({ width: c.width }));
  const header = sheet.addRow(columns.map((c) => c.header));
  header.font = { bold: true };
  header.commit();
  // exceljs finds a style it has seen by identity, else serialises it: one shared object per format
  const plain: Partial<ExcelJS.Style> = {};
  const styles = new Map<string, Partial<ExcelJS.Style>>();
  const styleOf = (numFmt: string) => styles.get(numFmt) ?? styles.set(numFmt, { numFmt }).get(numFmt)!;
  for (const { f, ind, cells } of rows) {
    const row = sheet.addRow([]);
    Object.assign(row, { style: plain });
    cells.forEach((v, i) => {
      if (v === null || v === "") return; // an empty cell is no cell
      const cell = row.getCell(i + 1);
      cell.value = v; // a string is a text cell, whatever it starts with
      const format = columns[i].format;
      cell.style = format && typeof v === "number" ? styleOf(format(f, ind)) : plain;
    });
    row.commit();
  }
  sheet.commit();
  await wb.commit();
}
