// The input of the page renderers, produced from DuckDB by the publishing step. Plain data only:
// everything a page shows is here, so rendering is a pure function (no fs, no clock).
import type { BreakdownIndicator, Category, Dimension, Indicator, TargetGroup, Schema } from "../pipeline/contract/schema.js";
import type { Finding } from "../pipeline/contract/finding.js";

export type { BreakdownIndicator, Category, Dimension, Indicator, TargetGroup, Schema, Finding };

export type Status = "" | ".." | "-";
export interface Figure {
  indicator: string; municipality: string /* 4-digit code or "network" */; year: number; gender: "K" | "M" | "T";
  dimension?: string; category?: string /* a breakdown's (contract §6.3); absent or "" for a total */
  value: number | null; numerator: number | null; denominator: number | null; status: Status;
  rank: number | null;   // 1 = best among municipalities with a published value (direction "none": 1 = highest); null for network/unpublished and breakdown rows
  ranked: number | null; // how many municipalities were ranked for that indicator/year/gender
}
export interface Municipality { code: string; name: string }
export interface Freshness { municipality: string; name: string; bistandFrom: string | null; bistandTo: string | null /* YYYY-MM */;
  insatsSnapshot: string | null /* YYYY-MM-DD the newest insats file was first seen */; lastLoaded: string | null /* ISO timestamp */ }
export interface RunInfo { id: number; startedAt: string /* ISO 8601 with offset */; timeZone: string /* e.g. Europe/Stockholm */ }
export interface ReportPage { targetGroup: TargetGroup; indicators: readonly Indicator[];
  /** the breakdowns of contract §6.3 in the order the page shows them (schema().dimensions) */
  dimensions: readonly Dimension[]; municipalities: readonly Municipality[];
  years: readonly number[]; figures: readonly Figure[] /* totals and breakdown rows */; freshness: readonly Freshness[]; run: RunInfo; threshold: number;
  protection: { withheld: number; secondary: number };
  /** contract §10's model: the parameters used (the settings' or the defaults) and, per published value, how much it rests on them */
  socioeconomic?: SocioeconomicSection }
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
export interface QualityPage { run: RunInfo; threshold: number; files: readonly QualityFile[] /* in the order first seen */;
  completeness: readonly { municipality: string; year: number; personMonths: number; coded: number }[];
  couples: readonly { municipality: string; year: number; couples: number; coApplicantUncoded: number }[];
  mappings: readonly { municipality: string; profile: string; column: string; source: string; code: string }[];
  replacements: readonly { municipality: string; kind: string; month: string | null; oldFile: string; newFile: string; rows: number }[];
  freshness: readonly Freshness[] }
export interface IndexPage { run: RunInfo; reports: readonly { targetGroup: TargetGroup; file: string }[]; freshness: readonly Freshness[];
  summary: { accepted: number; rejected: number } }
