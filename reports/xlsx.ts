// data/<target-group>.xlsx (contract §7): the CSV's rows, in its order, for Excel in the page's
// language (contract §12; Swedish by default) — its headers, municipality, indicator and breakdown
// names, the municipality code as text (0120 keeps its zero), numbers as numbers (Excel shows #,##0
// in the reader's own notation: "12 345" in Swedish), statuses as the page shows them (a Norwegian
// page's ":", "..", "."). Written row by row with exceljs' streaming writer; every string is a plain
// text cell (never a formula), and the bytes depend on the figures alone (no clock).
import ExcelJS from "exceljs";
import { genderStyle } from "./chart.js";
import { decimalsOf } from "../pipeline/contract/schema.js";
import type { Figure, Indicator, ReportPage } from "./model.js";
import { words, type Words } from "./words.js";

/** The columns: header, width, and the cell of a figure (text, number or empty) with its number format. */
type Cell = string | number | null;
type Labels = { name: string; dimension: string; category: string };
type Column = { width: number; cell: (f: Figure, ind: Indicator, labels: Labels) => Cell; format?: (f: Figure, ind: Indicator) => string };

/** The CSV's checks (reports/csv.ts), with its messages. */
function checked<T>(ok: boolean, what: string, v: T): T {
  if (!ok) throw new Error(`invalid ${what}: ${String(v)}`);
  return v;
}
/** Nothing withheld leaks: a withheld row has empty value, numerator and denominator, as in the CSV. */
const published = (f: Figure, v: number | null): number | null => (f.status === ".." ? null : v);
const network = (f: Figure) => f.municipality === "network";
const fixed = (decimals: number) => (decimals === 0 ? "#,##0" : `#,##0.${"0".repeat(decimals)}`);

/** The columns in the order of Words.xlsx.headers; the figure's texts in the page's language. */
const columnsOf = (w: Words): readonly Column[] => [
  { width: 48, cell: (_, ind) => w.name(ind) },
  // a breakdown's dimension and category by their names (contract §6.3); empty for a total
  { width: 16, cell: (_, __, l) => l.dimension },
  { width: 28, cell: (_, __, l) => l.category },
  { width: 11, cell: (f) => f.municipality },
  { width: 22, cell: (_, __, l) => l.name },
  { width: 7, cell: (f) => checked(Number.isInteger(f.year), "year", f.year), format: () => "0" },
  { width: 9, cell: (f) => w.gender[checked(Object.hasOwn(genderStyle, f.gender), "gender code", f.gender)] },
  // as on the page: a network mean of a count keeps one decimal
  { width: 12, cell: (f) => published(f, f.value), format: (f, ind) => fixed(ind.kind === "count" && network(f) ? 1 : decimalsOf(ind)) },
  // as on the page: the network's sum of averaged values; SEK in whole kronor, else öre
  { width: 14, cell: (f) => published(f, f.numerator),
    format: (f, ind) => fixed(network(f) ? decimalsOf(ind) : ind.kind === "mean" && !Number.isInteger(f.numerator) ? 2 : 0) },
  { width: 12, cell: (f) => published(f, f.denominator), format: () => fixed(0) },
  // the page's symbol: withheld, no data or not applicable; empty for a published figure
  { width: 8, cell: (f) => (checked(f.status === "" || f.status === ".." || f.status === "-", "status", f.status) === "" ? "" : w.n.symbol(f)) }
];
const columnsByLanguage = new Map<string, readonly Column[]>();

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
export async function figuresXlsx(page: Pick<ReportPage, "targetGroup" | "indicators" | "dimensions" | "municipalities" | "figures" | "comparisonGroups" | "language">, file: string): Promise<void> {
  const w = words(page.language ?? "sv");
  let columns = columnsByLanguage.get(w.language);
  if (!columns) columnsByLanguage.set(w.language, (columns = columnsOf(w)));
  const indicators = new Map(page.indicators.map((i) => [i.id, i]));
  const dimensions = new Map((page.dimensions ?? []).map((d) => [d.id, { name: w.name(d), categories: new Map(d.categories.map((c) => [c.code, w.name(c)])) }]));
  const breakdown = (f: Figure) => {
    if (!f.dimension) return { dimension: "", category: "" };
    const d = dimensions.get(f.dimension);
    const category = d?.categories.get(f.category ?? "");
    if (!d || category === undefined) throw new Error(`figure for unknown category: ${f.dimension} ${f.category}`);
    return { dimension: d.name, category };
  };
  const names = new Map([
    ...page.municipalities.map((m) => [m.code, m.name] as const),
    ["network", w.networkLabel],
    ...(page.comparisonGroups ?? []).map((g) => [`group:${g.id}`, w.groupLabel(g.name)] as const)
  ]);
  const rows = page.figures.map((f) => {
    const ind = indicators.get(f.indicator);
    if (!ind) throw new Error(`figure for unknown indicator: ${f.indicator}`);
    const name = names.get(f.municipality);
    if (name === undefined) throw new Error(`figure for unknown municipality: ${f.municipality}`);
    const labels = { name, ...breakdown(f) };
    return { f, ind, cells: columns!.map((c) => c.cell(f, ind, labels)) };
  });
  const wb = new Writer({ filename: file, useStyles: true, useSharedStrings: true });
  Object.assign(wb, { created: fixedDate, modified: fixedDate, creator: "kas", lastModifiedBy: "kas", title: w.name(page.targetGroup) });
  const sheet = wb.addWorksheet(w.xlsx.sheet, {
    views: [{ state: "frozen", ySplit: 1, activeCell: "A2" }],
    autoFilter: `A1:${String.fromCharCode(64 + columns.length)}${rows.length + 1}`
  } as Partial<ExcelJS.AddWorksheetOptions>);
  sheet.columns = columns.map((c) => ({ width: c.width }));
  const header = sheet.addRow([...w.xlsx.headers]);
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
