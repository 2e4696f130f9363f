// What a generator run is asked for and what it reports: the municipalities (each with its size,
// dialect and data-quality quirks), the seed and years, and the files and rows written. Shared by
// the sample and national specs, the generator and the benchmark.
import type { DialectName } from "./dialects.js";
import type { IdForm } from "./person-ids.js";

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
}

export interface GenerateResult {
  /** written files, in the order written */
  files: string[];
  rows: { bistand: number; insats: number };
}
