// The publishing stage (contract §5–§8): marts from the canonical rows (sql/marts/), confidentiality
// per report, network means and ranks, then every page and CSV of §7 written into a fresh directory
// beside the published site. Which figure comes from where: sql/marts/indicator_counts.sql (counts),
// sql/marts/indicator_values.sql (values), pipeline/withhold/model.ts (withholding),
// pipeline/publish/comparison.ts (network mean, rank), reports/ (pages).
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { renderCodes } from "../../reports/codes.js";
import { figuresCsv } from "../../reports/csv.js";
import { renderIndex } from "../../reports/index-page.js";
import type { Freshness, QualityFile, QualityPage, ReportPage, RunInfo } from "../../reports/model.js";
import { renderQuality } from "../../reports/quality.js";
import { renderReport } from "../../reports/report.js";
import { reportTimeZone } from "../../reports/time.js";
import { compare, type Figure } from "./comparison.js";
import type { IndicatorRow } from "../withhold/model.js";
import { martsFingerprint } from "./fingerprint.js";
import { finishWithholding, planWithholding, type WithholdingPlan } from "../withhold/blocks.js";
import { withholdInParallel } from "../withhold/threads.js";
import type { Context } from "../system/context.js";
import { lit, sqlText, type Db } from "../db/connection.js";
import type { Finding, Severity } from "../contract/finding.js";
import { municipalityName } from "../contract/municipalities.js";
import type { Schema } from "../contract/schema.js";

export interface PublishOptions {
  readonly schema: Schema;
  readonly runId: number;
  readonly startedAt: Date;
  readonly threshold: number;
  readonly ctx: Context;
  readonly timeZone?: string;
}

export interface ReportSummary {
  readonly targetGroup: string;
  readonly file: string;
  readonly figures: number;
  readonly withheld: number;
  readonly primary: number;
  readonly secondary: number;
  /** the checker: hidden counts, and the narrowest range an attacker can deduce for one of them */
  readonly hiddenCounts: number;
  readonly narrowestRange: number | null;
  /** municipality-years protected in this run; the others kept their withholding from the last run */
  readonly blocksProtected: number;
  readonly blocks: number;
}

export interface PublishReport {
  readonly reports: readonly ReportSummary[];
  readonly seconds: { readonly marts: number; readonly protection: number; readonly render: number };
}

const martOrder = ["person_year_codes", "person_attributes", "person_years", "target_group_members", "indicator_counts"];

/** Rebuilds the marts for the municipalities whose rows changed (or that the marts lack). */
export async function refreshMarts(db: Db, schema: Schema, runId: number | null): Promise<void> {
  await db.run(sqlText("schema/marts"));
  // new target groups, a changed definition, new SQL: every municipality is recomputed once
  const fingerprint = martsFingerprint();
  const [stored] = await db.all<{ value: string }>("SELECT value FROM meta WHERE key = 'marts_fingerprint'");
  if (stored?.value !== fingerprint) runId = null;
  await db.run(`
    CREATE OR REPLACE TEMP TABLE mart_scope AS
    WITH data AS (SELECT DISTINCT municipality FROM bistand_months UNION SELECT DISTINCT municipality FROM insats_snapshots)
    SELECT municipality FROM data
    WHERE ${runId === null ? "true" : `municipality IN (SELECT municipality FROM files WHERE run_id = ${runId} AND status = 'accepted')
       OR municipality NOT IN (SELECT municipality FROM indicator_counts)`}
    UNION
    -- municipalities whose rows are all gone: their marts rows are deleted
    SELECT DISTINCT municipality FROM indicator_counts WHERE municipality NOT IN (SELECT municipality FROM data)`);
  const groups = schema.targetGroups.map((t, bit) => `(${lit(t.id)}, ${bit})`).join(", ");
  const vars = { target_groups: groups, bistand_in_scope: runId === null ? "TRUE" : "municipality IN (SELECT municipality FROM mart_scope)" };
  for (const mart of martOrder) await db.run(sqlText(`marts/${mart}`, vars));
  // the person marts were for this run's municipalities only: their memory goes before the reports
  await db.run("DROP VIEW target_group_members; DROP TABLE person_years; DROP TABLE person_attributes; DROP TABLE person_year_codes;");
  await db.run("DELETE FROM meta WHERE key = 'marts_fingerprint'");
  await db.run(`INSERT INTO meta VALUES ('marts_fingerprint', ${lit(fingerprint)})`);
  await db.run(sqlText("marts/indicator_values"));
}

/** Writes the whole site into dir (a fresh directory beside the published one). */
export async function publishSite(db: Db, dir: string, o: PublishOptions): Promise<PublishReport> {
  const { schema } = o;
  const t0 = performance.now();
  await refreshMarts(db, schema, o.runId);
  const t1 = performance.now();
  mkdirSync(join(dir, "data"), { recursive: true });
  const timeZone = o.timeZone ?? reportTimeZone;
  const run: RunInfo = { id: o.runId, startedAt: isoWithOffset(o.startedAt, timeZone), timeZone };
  const freshness = await freshnessOf(db);
  const municipalities = freshness.map((f) => ({ code: f.municipality, name: f.name }));
  const reports: ReportSummary[] = [];
  let protectionMs = 0;
  let renderMs = 0;
  // withholding: which blocks changed (from the database), their protection in worker threads, then the pages
  const p0 = performance.now();
  const plans: WithholdingPlan[] = [];
  for (const tg of schema.targetGroups) {
    const rows = await db.all<IndicatorRow & { value: number | null }>(
      `SELECT indicator, municipality, "year" AS year, gender, value::DOUBLE AS value, numerator::DOUBLE AS numerator, denominator, status
       FROM indicator_values WHERE target_group = $tg ORDER BY municipality, "year", indicator, gender`,
      { tg: tg.id }
    );
    plans.push(await planWithholding(db, tg.id, rows, o.threshold));
  }
  const computed = await withholdInParallel(plans.map((p) => ({ tg: p.tg, rows: p.staleRows, threshold: o.threshold })));
  const protections = [];
  for (const [i, plan] of plans.entries()) protections.push(await finishWithholding(db, plan, computed[i]));
  protectionMs += performance.now() - p0;
  for (const [i, tg] of schema.targetGroups.entries()) {
    const protection = protections[i];
    const r0 = performance.now();
    const figures = compare(protection.rows, schema.indicators);
    const years = [...new Set(plans[i].rows.map((r) => r.year))].sort((a, b) => a - b);
    const page: ReportPage = {
      targetGroup: tg, indicators: schema.indicators, municipalities, years, figures: sortFigures(figures, schema),
      freshness, run, threshold: o.threshold, protection: { withheld: protection.withheld, secondary: protection.secondary }
    };
    writeFileSync(join(dir, `${tg.id}.html`), renderReport(page));
    writeFileSync(join(dir, "data", `${tg.id}.csv`), figuresCsv(page.figures));
    renderMs += performance.now() - r0;
    reports.push({
      targetGroup: tg.id, file: `${tg.id}.html`, figures: figures.length, withheld: protection.withheld, primary: protection.primary,
      secondary: protection.secondary, hiddenCounts: protection.hidden, narrowestRange: protection.narrowest,
      blocksProtected: protection.computed, blocks: protection.blocks
    });
    o.ctx.log.progress("rapporter", reports.length, schema.targetGroups.length);
  }
  const r0 = performance.now();
  const [files] = await db.all<{ accepted: number; rejected: number }>(
    "SELECT count(*) FILTER (WHERE status = 'accepted') AS accepted, count(*) FILTER (WHERE status = 'rejected') AS rejected FROM files"
  );
  writeFileSync(join(dir, "index.html"), renderIndex({
    run, freshness, summary: files,
    reports: schema.targetGroups.map((t) => ({ targetGroup: t, file: `${t.id}.html` }))
  }));
  writeFileSync(join(dir, "quality.html"), renderQuality(await qualityOf(db, run, o.threshold, freshness)));
  writeFileSync(join(dir, "codes.html"), renderCodes(schema, run));
  renderMs += performance.now() - r0;
  return { reports, seconds: { marts: secs(t1 - t0), protection: secs(protectionMs), render: secs(renderMs) } };
}

const secs = (ms: number) => Math.round(ms) / 1000;

function sortFigures(figures: Figure[], schema: Schema): Figure[] {
  const order = new Map(schema.indicators.map((i, n) => [i.id, n]));
  const g = { K: 0, M: 1, T: 2 } as const;
  return [...figures].sort(
    (a, b) =>
      order.get(a.indicator)! - order.get(b.indicator)! ||
      (a.municipality === "network" ? 1 : 0) - (b.municipality === "network" ? 1 : 0) ||
      (a.municipality < b.municipality ? -1 : a.municipality > b.municipality ? 1 : 0) || // codes: ASCII digits
      a.year - b.year ||
      g[a.gender] - g[b.gender]
  );
}

/** An ISO 8601 timestamp with the offset of the given time zone, e.g. 2026-01-15T02:00:00+01:00. */
export function isoWithOffset(date: Date, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-GB", { timeZone, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23" })
      .formatToParts(date)
      .map((p) => [p.type, p.value])
  );
  const local = Date.UTC(+parts.year, +parts.month - 1, +parts.day, +parts.hour, +parts.minute, +parts.second);
  const offset = Math.round((local - Math.floor(date.getTime() / 1000) * 1000) / 60000);
  const sign = offset >= 0 ? "+" : "-";
  const hh = String(Math.floor(Math.abs(offset) / 60)).padStart(2, "0");
  const mm = String(Math.abs(offset) % 60).padStart(2, "0");
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}${sign}${hh}:${mm}`;
}

async function freshnessOf(db: Db): Promise<Freshness[]> {
  const rows = await db.all<{ municipality: string; bistand_from: string | null; bistand_to: string | null; insats_snapshot: string | null; last_loaded: string | null }>(`
    WITH municipalities AS (
      SELECT DISTINCT municipality FROM bistand_months UNION SELECT DISTINCT municipality FROM insats_snapshots
    ), b AS (
      SELECT municipality, strftime(min("month"), '%Y-%m') AS bistand_from, strftime(max("month"), '%Y-%m') AS bistand_to FROM bistand_months GROUP BY ALL
    ), i AS (
      SELECT i.municipality, strftime(max(f.first_seen), '%Y-%m-%d') AS insats_snapshot
      FROM insats_snapshots i JOIN files f USING (file_id) GROUP BY ALL
    ), l AS (
      SELECT municipality, strftime(max(first_seen), '%Y-%m-%dT%H:%M:%S') || 'Z' AS last_loaded FROM files WHERE status = 'accepted' GROUP BY ALL
    )
    SELECT m.municipality, b.bistand_from, b.bistand_to, i.insats_snapshot, l.last_loaded
    FROM municipalities m LEFT JOIN b USING (municipality) LEFT JOIN i USING (municipality) LEFT JOIN l USING (municipality)
    ORDER BY m.municipality`);
  return rows.map((r) => ({
    municipality: r.municipality, name: municipalityName(r.municipality), bistandFrom: r.bistand_from, bistandTo: r.bistand_to,
    insatsSnapshot: r.insats_snapshot, lastLoaded: r.last_loaded
  }));
}

async function qualityOf(db: Db, run: RunInfo, threshold: number, freshness: Freshness[]): Promise<QualityPage> {
  const fileRows = await db.all<{
    file_id: number; municipality: string; name: string; kind: string | null; status: "accepted" | "rejected"; first_seen: string;
    rows: number | null; encoding: string | null; delimiter: string | null; profile: string | null;
  }>(`SELECT file_id, municipality, name, kind, status, strftime(first_seen, '%Y-%m-%dT%H:%M:%S') || 'Z' AS first_seen,
             coalesce(rows_loaded, rows_read) AS rows, encoding, delimiter, profile
      FROM files ORDER BY municipality, seq`);
  const findingRows = await db.all<{ file_id: number; severity: Severity; code: string; line: number | null; column: string | null; value: string | null; message: string; count: number | null; n: number }>(`
    WITH ranked AS (
      SELECT *, row_number() OVER (PARTITION BY file_id ORDER BY CASE severity WHEN 'FATAL' THEN 0 WHEN 'ERROR' THEN 1 WHEN 'WARNING' THEN 2 ELSE 3 END, line NULLS FIRST) AS n
      FROM findings
    )
    SELECT file_id, severity, code, line, "column", value, message, count, n FROM ranked WHERE n <= 50 ORDER BY file_id, n`);
  const counts = await db.all<{ file_id: number; severity: string; n: number }>("SELECT file_id, severity, count(*) AS n FROM findings GROUP BY ALL");
  const files: QualityFile[] = fileRows.map((f) => {
    const display = `${f.municipality}/${f.name}`;
    return {
      municipality: f.municipality, name: f.name, kind: f.kind, status: f.status, firstSeen: f.first_seen, rows: f.rows,
      encoding: f.encoding, delimiter: f.delimiter, profile: f.profile,
      findings: findingRows.filter((x) => x.file_id === f.file_id).map((x): Finding => ({
        severity: x.severity, code: x.code, file: display, line: x.line, column: x.column, value: x.value, message: x.message,
        ...(x.count ? { count: x.count } : {})
      })),
      findingCounts: Object.fromEntries(counts.filter((c) => c.file_id === f.file_id).map((c) => [c.severity, c.n]))
    };
  });
  const completeness = await db.all<{ municipality: string; year: number; personMonths: number; coded: number }>(`
    SELECT municipality, "year" AS year, person_months::BIGINT AS "personMonths", coded_months::BIGINT AS coded
    FROM indicator_counts WHERE target_group = 'all' AND gender = 'T' AND has_bistand ORDER BY ALL`);
  const couples = await db.all<{ municipality: string; year: number; couples: number; coApplicantUncoded: number }>(sqlText("marts/quality_couples"));
  // which notations were mapped, not how many rows each: a count per code beside a file's rows would
  // give away the one withheld count
  const mappings = await db.all<{ municipality: string; profile: string; column: string; source: string; code: string }>(`
    SELECT DISTINCT f.municipality, f.profile, m."column" AS "column", m.source, m.code
    FROM code_mappings m JOIN files f USING (file_id) ORDER BY ALL`);
  const replacements = await db.all<{ municipality: string; kind: string; month: string | null; oldFile: string; newFile: string; rows: number }>(`
    SELECT r.municipality, r.kind, strftime(r."month", '%Y-%m') AS "month", o.name AS "oldFile", n.name AS "newFile", r.rows_removed AS rows
    FROM replacements r JOIN files o ON o.file_id = r.old_file_id JOIN files n ON n.file_id = r.new_file_id
    ORDER BY r.municipality, r.kind, r."month"`);
  return { run, threshold, files, completeness, couples, mappings, replacements, freshness };
}
