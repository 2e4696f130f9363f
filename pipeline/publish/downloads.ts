// The downloads of a report (contract §7): the same rows three ways — CSV, for Excel (xlsx) and as
// Apache Arrow.
import { writeFileSync } from "node:fs";
import { figuresArrow } from "../../reports/arrow.js";
import { figuresCsv } from "../../reports/csv.js";
import { figuresXlsx } from "../../reports/xlsx.js";

/** What the three files need of a report page. */
export type DownloadPage = Parameters<typeof figuresXlsx>[0];

/** Writes `<base>.csv`, `<base>.xlsx` and `<base>.arrow`. */
export async function writeDownloads(page: DownloadPage, base: string): Promise<void> {
  writeFileSync(`${base}.csv`, figuresCsv(page.figures));
  await figuresXlsx(page, `${base}.xlsx`);
  writeFileSync(`${base}.arrow`, figuresArrow(page.figures));
}
