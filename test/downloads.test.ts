// The downloads beside each report's CSV (contract §7): data/<group>.xlsx read back with exceljs and
// data/<group>.arrow read back with apache-arrow hold the CSV's rows, in its order, with the same
// values and statuses — from the golden pipeline's run, the golden report fixtures and a synthetic
// national report. The xlsx: Swedish headers, names, codes as text (0120 keeps its zero), numbers
// with the page's number formats, a frozen header and an autofilter, no formula anywhere.
import { existsSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { DataType, tableFromIPC } from "apache-arrow";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { decimalsOf, schema, type Indicator } from "../pipeline/contract/schema.js";
import { municipalityName } from "../pipeline/contract/municipalities.js";
import { figuresArrow } from "../reports/arrow.js";
import { figuresCsv } from "../reports/csv.js";
import type { Figure, ReportPage } from "../reports/model.js";
import { renderReport } from "../reports/report.js";
import { figuresXlsx } from "../reports/xlsx.js";
import { inputRoot, listFiles } from "./helpers/golden.js";
import { parseFigures, runKas, tempRoot, writeFiles, type CsvFigure } from "./helpers/indicators.js";
import { syntheticReport } from "./report-fixture.js";
import { useScratch } from "./helpers/scratch.js";

const scratch = useScratch("downloads");

const headers = ["Indikator", "Uppdelning", "Kategori", "Kommunkod", "Kommun", "År", "Kön", "Värde", "Täljare", "Nämnare", "Status"];
const genderNames: Record<string, string> = { K: "Kvinnor", M: "Män", T: "Totalt" };
const number = (cell: string) => (cell === "" ? null : Number(cell));
const fmt = (decimals: number) => (decimals === 0 ? "#,##0" : `#,##0.${"0".repeat(decimals)}`);
/** A breakdown's dimension and category as the xlsx names them: their Swedish labels (schemas/breakdowns.json). */
const dimensionLabel = (d: string) => (d ? schema().dimensions.find((x) => x.id === d)!.sv : null);
const categoryLabel = (d: string, c: string) => (d ? schema().dimensions.find((x) => x.id === d)!.categories.find((x) => x.code === c)!.sv : null);

/** The number formats the page's notation asks for: a network mean of a count has one decimal, a
 *  numerator of SEK whole kronor or öre, the network's numerator the value's decimals. */
function expectedFormats(f: CsvFigure, ind: Indicator): Record<string, string> {
  const network = f.municipality === "network";
  const numerator = Number(f.numerator);
  return {
    År: "0",
    Värde: fmt(ind.kind === "count" && network ? 1 : decimalsOf(ind)),
    Täljare: fmt(network ? decimalsOf(ind) : ind.kind === "mean" && !Number.isInteger(numerator) ? 2 : 0),
    Nämnare: "#,##0"
  };
}

/** Every cell of the only sheet, by row, as exceljs reads it back. */
async function readXlsx(file: string) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  expect(wb.worksheets).toHaveLength(1);
  const sheet = wb.worksheets[0];
  const rows: ExcelJS.Cell[][] = [];
  for (let r = 1; r <= sheet.rowCount; r++) rows.push(headers.map((_, c) => sheet.getRow(r).getCell(c + 1)));
  return { sheet, rows };
}

/** Compares the xlsx and the Arrow file with the CSV, row by row. */
async function expectSameRows(csv: string, xlsx: string, arrow: Uint8Array, indicators: readonly Indicator[], names: (code: string) => string) {
  const figures = parseFigures(csv);
  const byId = new Map(indicators.map((i) => [i.id, i]));

  const { sheet, rows } = await readXlsx(xlsx);
  expect(rows[0].map((c) => c.value)).toEqual(headers);
  expect(rows[0].every((c) => c.font?.bold)).toBe(true);
  expect(sheet.views).toMatchObject([{ state: "frozen", ySplit: 1 }]);
  expect(sheet.autoFilter).toBe(`A1:K${figures.length + 1}`);
  expect(rows).toHaveLength(figures.length + 1);
  figures.forEach((f, n) => {
    const ind = byId.get(f.indicator)!;
    const cells = rows[n + 1];
    const expected = [
      ind.sv, dimensionLabel(f.dimension ?? ""), categoryLabel(f.dimension ?? "", f.category ?? ""), f.municipality, f.municipality === "network" ? "Nätverket (medel)" : names(f.municipality),
      f.year, genderNames[f.gender], number(f.value), number(f.numerator), number(f.denominator), f.status || null
    ];
    expect(cells.map((c) => c.value), `row ${n + 2}`).toEqual(expected);
    const formats = expectedFormats(f, ind);
    cells.forEach((c, i) => {
      if (c.value === null) return;
      // text is text (never a formula), numbers are numbers with the page's notation
      expect(c.type, `${headers[i]}${n + 2}`).toBe(typeof c.value === "number" ? ExcelJS.ValueType.Number : ExcelJS.ValueType.String);
      if (typeof c.value === "number") expect(c.numFmt, `${headers[i]}${n + 2}`).toBe(formats[headers[i]]);
    });
  });

  expect(Buffer.from(arrow.subarray(0, 6)).toString()).toBe("ARROW1"); // an IPC file, not a stream
  const table = tableFromIPC(arrow);
  expect(table.schema.fields.map((f) => `${f.name}: ${String(f.type)}`)).toEqual([
    "indicator: Dictionary<Int32, Utf8>", "dimension: Dictionary<Int32, Utf8>", "category: Dictionary<Int32, Utf8>",
    "municipality: Dictionary<Int32, Utf8>", "year: Int16", "gender: Dictionary<Int32, Utf8>",
    "value: Float64", "numerator: Float64", "denominator: Float64", "status: Dictionary<Int32, Utf8>"
  ]);
  expect(table.schema.fields.every((f) => !DataType.isDictionary(f.type) || DataType.isUtf8(f.type.dictionary))).toBe(true);
  expect(table.numRows).toBe(figures.length);
  const got = table.toArray().map((r) => r.toJSON());
  figures.forEach((f, n) => {
    expect(got[n], `row ${n}`).toEqual({
      indicator: f.indicator, dimension: f.dimension || null, category: f.category || null, municipality: f.municipality, year: f.year,
      gender: f.gender, value: number(f.value), numerator: number(f.numerator), denominator: number(f.denominator), status: f.status || null
    });
  });
}

/** The three downloads of a page model, written here as site.ts writes them. */
async function downloads(page: ReportPage) {
  const xlsx = scratch.path(page.targetGroup.id, "xlsx");
  await figuresXlsx(page, xlsx);
  return { csv: figuresCsv(page.figures), xlsx, arrow: figuresArrow(page.figures) };
}

async function expectPage(page: ReportPage) {
  const names = new Map(page.municipalities.map((m) => [m.code, m.name]));
  const { csv, xlsx, arrow } = await downloads(page);
  await expectSameRows(csv, xlsx, arrow, page.indicators, (code) => names.get(code)!);
}

const fixture = (name: string) => JSON.parse(readFileSync(join(inputRoot, name, "report.json"), "utf8")) as ReportPage;

describe("the golden pipeline's downloads (test/input/pipeline-basic)", () => {
  let root: string;
  beforeAll(async () => {
    root = tempRoot("downloads");
    const inbox = join(inputRoot, "pipeline-basic", "inbox");
    writeFiles(join(root, "inbox"), Object.fromEntries(listFiles(inbox).map((f) => [f, readFileSync(join(inbox, f))])));
    await runKas(root);
  }, 60_000);
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it("writes an xlsx and an Arrow file beside every CSV", () => {
    const groups = schema().targetGroups.map((t) => t.id);
    expect(listFiles(join(root, "site", "data"))).toEqual(groups.flatMap((g) => [`${g}.arrow`, `${g}.csv`, `${g}.xlsx`]).sort());
  });

  it("each holds the CSV's rows, in its order, with names, text codes and statuses", async () => {
    const data = join(root, "site", "data");
    for (const g of schema().targetGroups) {
      const csv = readFileSync(join(data, `${g.id}.csv`), "utf8");
      expect(csv).toMatch(/\n(\d{4}|[a-z_]+),.*\n/); // rows, not just a header
      await expectSameRows(csv, join(data, `${g.id}.xlsx`), readFileSync(join(data, `${g.id}.arrow`)), schema().indicators, municipalityName);
    }
    // the codes keep their leading zero: 0128, 0138, 0139
    const { rows } = await readXlsx(join(data, "all.xlsx"));
    expect(new Set(rows.slice(1).map((r) => r[3].value))).toEqual(new Set(["0128", "0138", "0139", "network"]));
  });
});

describe("report pages", () => {
  it("the golden report fixtures", async () => {
    await expectPage(fixture("report-basic"));
    await expectPage(fixture("report-national"));
  });

  // every cell of every row is compared, and 30 municipalities already hold every kind of indicator,
  // withheld and missing rows (290 took 17 s); the golden report-national above is a national report
  it("a synthetic report (30 municipalities, every kind of indicator, withheld and missing rows)", async () => {
    const page = syntheticReport(30, [2024]);
    expect(new Set(page.figures.map((f) => f.status))).toEqual(new Set(["", "..", "-"]));
    await expectPage(page);
  });

  it("a report with no figures is a header alone", async () => {
    const page = { ...fixture("report-basic"), figures: [] };
    await expectPage(page);
    expect(tableFromIPC(figuresArrow([])).numRows).toBe(0);
  });

  it("the same figures give the same bytes, whenever written (no clock in the workbook)", async () => {
    const page = fixture("report-basic");
    const at = async (time: string) => {
      vi.useFakeTimers({ toFake: ["Date"] });
      vi.setSystemTime(new Date(time));
      try {
        return await downloads(page);
      } finally {
        vi.useRealTimers();
      }
    };
    const [a, b] = [await at("2025-03-04T05:06:07Z"), await at("2031-10-11T12:13:14Z")];
    expect(readFileSync(a.xlsx).equals(readFileSync(b.xlsx))).toBe(true);
    expect(Buffer.from(a.arrow).equals(Buffer.from(b.arrow))).toBe(true);
  });

  it("the report page links both beside the CSV and says what each is", () => {
    const page = fixture("report-basic");
    const out = renderReport(page);
    const id = page.targetGroup.id;
    expect(out).toContain(`<a href="data/${id}.csv">`);
    expect(out).toMatch(new RegExp(`<a href="data/${id}\\.xlsx">[^<]+</a> \\(för Excel`));
    expect(out).toMatch(new RegExp(`<a href="data/${id}\\.arrow">[^<]*Apache Arrow[^<]*</a>`));
  });
});

describe("confidentiality and hostile text", () => {
  const hostile = '=HYPERLINK("http://example.com/x","klicka")';

  it("a label that looks like a formula stays text", async () => {
    const base = fixture("report-basic");
    const code = base.municipalities[0].code;
    const page: ReportPage = {
      ...base,
      municipalities: base.municipalities.map((m) => (m.code === code ? { ...m, name: hostile } : m)),
      figures: base.figures
    };
    const xlsx = scratch.path("hostile", "xlsx");
    await figuresXlsx(page, xlsx);
    const { rows } = await readXlsx(xlsx);
    const texts = rows.flat().filter((c) => typeof c.value === "string");
    expect(texts.some((c) => c.value === hostile)).toBe(true);
    for (const c of rows.flat()) expect(c.type, c.address).not.toBe(ExcelJS.ValueType.Formula);
    expect(rows.filter((r) => r[3].value === code).every((r) => r[4].value === hostile && r[4].type === ExcelJS.ValueType.String)).toBe(true);
    // codes are the schema's, checked before the workbook is begun; the Arrow file keeps any text as text
    const odd = base.figures.map((f, i) => (i === 0 ? { ...f, dimension: "+1+2", category: "@SUM(A1)" } : f));
    await expect(figuresXlsx({ ...page, figures: odd }, scratch.path("odd", "xlsx"))).rejects.toThrow("unknown category");
    const table = tableFromIPC(figuresArrow(odd));
    expect([table.get(0)!.dimension, table.get(0)!.category]).toEqual(["+1+2", "@SUM(A1)"]);
  });

  it("a withheld row has no value, numerator or denominator, whatever the input holds", async () => {
    const base = fixture("report-basic");
    const leak: Figure = { ...base.figures.find((f) => f.municipality !== "network")!, status: "..", value: 7, numerator: 7, denominator: 40 };
    const page: ReportPage = { ...base, figures: [leak] };
    const xlsx = scratch.path("withheld", "xlsx");
    await figuresXlsx(page, xlsx);
    const { rows } = await readXlsx(xlsx);
    expect(rows[1].slice(7).map((c) => c.value)).toEqual([null, null, null, ".."]);
    expect(tableFromIPC(figuresArrow([leak])).get(0)!.toJSON()).toMatchObject({ value: null, numerator: null, denominator: null, status: ".." });
  });

  it("refuses what the CSV refuses", async () => {
    const base = fixture("report-basic");
    const bad = (f: Partial<Figure>): Figure[] => [{ ...base.figures[0], ...f }];
    expect(() => figuresArrow(bad({ status: "x" as Figure["status"] }))).toThrow("invalid status: x");
    expect(() => figuresArrow(bad({ year: 2024.5 }))).toThrow("invalid year: 2024.5");
    expect(() => figuresArrow(bad({ gender: "X" as Figure["gender"] }))).toThrow("invalid gender code: X");
    const refused = async (figures: Figure[], message: string) => {
      const file = scratch.path("bad", "xlsx");
      await expect(figuresXlsx({ ...base, figures }, file)).rejects.toThrow(message);
      expect(existsSync(file), "a refused figure leaves no file").toBe(false);
    };
    await refused(bad({ status: "x" as Figure["status"] }), "invalid status: x");
    await refused(bad({ year: 2024.5 }), "invalid year: 2024.5");
    await refused(bad({ gender: "X" as Figure["gender"] }), "invalid gender code: X");
    await refused(bad({ municipality: "9999" }), "unknown municipality: 9999");
    await refused(bad({ indicator: "nope" }), "unknown indicator: nope");
  });
});
