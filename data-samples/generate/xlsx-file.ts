// Writing an .xlsx extract (the dialect of 0183) with ExcelJS's streaming writer, byte for byte the
// same on every run: every zip entry gets the fixed date instead of now.
import { createWriteStream } from "node:fs";
import ExcelJS from "exceljs";

/** A cell of a row: text, a number, an Excel date, or empty. */
export type Cell = string | number | Date | null;

type Zip = { append(source: unknown, data: Record<string, unknown>): unknown; fixed?: boolean };

/** ExcelJS's streaming writer, with every zip entry dated `created` instead of now, so that a
 *  workbook is byte-identical on every run. Its constructor already adds two entries (through
 *  addThemes and addOfficeRels), hence the patch in those. */
class FixedTimeWorkbookWriter extends ExcelJS.stream.xlsx.WorkbookWriter {
  private fixZip(): void {
    const self = this as unknown as { zip: Zip; created: Date };
    const zip = self.zip;
    if (zip.fixed) return;
    const append = zip.append.bind(zip);
    zip.append = (source, data) => append(source, { ...data, date: self.created });
    zip.fixed = true;
  }

  override addThemes(): Promise<void> {
    this.fixZip();
    return super.addThemes();
  }

  override addOfficeRels(): Promise<void> {
    this.fixZip();
    return super.addOfficeRels();
  }
}

/** One worksheet written row by row; a Date cell is shown as yyyy-mm-dd. */
export class XlsxFile {
  private readonly done: Promise<void>;

  private constructor(
    private readonly wb: ExcelJS.stream.xlsx.WorkbookWriter,
    private readonly ws: ExcelJS.Worksheet,
    done: Promise<void>
  ) {
    this.done = done;
  }

  static create(path: string, sheet: string, fixed: Date, dates: boolean): XlsxFile {
    const stream = createWriteStream(path);
    const done = new Promise<void>((resolve, reject) => {
      stream.on("close", () => resolve());
      stream.on("error", reject);
    });
    done.catch(() => undefined); // awaited in close(); this only keeps an early error from counting as unhandled
    const options = { stream, useStyles: dates, useSharedStrings: false, zip: { zlib: { level: 6 } }, created: fixed, modified: fixed };
    const wb = new FixedTimeWorkbookWriter(options as ConstructorParameters<typeof ExcelJS.stream.xlsx.WorkbookWriter>[0]);
    wb.creator = "kas data-samples";
    wb.lastModifiedBy = "kas data-samples";
    return new XlsxFile(wb, wb.addWorksheet(sheet), done);
  }

  addRow(values: readonly Cell[]): void {
    const row = this.ws.addRow(values.map((v) => (v === null ? undefined : v)));
    values.forEach((v, i) => {
      if (v instanceof Date) row.getCell(i + 1).numFmt = "yyyy-mm-dd";
    });
    row.commit();
  }

  async close(): Promise<void> {
    this.ws.commit();
    await this.wb.commit();
    await this.done;
  }
}
