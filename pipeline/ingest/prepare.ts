// Preparation of one new file (contract §1–§2, §14): what it is — a readable UTF-8 CSV (a workbook
// converted, Windows-1252 transcoded), its dialect, its kind and column layout, and whether its folder
// takes that kind; or a commentary (.md, ingest/commentary.ts). FATAL findings (the problems of
// inspection, dialect and workbook, a wrong folder) stop a file here, before anything is staged.
import { join } from "node:path";
import { found, findingOf, problem, type Problem } from "../contract/findings.js";
import { normaliseKey, type Profile } from "../contract/profile.js";
import { kindDef, type Schema } from "../contract/schema.js";
import { prepareCommentary } from "./commentary.js";
import { sniffDialect, type Delimiter } from "./dialect.js";
import { transcodeToUtf8 } from "./encoding.js";
import type { Prepared } from "./intake.js";
import { layoutOf, takes } from "./layout.js";
import { recordLines } from "./lines.js";

/** Reads what the file is: a readable UTF-8 CSV, its dialect, kind and column layout; or a commentary. FATAL
 *  findings stop here. Given every profile, a header that `profile` does not read but one of them does gets
 *  a hint naming it. `threshold` is the confidentiality threshold a commentary's small numbers are held to. */
export async function prepare(
  p: Prepared, profile: Profile | null, schema: Schema, workDir: string, profiles: Iterable<Profile>, threshold: number
): Promise<void> {
  const c = p.candidate;
  const stop = (what: Problem, line: number | null = null): void => {
    p.findings.push(findingOf(what, c.display, { line }));
  };
  if (c.ext === "other") return stop(problem("unsupported_file_type", {}));
  if (c.ext === "md") {
    // a commentary is a municipality's own: network/ takes reference data only
    if (!takes(p.folder, "municipality")) {
      p.kind = "commentary";
      return void p.findings.push(found("wrong_folder", c.display, { kind: "commentary", folder: p.folder!, belongs: "municipality" }));
    }
    return prepareCommentary(p, schema, threshold);
  }
  const archived = p.source;
  let csvPath = archived;
  let header: readonly string[];
  let delimiter: Delimiter;
  let records: number;
  p.profile = profile;
  if (c.ext === "xlsx") {
    csvPath = join(workDir, `${p.fileId}.csv`);
    // a date cell under the month column (by contract name or the profile's) is written YYYY-MM
    const { xlsxToCsv } = await import("./xlsx.js"); // exceljs is slow to load: only when an .xlsx comes
    const converted = await xlsxToCsv(archived, csvPath, {
      dateStyle: (h) => ((profile?.columns[normaliseKey(h)] ?? normaliseKey(h)) === "month" ? "month" : "date")
    });
    if (!converted.ok) return stop(converted, converted.line ?? null);
    if (converted.ignoredCells > 0) {
      p.findings.push(found("cells_outside_header", c.display, { cells: converted.ignoredCells, firstRow: converted.firstIgnoredRow }, { line: converted.firstIgnoredRow }));
    }
    header = converted.header;
    delimiter = ",";
    records = converted.rows;
    p.encoding = "xlsx";
  } else {
    if (p.inspection.problem) return stop(p.inspection.problem, p.inspection.problem.line);
    const sniffed = sniffDialect(p.inspection.head);
    if (!sniffed.ok) return stop(sniffed, 1);
    header = sniffed.dialect.header;
    delimiter = sniffed.dialect.delimiter;
    records = Math.max(0, p.inspection.records - 1);
    if (p.inspection.encoding === "windows-1252") {
      csvPath = join(workDir, `${p.fileId}.csv`);
      await transcodeToUtf8(archived, csvPath);
    }
    if (p.inspection.hasQuote || p.inspection.hasBlankLine) {
      const path = csvPath;
      p.lineOf = (wanted) => recordLines(path, delimiter, wanted);
    }
  }
  p.delimiter = c.ext === "xlsx" ? null : delimiter; // a workbook has none (the comma is our own CSV's)
  const { layout, findings } = layoutOf(header, profile, schema, c.display, { profiles, folder: p.folder });
  p.findings.push(...findings);
  if (!layout) return;
  p.kind = layout.kind;
  const belongs = kindDef(schema, layout.kind).folder;
  if (!takes(p.folder, belongs)) {
    // a population file in a municipality's folder, or a municipality's extract in network/: rejected whole
    return void p.findings.push(found("wrong_folder", c.display, { kind: layout.kind, folder: p.folder!, belongs }));
  }
  p.staged = {
    fileId: p.fileId, display: c.display, folder: p.folder, layout, profile, csvPath, delimiter, xlsx: c.ext === "xlsx",
    records,
    openQuoteLine: c.ext === "csv" ? p.inspection.openQuoteLine : null,
    padded: c.ext !== "csv" || p.inspection.padded,
    workDir
  };
}
