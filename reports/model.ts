// The input of the page renderers, produced from DuckDB by the publishing step. Plain data only:
// everything a page shows is here, so rendering is a pure function (no fs, no clock).
import type { BreakdownIndicator, Category, Dimension, Indicator, Language, TargetGroup, Schema } from "../pipeline/contract/schema.js";
import type { Finding } from "../pipeline/contract/finding.js";

export type { BreakdownIndicator, Category, Dimension, Indicator, Language, TargetGroup, Schema, Finding };

export type Status = "" | ".." | "-";
export interface Figure {
  indicator: string; municipality: string /* 4-digit code or "network" */; year: number; gender: "K" | "M" | "T";
  dimension?: string; category?: string /* a breakdown's (contract §6.3); absent or "" for a total */
  value: number | null; numerator: number | null; denominator: number | null; status: Status;
  /** status "-" because a share or mean has a denominator of 0: not applicable (contract §12, Norwegian
   *  pages show "."); absent or false: no data. Only the pages tell the two apart; the CSV writes "-". */
  notApplicable?: boolean;
  rank: number | null;   // 1 = best among municipalities with a published value (direction "none": 1 = highest); null for network/unpublished and breakdown rows
  ranked: number | null; // how many municipalities were ranked for that indicator/year/gender
}
export interface Municipality { code: string; name: string }
export interface Freshness { municipality: string; name: string; bistandFrom: string | null; bistandTo: string | null /* YYYY-MM */;
  insatsSnapshot: string | null /* YYYY-MM-DD the date the newest insats snapshot describes (sql/site/freshness.sql) */; lastLoaded: string | null /* ISO timestamp */;
  /** where insatsSnapshot comes from: a date in the file's name, the latest start or end date in its rows, or (neither) the day the file was first seen */
  insatsSnapshotSource?: "file_name" | "rows" | "first_seen" | null }
export interface RunInfo { id: number; startedAt: string /* ISO 8601 with offset */; timeZone: string /* e.g. Europe/Stockholm */;
  /** whether the run publishes survey.html (contract §15): every page's navigation and the index link it */
  survey?: boolean;
  /** the network's name (the settings' `name`, contract §9): on every page, in place of the site's name */
  network?: string }
/** A municipality's commentary (contract §14) as a page shows it: its own words (Markdown, rendered only
 *  by reports/commentary-html.ts, never as HTML) under its name and the date its file was first seen. */
export interface Commentary { municipality: Municipality; firstSeen: string /* ISO timestamp of files.first_seen */; text: string }
/** A section `## <target group>` (indicator null) or `## <target group> / <indicator>` of a municipality's commentary, on that report's page. */
export interface ReportCommentary extends Commentary { indicator: string | null;
  /** the indicator's name in every language (schemas/indicators.json), for one the page has no section for */
  indicatorName?: { sv: string; nb: string; en: string } }
/** What every page may carry: the language it is written in (the settings', contract §12; absent: Swedish). */
export interface WithLanguage { language?: Language }
export interface ReportPage extends WithLanguage { targetGroup: TargetGroup; indicators: readonly Indicator[];
  /** the breakdowns of contract §6.3 in the order the page shows them (schema().dimensions) */
  dimensions: readonly Dimension[]; municipalities: readonly Municipality[];
  years: readonly number[]; figures: readonly Figure[] /* totals and breakdown rows */; freshness: readonly Freshness[]; run: RunInfo; threshold: number;
  protection: { withheld: number; secondary: number };
  /** the comparison groups of the settings with a member in the network (§13): their means are figures of municipality `group:<id>` */
  comparisonGroups?: readonly { id: string; name: string; members: readonly string[] }[];
  /** contract §10's model: the parameters used (the settings' or the defaults) and, per published value, how much it rests on them */
  socioeconomic?: SocioeconomicSection;
  /** the network's municipalities' commentary on this report (contract §14), in the order of the municipalities */
  commentary?: readonly ReportCommentary[] }
export interface SocioeconomicSection {
  parameters: { horizon_years: number; discount_rate: number; public_revenue_per_work_year: number;
    work_retention: readonly number[]; studies_retention: readonly number[]; deadweight: number };
  /** whether every parameter is the contract's default */
  defaults: boolean;
  /** per published socioeconomic_value: the same value with every retention share halved, and with the defaults */
  sensitivity: readonly { municipality: string; year: number; value: number; halfRetention: number; defaults: number }[] }
export interface QualityFile { municipality: string; name: string; kind: string | null; status: "accepted" | "rejected";
  firstSeen: string; rows: number | null; encoding: string | null; delimiter: string | null; profile: string | null;
  findings: readonly Finding[] /* at most ~50 per file, FATAL/ERROR first */; findingCounts: Record<string, number> /* by severity */ }
export interface QualityPage extends WithLanguage { run: RunInfo; threshold: number; files: readonly QualityFile[] /* in the order first seen */;
  completeness: readonly { municipality: string; year: number; personMonths: number; coded: number }[];
  couples: readonly { municipality: string; year: number; couples: number; coApplicantUncoded: number }[];
  mappings: readonly { municipality: string; profile: string; column: string; source: string; code: string }[];
  replacements: readonly { municipality: string; kind: string; month: string | null; oldFile: string; newFile: string; rows: number }[];
  freshness: readonly Freshness[] }
export interface IndexPage extends WithLanguage { run: RunInfo; reports: readonly { targetGroup: TargetGroup; file: string }[]; freshness: readonly Freshness[];
  summary: { accepted: number; rejected: number } }
/** municipality/<code>.html (contract §7): one municipality's figures in every report beside the network mean. */
export interface MunicipalityPage extends WithLanguage { municipality: Municipality; run: RunInfo; threshold: number;
  indicators: readonly Indicator[]; dimensions: readonly Dimension[];
  /** every report in the schema's order of target groups: its page (a file name in the site's root),
   *  its years, the municipality's figures and the network mean's (totals of every year; breakdown
   *  rows of at least the latest year, which is the one the page shows) */
  reports: readonly { targetGroup: TargetGroup; file: string; years: readonly number[]; figures: readonly Figure[]; network: readonly Figure[];
    /** the indicators of this report (schemas/indicators.json target_groups); absent: the page's indicators */
    indicators?: readonly Indicator[];
    /** the means of the comparison groups the municipality is a member of (§13), in the settings' order: figures of municipality `group:<id>` */
    groups?: readonly { id: string; name: string; figures: readonly Figure[] }[] }[];
  /** the municipality's row of the freshness table, when it has one */
  freshness: Freshness | null;
  /** the municipality's commentary (contract §14): the text before its first heading, and its sections by report and indicator */
  commentary?: { firstSeen: string; intro: string; sections: readonly { targetGroup: string; indicator: string | null; text: string }[] } | null }
