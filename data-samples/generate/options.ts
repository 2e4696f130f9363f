// What a generator run is asked for and what it reports: the municipalities (each with its size,
// dialect and data-quality quirks), the seed and years, and the files and rows written. Shared by
// the sample and national specs, the generator and the benchmark.
import type { Commentary } from "./commentary.js";
import type { DialectName } from "./dialects.js";
import type { InhabitantsSpec } from "./inhabitants.js";
import type { IdForm } from "./person-ids.js";
import type { SurveySpec } from "./survey.js";

/** The currency a municipality pays in: its amount and cost levels (Norwegian assistance is higher). */
export type Currency = "SEK" | "NOK";

export interface MunicipalitySpec {
  /** 4-digit municipality code; also the folder name */
  code: string;
  /** distinct adult recipients per calendar year (approximately) */
  recipientsPerYear: number;
  dialect: DialectName;
  /** how person_id is written; default: the dialect's */
  ids?: IdForm;
  /** code försörjningshinder only for the applicant of a couple (a data-quality finding) */
  reasonApplicantOnly?: boolean;
  /** also write a corrected bistand file for these months (1–12) of this year; the original file
   *  of that year then holds a flawed first version of those months */
  correction?: { year: number; months: number[] };
  /** write the insats snapshot (default true) */
  insats?: boolean;
  /** amounts and costs in this currency (default SEK): NOK for a Norwegian municipality */
  currency?: Currency;
  /** write a survey file per survey year (contract §15), in the dialect's file type and notation */
  survey?: SurveySpec;
  /** write this commentary file (contract §14) */
  commentary?: Commentary;
}

export interface GenerateOptions {
  outDir: string;
  seed: number;
  /** consecutive calendar years of bistand; the insats snapshot is taken at the end of the last */
  years: number[];
  municipalities: MunicipalitySpec[];
  /** modification time given to every written file (default: 15 January after the last year, UTC),
   *  so runs compare like a fresh checkout, where all files share one mtime */
  mtime?: Date;
  /** write the network's population file <outDir>/network/<name> (contract §11) */
  inhabitants?: InhabitantsSpec;
}

export interface GenerateResult {
  /** written files, in the order written */
  files: string[];
  /** data rows written per kind (population: the network file's rows) */
  rows: { bistand: number; insats: number; survey: number; population: number };
}
