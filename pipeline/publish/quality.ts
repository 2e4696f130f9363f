// What quality.html and the freshness lines of every page read from the database (sql/site/): the
// files and their findings, coding completeness, couples coded for one adult, mapped codes and
// replacements. Withholding of what they show is the page's (reports/quality.ts).
import type { Freshness, QualityFile, QualityPage, RunInfo } from "../../reports/model.js";
import { sqlText, type Db } from "../db/connection.js";
import type { Finding, Severity } from "../contract/finding.js";
import { municipalityName } from "../contract/municipalities.js";

export async function freshnessOf(db: Db): Promise<Freshness[]> {
  const rows = await db.all<{
    municipality: string; bistand_from: string | null; bistand_to: string | null; insats_snapshot: string | null;
    insats_snapshot_source: Freshness["insatsSnapshotSource"]; last_loaded: string | null;
  }>(sqlText("site/freshness"));
  return rows.map((r) => ({
    municipality: r.municipality, name: municipalityName(r.municipality), bistandFrom: r.bistand_from, bistandTo: r.bistand_to,
    insatsSnapshot: r.insats_snapshot, insatsSnapshotSource: r.insats_snapshot_source ?? null, lastLoaded: r.last_loaded
  }));
}

export async function qualityOf(db: Db, run: RunInfo, threshold: number, freshness: Freshness[]): Promise<QualityPage> {
  const fileRows = await db.all<{
    file_id: number; municipality: string; name: string; kind: string | null; status: "accepted" | "rejected"; first_seen: string;
    rows: number | null; encoding: string | null; delimiter: string | null; profile: string | null;
  }>(sqlText("site/quality_files"));
  const findingRows = await db.all<{ file_id: number; severity: Severity; code: string; line: number | null; column: string | null; value: string | null; message: string; count: number | null; params: string | null; n: number }>(
    sqlText("site/quality_findings")
  );
  const counts = await db.all<{ file_id: number; severity: string; n: number }>(sqlText("site/quality_finding_counts"));
  const files: QualityFile[] = fileRows.map((f) => {
    const display = `${f.municipality}/${f.name}`;
    return {
      municipality: f.municipality, name: f.name, kind: f.kind, status: f.status, firstSeen: f.first_seen, rows: f.rows,
      encoding: f.encoding, delimiter: f.delimiter, profile: f.profile,
      findings: findingRows.filter((x) => x.file_id === f.file_id).map((x): Finding => ({
        severity: x.severity, code: x.code, file: display, line: x.line, column: x.column, value: x.value, message: x.message,
        ...(x.count ? { count: x.count } : {}),
        ...(x.params === null ? {} : { params: JSON.parse(x.params) as object })
      })),
      findingCounts: Object.fromEntries(counts.filter((c) => c.file_id === f.file_id).map((c) => [c.severity, c.n]))
    };
  });
  const completeness = await db.all<{ municipality: string; year: number; personMonths: number; coded: number }>(sqlText("site/quality_completeness"));
  const couples = await db.all<{ municipality: string; year: number; couples: number; coApplicantUncoded: number }>(sqlText("site/quality_couples"));
  const mappings = await db.all<{ municipality: string; profile: string; column: string; source: string; code: string }>(sqlText("site/quality_mappings"));
  const replacements = await db.all<{ municipality: string; kind: string; month: string | null; oldFile: string; newFile: string; rows: number }>(
    sqlText("site/quality_replacements")
  );
  return { run, threshold, files, completeness, couples, mappings, replacements, freshness };
}
