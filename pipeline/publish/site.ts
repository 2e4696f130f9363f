// The publishing stage (contract §5–§8): the marts (publish/marts.ts), withholding per report, network
// means and ranks, then every page and download of §7 (CSV, xlsx, Arrow) written into a fresh directory
// beside the published site; quality.html's data from publish/quality.ts; survey.html and its downloads
// from publish/survey.ts (contract §15); the municipalities' commentary (§14) from publish/commentary.ts. Which figure comes from where: sql/marts/indicator_counts.sql (counts),
// sql/marts/indicator_values.sql (values), pipeline/withhold/model.ts (withholding),
// pipeline/publish/comparison.ts (network mean, rank), reports/ (pages).
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { renderCodes } from "../../reports/codes.js";
import { renderIndex } from "../../reports/index-page.js";
import type { ReportPage, RunInfo } from "../../reports/model.js";
import { municipalityFile } from "../../reports/municipality-page.js";
import { MunicipalityPages } from "../../reports/municipality-pages.js";
import { renderQuality } from "../../reports/quality.js";
import { renderReport } from "../../reports/report.js";
import { timeZoneOf } from "../../reports/time.js";
import { compare, sortFigures } from "./comparison.js";
import { indicatorRowsReader } from "./indicator-rows.js";
import { refreshMarts } from "./marts.js";
import { freshnessOf, qualityOf } from "./quality.js";
import { auditSocioeconomic, socioeconomicRows } from "./socioeconomic.js";
import { groupMeans, groupsInNetwork } from "./groups.js";
import { markNotApplicable } from "./not-applicable.js";
import { commentaryOf } from "./commentary.js";
import { publishSurvey, type SurveySummary } from "./survey.js";
import { cliWords } from "../cli-words.js";
import { defaultSettings, socioeconomicDefaults } from "../settings.js";
import { finishWithholding, planWithholding, type WithholdingPlan } from "../withhold/block-cache.js";
import type { BlockResult } from "../withhold/blocks.js";
import { Withholding } from "../withhold/threads.js";
import { writeDownloads } from "./downloads.js";
import type { Context } from "../system/context.js";
import { sqlText, type Db } from "../db/connection.js";
import { reportIndicators, type Language, type Schema } from "../contract/schema.js";
import type { Settings } from "../settings.js";

export interface PublishOptions {
  readonly schema: Schema;
  readonly runId: number;
  readonly startedAt: Date;
  readonly threshold: number;
  /** the network settings (contract §9); defaults when absent */
  readonly settings?: Settings;
  readonly timeZone?: string;
}

export interface ReportSummary {
  readonly targetGroup: string;
  readonly file: string;
  readonly figures: number;
  readonly withheld: number;
  readonly primary: number;
  readonly secondary: number;
  /**
   * the checker: hidden counts, and the narrowest range it found for one of them (null: none bounded) —
   * each range as wide as the checker needed to see to prove it wider than the threshold, so the exact
   * ranges are at least this wide (a count the checker shows 4 values apart may be unbounded)
   */
  readonly hiddenCounts: number;
  readonly narrowestRange: number | null;
  /** municipality-years protected in this run; the others kept their withholding from the last run */
  readonly blocksProtected: number;
  readonly blocks: number;
}

export interface PublishReport {
  readonly reports: readonly ReportSummary[];
  /** survey.html (contract §15): its figures, what was withheld and the audit; null when no municipality has survey data */
  readonly survey: SurveySummary | null;
  readonly seconds: { readonly marts: number; readonly protection: number; readonly render: number };
}

/** Writes the whole site into dir (a fresh directory beside the published one). */
export async function publishSite(ctx: Context, db: Db, dir: string, o: PublishOptions): Promise<PublishReport> {
  const { schema } = o;
  const t0 = performance.now();
  await refreshMarts(db, schema, o.runId);
  const t1 = performance.now();
  mkdirSync(join(dir, "data"), { recursive: true });
  const settings = o.settings ?? defaultSettings;
  const timeZone = o.timeZone ?? timeZoneOf(settings.language);
  // whether survey.html is published (publishSurvey below): every page's navigation links it then
  const [{ present: survey }] = await db.all<{ present: boolean }>(sqlText("site/survey_present"));
  const network = settings.name;
  const run: RunInfo = { id: o.runId, startedAt: isoWithOffset(o.startedAt, timeZone), timeZone, ...(survey ? { survey: true } : {}), ...(network ? { network } : {}) };
  const freshness = await freshnessOf(db);
  const municipalities = freshness.map((f) => ({ code: f.municipality, name: f.name }));
  // the municipalities' own words beside the reports and on their pages (contract §14)
  const commentary = await commentaryOf(db, schema, municipalities);
  // the pages' language (contract §12): every page, the xlsx and the charts speak it; the CSV and Arrow files do not
  const language = settings.language;
  const reports: ReportSummary[] = new Array(schema.targetGroups.length); // in the target groups' order
  let protectionMs = 0;
  let renderMs = 0;
  // withholding: which blocks changed (from the database), their protection in worker threads; each
  // report's pages are written as soon as its protection is done, while the threads protect the others
  // (the time this thread waits for them is the protection's)
  const p0 = performance.now();
  const plans: (WithholdingPlan | undefined)[] = []; // each let go once its report is written: 10⁵ rows each
  const protecting = new Withholding();
  const protectedBlocks: Promise<Map<string, BlockResult>>[] = [];
  // municipality/<code>.html: each report's section of every page rendered as soon as the report is
  // written, so that the last report is followed by little more than joining them
  const municipalityPages = new MunicipalityPages(
    { language, run, threshold: o.threshold, indicators: schema.indicators, dimensions: schema.dimensions },
    municipalities, freshness, (code) => commentary.municipality(code)
  );
  try {
    // each report's protection starts as soon as its rows are read, while the next report's are
    const indicatorRows = await indicatorRowsReader(db);
    for (const tg of schema.targetGroups) {
      const rows = await indicatorRows(tg.id);
      const plan = await planWithholding(db, tg.id, rows, o.threshold);
      plans.push(plan);
      protectedBlocks.push(protecting.add({ tg: plan.tg, rows: plan.staleRows, threshold: o.threshold }));
    }
    protecting.allAdded();
    protectionMs += performance.now() - p0;
    // each report as soon as its protection is done, whichever that is
    const pending = new Map(protectedBlocks.map((p, i) => [i, p.then(() => i)]));
    while (pending.size > 0) {
      const w0 = performance.now();
      const i = await Promise.race(pending.values());
      pending.delete(i);
      const tg = schema.targetGroups[i];
      const plan = plans[i]!;
      plans[i] = undefined;
      const protection = await finishWithholding(db, plan, await protectedBlocks[i]);
      protectionMs += performance.now() - w0;
      const r0 = performance.now();
      // contract §10's model, from the protected figures, withheld by them
      const socio = socioeconomicRows(plan.rows, protection.rows, o.threshold, settings.socioeconomic, socioeconomicDefaults);
      const leaks = auditSocioeconomic([...protection.rows, ...socio.rows], o.threshold);
      if (leaks.length) throw new Error(`the socio-economic figures of ${tg.id} rest on withheld counts: ${leaks.slice(0, 3).join("; ")}`);
      const published = [...protection.rows, ...socio.rows];
      // the network mean, and the mean of every comparison group with a member in the network (§13)
      const groups = groupsInNetwork(settings.comparisonGroups, municipalities.map((m) => m.code));
      // a "-" share or mean on 0 says so (contract §12: "." on a Norwegian page; the CSV keeps "-")
      // the report's indicators: an indicator of some reports only (schemas/indicators.json target_groups) is not listed in the others
      const indicators = reportIndicators(schema.indicators, tg.id);
      const figures = markNotApplicable([...compare(published, indicators), ...groupMeans(published, groups, indicators)], indicators, groups);
      const years = [...new Set(plan.rows.map((r) => r.year))].sort((a, b) => a - b);
      const page: ReportPage = {
        language, targetGroup: tg, indicators, dimensions: schema.dimensions, municipalities, years, figures: sortFigures(figures, schema),
        // every value the page withholds: the protection's, and §10's figures resting on them
        freshness, run, threshold: o.threshold, protection: { withheld: protection.withheld + socio.rows.filter((r) => r.status === "..").length, secondary: protection.secondary },
        comparisonGroups: groups.map((g) => ({ id: g.id, name: groupName(settings.comparisonGroups[g.id], language), members: g.members })),
        socioeconomic: {
          parameters: settings.socioeconomic,
          defaults: JSON.stringify(settings.socioeconomic) === JSON.stringify(socioeconomicDefaults),
          sensitivity: socio.sensitivity
        },
        commentary: commentary.report(tg.id)
      };
      writeFileSync(join(dir, `${tg.id}.html`), renderReport(page));
      municipalityPages.add(page, `${tg.id}.html`, i);
      // the same rows three ways (contract §7): CSV, for Excel, and as Apache Arrow
      await writeDownloads(page, join(dir, "data", tg.id));
      renderMs += performance.now() - r0;
      reports[i] = {
        targetGroup: tg.id, file: `${tg.id}.html`, figures: figures.length, withheld: protection.withheld, primary: protection.primary,
        secondary: protection.secondary, hiddenCounts: protection.hidden, narrowestRange: protection.narrowest,
        blocksProtected: protection.computed, blocks: protection.blocks
      };
      ctx.log.progress(cliWords(language).cli.progressReports, schema.targetGroups.length - pending.size, schema.targetGroups.length);
    }
  } finally {
    await protecting.close();
  }
  const r0 = performance.now();
  // user surveys (contract §15): survey.html and data/survey.*, when any municipality has survey data
  const surveySummary = await publishSurvey(db, dir, { schema, run, threshold: o.threshold, settings, municipalities });
  if ((surveySummary !== null) !== survey) throw new Error("survey_values and the survey page disagree on whether there is survey data");
  const [files] = await db.all<{ accepted: number; rejected: number }>(sqlText("site/file_totals"));
  writeFileSync(join(dir, "index.html"), renderIndex({
    language, run, freshness, summary: files,
    reports: schema.targetGroups.map((t) => ({ targetGroup: t, file: `${t.id}.html` }))
  }));
  writeFileSync(join(dir, "quality.html"), renderQuality({ ...(await qualityOf(db, run, o.threshold, freshness)), language }));
  writeFileSync(join(dir, "codes.html"), renderCodes(schema, run, language));
  // one page per municipality (contract §7): its figures in every report beside the network's
  mkdirSync(join(dir, "municipality"), { recursive: true });
  for (const m of municipalities) writeFileSync(join(dir, municipalityFile(m.code)), municipalityPages.render(m));
  renderMs += performance.now() - r0;
  return { reports, survey: surveySummary, seconds: { marts: secs(t1 - t0), protection: secs(protectionMs), render: secs(renderMs) } };
}

const secs = (ms: number) => Math.round(ms) / 1000;

/** A comparison group's name in the pages' language; the settings require only the Swedish one
 *  (contract §13), so a group without a Norwegian or English name keeps the name it has (the Swedish). */
function groupName(group: Settings["comparisonGroups"][string], language: Language): string {
  return group[language] ?? group.sv;
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
