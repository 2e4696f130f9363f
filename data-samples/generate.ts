// Deterministic generator of realistic synthetic extracts (contract §1–§4): the bundled samples in
// data-samples/inbox and, with --national, the benchmark's national data set. Everything random
// comes from seeded sfc32 streams keyed by (seed, municipality, purpose), so a municipality's files
// do not change when another one is added. Rows are written as they are made: only the people model
// (households, persons, month masks) is kept in memory, never a file's rows.
//
//   node dist/data-samples/generate.js                     regenerate data-samples/inbox exactly
//   node dist/data-samples/generate.js --out DIR --seed 7  the same layout, other people
//   node dist/data-samples/generate.js --national --municipalities 290 --rows 10000000
import { mkdir, open, utimes, type FileHandle } from "node:fs/promises";
import { createWriteStream } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import ExcelJS from "exceljs";
import yargs from "yargs";
import { hideBin } from "yargs/helpers";
import { makePersonnummer } from "../pipeline/contract/identity.js";
import { packageRoot, samplesDir } from "../pipeline/system/paths.js";

// ---------------------------------------------------------------------------------------------
// Shared codes (schemas/codes.json; the tests check that every code used here exists there)

export const reasonCodes = [
  "unemployed_no_benefit", "unemployed_insufficient_benefit", "unemployed_awaiting_benefit",
  "establishment_insufficient", "establishment_awaiting", "establishment_none",
  "sick_certified_no_benefit", "sick_certified_insufficient", "sick_certified_awaiting",
  "disability_comp_insufficient", "disability_comp_awaiting",
  "social_reasons", "no_childcare", "unaccompanied_youth_student",
  "working_fulltime_insufficient", "working_fulltime_awaiting", "working_parttime_insufficient",
  "working_parttime_awaiting", "parental_benefit_insufficient", "parental_benefit_awaiting",
  "pension_insufficient", "pension_awaiting",
  "no_barrier"
] as const;
type ReasonCode = (typeof reasonCodes)[number];
type ReasonGroup = "unemployment" | "ill_health" | "social_reasons" | "insufficient_income" | "other";

const groupOf = (r: ReasonCode): ReasonGroup =>
  r.startsWith("unemployed_") || r.startsWith("establishment_") ? "unemployment"
  : r.startsWith("sick_") || r.startsWith("disability_") ? "ill_health"
  : r === "social_reasons" || r === "no_childcare" || r === "unaccompanied_youth_student" ? "social_reasons"
  : r === "no_barrier" ? "other"
  : "insufficient_income";

const R = Object.fromEntries(reasonCodes.map((c, i) => [c, i])) as Record<ReasonCode, number>;
const NONE = -1;

export const measureCodes = [
  "assessment_guidance", "job_search", "work_training", "internship", "education",
  "subsidised_employment", "municipal_employment", "motivational_support", "rehabilitation", "other"
] as const;
type MeasureCode = (typeof measureCodes)[number];

export const exitCodes = [
  "work", "studies", "municipal_employment", "other_measure", "employment_service",
  "ill_health", "moved", "dropped_out", "other", "unknown"
] as const;
type ExitCode = (typeof exitCodes)[number];

type NeedCode = "A_ready" | "B_short_support" | "C_long_support" | "D_not_available";
type ReferredCode = "social_services" | "employment_service" | "other";

const bistandColumns = ["municipality", "month", "person_id", "household_id", "role", "gender", "birth_year", "born_abroad", "reason", "amount_sek"] as const;
const insatsColumns = ["municipality", "person_id", "gender", "birth_year", "measure", "need_category", "referred_by", "start_date", "end_date", "exit_reason", "cost_sek"] as const;

// ---------------------------------------------------------------------------------------------
// Random numbers: sfc32 seeded by cyrb128 of a text key

function cyrb128(s: string): [number, number, number, number] {
  let h1 = 1779033703, h2 = 3144134277, h3 = 1013904242, h4 = 2773480762;
  for (let i = 0; i < s.length; i++) {
    const k = s.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

type Weighted<T> = readonly (readonly [T, number])[];

/** A seeded PRNG (sfc32); the same key always gives the same sequence. */
export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(key: string) {
    [this.a, this.b, this.c, this.d] = cyrb128(key);
    for (let i = 0; i < 15; i++) this.next();
  }

  /** A uniform 32-bit unsigned integer. */
  next(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  float(): number {
    return this.next() / 4294967296;
  }

  /** Uniform integer in [lo, hi]. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.float() * (hi - lo + 1));
  }

  chance(p: number): boolean {
    return this.float() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.float() * items.length)];
  }

  weighted<T>(table: Weighted<T>): T {
    let total = 0;
    for (const [, w] of table) total += w;
    let x = this.float() * total;
    for (const [v, w] of table) {
      if (x < w) return v;
      x -= w;
    }
    return table[table.length - 1][0];
  }

  hex(length: number): string {
    let s = "";
    while (s.length < length) s += this.next().toString(16).padStart(8, "0");
    return s.slice(0, length);
  }

  /** A standard normal deviate (Box–Muller). */
  normal(): number {
    return Math.sqrt(-2 * Math.log(1 - this.float())) * Math.cos(2 * Math.PI * this.float());
  }
}

/** A stateless 32-bit mix of two integers, for per-household-month draws made while writing. */
function mix(a: number, b: number): number {
  let h = (a ^ Math.imul((b + 0x9e3779b9) | 0, 0x85ebca6b)) >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15;
  h = Math.imul(h, 0x846ca68b);
  h ^= h >>> 16;
  return h >>> 0;
}
const unit = (a: number, b: number) => mix(a, b) / 4294967296;

// ---------------------------------------------------------------------------------------------
// Dialects: how a municipality's system writes the contract's columns and codes

export type DialectName = "contract" | "excel-csv" | "xlsx" | "case-system-sv" | "numeric-codes";

/** How person_id is written: a hex pseudonym of that length, or a personnummer. */
export type IdForm = "hex16" | "hex32" | "hex40" | "hex64" | "pnr12" | "pnr12-dash" | "pnr10-dash";

type CodedColumn = "gender" | "role" | "born_abroad" | "reason" | "measure" | "need_category" | "referred_by" | "exit_reason";

export interface Dialect {
  readonly name: DialectName;
  readonly file: "csv" | "xlsx";
  readonly encoding: "utf8" | "utf8-bom" | "windows-1252";
  readonly delimiter: string;
  readonly eol: string;
  /** amounts: decimal separator and whether trailing zero decimals are kept (8432,50) or not (8432,5) */
  readonly decimal: "." | ",";
  readonly fixedDecimals: boolean;
  readonly headers: { readonly bistand: readonly string[]; readonly insats: readonly string[] };
  readonly month: "YYYY-MM" | "YYYYMM";
  /** dates of insats: ISO text, compact YYYYMMDD text, or Excel date cells */
  readonly date: "iso" | "compact" | "excel";
  /** contract code → the value this system writes; a column not listed is written with contract codes */
  readonly codes: Partial<Record<CodedColumn, Readonly<Record<string, string>>>>;
  readonly household: (municipality: string, no: number) => string;
  readonly ids: IdForm;
}

const contractHeaders = { bistand: bistandColumns, insats: insatsColumns };

/** The Swedish case system export of 0181: its headers and dropdown texts. */
const caseSystemSv: Dialect = {
  name: "case-system-sv",
  file: "csv",
  encoding: "windows-1252",
  delimiter: ";",
  eol: "\r\n",
  decimal: ",",
  fixedDecimals: true,
  headers: {
    bistand: ["Kommunkod", "Månad", "Personnummer", "Hushållsnummer", "Roll", "Kön", "Födelseår", "Född utomlands", "Försörjningshinder", "Belopp"],
    insats: ["Kommunkod", "Personnummer", "Kön", "Födelseår", "Insats", "Behovskategori", "Anvisad av", "Startdatum", "Slutdatum", "Avslutsorsak", "Kostnad"]
  },
  month: "YYYY-MM",
  date: "iso",
  codes: {
    gender: { K: "Kvinna", M: "Man" },
    role: { applicant: "Sökande", co_applicant: "Medsökande" },
    born_abroad: { "0": "Nej", "1": "Ja" },
    reason: {
      unemployed_no_benefit: "Arbetslös – ingen ersättning",
      unemployed_insufficient_benefit: "Arbetslös – otillräcklig ersättning",
      unemployed_awaiting_benefit: "Arbetslös – väntar på ersättning",
      establishment_insufficient: "Etableringsuppdrag – otillräcklig ersättning",
      establishment_awaiting: "Etableringsuppdrag – väntar på ersättning",
      establishment_none: "Etableringsuppdrag – ingen ersättning",
      sick_certified_no_benefit: "Sjukskriven m läkarintyg – ingen sjukpenning",
      sick_certified_insufficient: "Sjukskriven m läkarintyg – otillräcklig sjukpenning",
      sick_certified_awaiting: "Sjukskriven m läkarintyg – väntar på sjukpenning",
      disability_comp_insufficient: "Sjuk-/aktivitetsersättning – otillräcklig",
      disability_comp_awaiting: "Sjuk-/aktivitetsersättning – väntar på ersättning",
      social_reasons: "Sociala skäl",
      no_childcare: "Saknar barnomsorg",
      unaccompanied_youth_student: "Ensamkommande ungdom – studerar",
      working_fulltime_insufficient: "Arbetar heltid – otillräcklig inkomst",
      working_fulltime_awaiting: "Arbetar heltid – väntar på lön",
      working_parttime_insufficient: "Arbetar deltid – otillräcklig inkomst",
      working_parttime_awaiting: "Arbetar deltid – väntar på lön",
      parental_benefit_insufficient: "Föräldraledig – otillräcklig föräldrapenning",
      parental_benefit_awaiting: "Föräldraledig – väntar på föräldrapenning",
      pension_insufficient: "Ålderspension – otillräcklig",
      pension_awaiting: "Ålderspension – väntar på pension",
      no_barrier: "Inget försörjningshinder"
    },
    measure: {
      assessment_guidance: "Kartläggning/vägledning",
      job_search: "Jobbsökaraktivitet",
      work_training: "Arbetsträning – egen verksamhet",
      internship: "Praktik hos arbetsgivare",
      education: "Utbildning inkl. SFI",
      subsidised_employment: "Subventionerad anställning",
      municipal_employment: "Kommunal visstidsanställning",
      motivational_support: "Motiverande samtal/stöd",
      rehabilitation: "Arbetslivsinriktad rehabilitering",
      other: "Övrig insats"
    },
    need_category: {
      A_ready: "A – Nära arbetsmarknaden",
      B_short_support: "B – Kortare stöd",
      C_long_support: "C – Längre stöd",
      D_not_available: "D – Ej till arbetsmarknadens förfogande"
    },
    referred_by: { social_services: "Socialtjänsten", employment_service: "Arbetsförmedlingen", other: "Annan" },
    exit_reason: {
      work: "Arbete",
      studies: "Studier med studiemedel",
      municipal_employment: "Kommunal visstidsanställning",
      other_measure: "Annan insats",
      employment_service: "Överlämnad till Arbetsförmedlingen",
      ill_health: "Ohälsa",
      moved: "Flyttat",
      dropped_out: "Avbrott",
      other: "Annan orsak",
      unknown: "Okänd"
    }
  },
  household: (_m, no) => String(400000 + no),
  ids: "pnr12-dash"
};

/** 0192: an older system with numeric codes, gender 1 = woman, YYYYMM months and YYYYMMDD dates. */
const numericCodes: Dialect = {
  name: "numeric-codes",
  file: "csv",
  encoding: "utf8",
  delimiter: ",",
  eol: "\n",
  decimal: ".",
  fixedDecimals: true,
  headers: {
    bistand: ["kommun", "period", "pnr", "hushall", "roll", "kon", "fodelsear", "utlandsfodd", "fsh_kod", "belopp"],
    insats: ["kommun", "pnr", "kon", "fodelsear", "insatskod", "behovskat", "anvisare", "startdatum", "slutdatum", "avslutskod", "kostnad"]
  },
  month: "YYYYMM",
  date: "compact",
  codes: {
    gender: { K: "1", M: "2" },
    role: { applicant: "S", co_applicant: "M" },
    reason: {
      unemployed_no_benefit: "11", unemployed_insufficient_benefit: "12", unemployed_awaiting_benefit: "13",
      establishment_insufficient: "14", establishment_awaiting: "15", establishment_none: "16",
      sick_certified_no_benefit: "21", sick_certified_insufficient: "22", sick_certified_awaiting: "23",
      disability_comp_insufficient: "24", disability_comp_awaiting: "25",
      social_reasons: "31", no_childcare: "32", unaccompanied_youth_student: "33",
      working_fulltime_insufficient: "41", working_fulltime_awaiting: "42", working_parttime_insufficient: "43",
      working_parttime_awaiting: "44", parental_benefit_insufficient: "45", parental_benefit_awaiting: "46",
      pension_insufficient: "47", pension_awaiting: "48",
      no_barrier: "51"
    },
    measure: {
      assessment_guidance: "10", job_search: "20", work_training: "30", internship: "40", education: "50",
      subsidised_employment: "60", municipal_employment: "70", motivational_support: "80", rehabilitation: "85", other: "90"
    },
    need_category: { A_ready: "A", B_short_support: "B", C_long_support: "C", D_not_available: "D" },
    referred_by: { social_services: "1", employment_service: "2", other: "3" },
    exit_reason: {
      work: "1", studies: "2", municipal_employment: "3", other_measure: "4", employment_service: "5",
      ill_health: "6", moved: "7", dropped_out: "8", other: "9", unknown: "99"
    }
  },
  household: (_m, no) => `H${String(no).padStart(6, "0")}`,
  ids: "pnr12"
};

export const dialects: Readonly<Record<DialectName, Dialect>> = {
  /** exactly the contract: UTF-8, comma, LF, contract headers and codes */
  contract: {
    name: "contract", file: "csv", encoding: "utf8", delimiter: ",", eol: "\n", decimal: ".", fixedDecimals: false,
    headers: contractHeaders, month: "YYYY-MM", date: "iso", codes: {},
    household: (m, no) => `${m}-${String(no).padStart(6, "0")}`, ids: "hex32"
  },
  /** the contract saved by Swedish Excel as "CSV UTF-8": BOM, semicolons, CRLF, decimal comma */
  "excel-csv": {
    name: "excel-csv", file: "csv", encoding: "utf8-bom", delimiter: ";", eol: "\r\n", decimal: ",", fixedDecimals: false,
    headers: contractHeaders, month: "YYYY-MM", date: "iso", codes: {},
    household: (_m, no) => `A${String(no)}`, ids: "hex40"
  },
  /** the contract as an Excel workbook: month as text, insats dates as real Excel dates */
  xlsx: {
    name: "xlsx", file: "xlsx", encoding: "utf8", delimiter: ",", eol: "\n", decimal: ".", fixedDecimals: false,
    headers: contractHeaders, month: "YYYY-MM", date: "excel", codes: {},
    household: (_m, no) => String(10000 + no), ids: "hex16"
  },
  "case-system-sv": caseSystemSv,
  "numeric-codes": numericCodes
};

// ---------------------------------------------------------------------------------------------
// Options

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

export const sampleSeed = 20240101;
export const sampleYears = [2024, 2025];

/** The six KNUT municipalities of data-samples/inbox. */
export function sampleSpecs(): MunicipalitySpec[] {
  return [
    { code: "0181", recipientsPerYear: 1200, dialect: "case-system-sv" },
    { code: "0192", recipientsPerYear: 400, dialect: "numeric-codes", reasonApplicantOnly: true },
    { code: "0128", recipientsPerYear: 120, dialect: "contract", ids: "hex32" },
    { code: "0183", recipientsPerYear: 600, dialect: "xlsx", ids: "hex16" },
    { code: "0182", recipientsPerYear: 700, dialect: "excel-csv", ids: "hex40" },
    { code: "0120", recipientsPerYear: 300, dialect: "contract", ids: "pnr10-dash", correction: { year: 2025, months: [3, 4, 5] } }
  ];
}

/** The options that make data-samples/inbox (byte for byte, with the default seed). */
export function sampleOptions(outDir = join(samplesDir, "inbox"), seed = sampleSeed): GenerateOptions {
  return { outDir, seed, years: [...sampleYears], municipalities: sampleSpecs() };
}

// Swedish county codes and their number of municipalities (290 in all); Stockholm county's codes are
// the real ones, the others follow the usual pattern (the county seat ends in 80).
const counties: readonly (readonly [string, number])[] = [
  ["01", 26], ["03", 8], ["04", 9], ["05", 13], ["06", 13], ["07", 8], ["08", 12], ["09", 1], ["10", 5], ["12", 33], ["13", 6],
  ["14", 49], ["17", 16], ["18", 12], ["19", 10], ["20", 15], ["21", 10], ["22", 7], ["23", 8], ["24", 15], ["25", 14]
];
const stockholmCounty = ["0114", "0115", "0117", "0120", "0123", "0125", "0126", "0127", "0128", "0136", "0138", "0139", "0140",
  "0160", "0162", "0163", "0180", "0181", "0182", "0183", "0184", "0186", "0187", "0188", "0191", "0192"];

function allMunicipalityCodes(): string[] {
  const tails: number[] = [];
  for (let t = 80; t <= 89; t++) tails.push(t);
  for (let t = 60; t <= 79; t++) tails.push(t);
  for (let t = 1; t <= 59; t++) tails.push(t);
  const codes: string[] = [];
  for (const [county, n] of counties) {
    if (county === "01") codes.push(...stockholmCounty);
    else for (let i = 0; i < n; i++) codes.push(county + String(tails[i]).padStart(2, "0"));
  }
  return codes.sort();
}

/** Average bistand rows per recipient and year of the people model (measured: see the tests). */
export const rowsPerRecipientYear = 7.4;

/**
 * N municipalities with real-looking codes (spread over the counties) whose bistand rows over
 * `years` years sum to about totalBistandRows; sizes are skewed like real municipalities. They use
 * dialects that need no profile: mostly the contract, every fourth the Excel CSV; half of them write
 * personnummer, so the benchmark also exercises identity checks.
 */
export function nationalSpecs(count: number, totalBistandRows: number, years = 2): MunicipalitySpec[] {
  const all = allMunicipalityCodes();
  if (!Number.isInteger(count) || count < 1 || count > all.length) throw new Error(`municipality count out of range: ${count} (1–${all.length})`);
  if (!(totalBistandRows > 0)) throw new Error(`invalid row count: ${totalBistandRows}`);
  const rng = new Random(`national:${count}`);
  const codes = Array.from({ length: count }, (_, i) => all[Math.floor((i * all.length) / count)]);
  const weights = codes.map(() => Math.exp(1.1 * rng.normal()));
  const sum = weights.reduce((a, b) => a + b, 0);
  return codes.map((code, i) => ({
    code,
    recipientsPerYear: Math.max(10, Math.round((totalBistandRows * weights[i]) / sum / years / rowsPerRecipientYear)),
    dialect: i % 4 === 3 ? "excel-csv" : "contract",
    ids: i % 2 === 0 ? "pnr12" : "hex32"
  }));
}

// ---------------------------------------------------------------------------------------------
// The people model

interface Person {
  readonly no: number;
  id: string;
  readonly female: boolean;
  readonly birthYear: number;
  readonly bornAbroad: boolean;
  readonly newlyArrived: boolean;
  /** never gets a reason code (a coding gap) */
  readonly neverCoded: boolean;
  /** the usual reason (index into reasonCodes) */
  base: number;
  /** newly arrived: the establishment code and the global month its period ends */
  readonly establishment: number;
  readonly establishmentEnd: number;
  /** per global month (year index × 12 + month): reason index + 1, 0 = none */
  readonly reasons: Uint8Array;
  /** years with assistance so far */
  seenYears: number;
  /** this dialect's constant columns from person_id to born_abroad, encoded once */
  tail: Buffer | null;
}

interface Household {
  readonly no: number;
  readonly id: string;
  readonly members: Person[];
  /** per year index: 12-bit mask of months with assistance (bit 0 = January) */
  readonly active: number[];
  readonly seed: number;
  /** typical monthly amount, öre */
  readonly baseOre: number;
}

interface Population {
  readonly households: Household[];
}

const ageBands: Weighted<readonly [number, number]> = [
  [[18, 24], 21.5], [[25, 29], 16.5], [[30, 39], 22], [[40, 49], 17], [[50, 59], 14], [[60, 64], 7], [[65, 80], 4]
];

// Reason groups of people who are not newly arrived (who are all `unemployment` while in the
// establishment programme); calibrated so that the reason-of-the-year shares come out near the
// national figures (unemployment ≈ 50 %, ill-health ≈ 10 %, social reasons ≈ 11 %).
const groupWeights: Weighted<ReasonGroup> = [
  ["unemployment", 48.5], ["ill_health", 11.2], ["social_reasons", 13], ["insufficient_income", 24], ["other", 5.5]
];
const leaves: Readonly<Record<ReasonGroup, Weighted<ReasonCode>>> = {
  unemployment: [["unemployed_no_benefit", 60], ["unemployed_insufficient_benefit", 25], ["unemployed_awaiting_benefit", 15]],
  ill_health: [["sick_certified_no_benefit", 35], ["sick_certified_insufficient", 20], ["sick_certified_awaiting", 20], ["disability_comp_insufficient", 15], ["disability_comp_awaiting", 10]],
  social_reasons: [["social_reasons", 75], ["no_childcare", 15], ["unaccompanied_youth_student", 10]],
  insufficient_income: [["working_parttime_insufficient", 32], ["working_fulltime_insufficient", 16], ["working_parttime_awaiting", 6], ["working_fulltime_awaiting", 4],
    ["parental_benefit_insufficient", 22], ["parental_benefit_awaiting", 8], ["pension_insufficient", 9], ["pension_awaiting", 3]],
  other: [["no_barrier", 1]]
};

const establishmentWeights: Weighted<number> = [[R.establishment_insufficient, 45], [R.establishment_awaiting, 30], [R.establishment_none, 25]];
const longMissing: Weighted<number> = [[0, 55], [1, 25], [2, 20]];
const shortLengths: Weighted<number> = [[1, 10], [2, 14], [3, 14], [4, 13], [5, 12], [6, 11], [7, 10], [8, 9], [9, 7]];

const P_NEWLY_ARRIVED = 0.075;
const P_NEVER_CODED = 0.012;
const P_MONTH_UNCODED = 0.025;
const P_REASON_CHANGE = 0.2;
const LONG_TERM_SHARE = 0.4;

class PopulationBuilder {
  private households: Household[] = [];
  private personNo = 0;

  constructor(
    private readonly spec: MunicipalitySpec,
    private readonly years: readonly number[],
    private readonly rng: Random,
    private readonly ids: IdMaker,
    private readonly dialect: Dialect
  ) {}

  build(): Population {
    const { rng } = this;
    for (let yi = 0; yi < this.years.length; yi++) {
      let persons = 0;
      let longPersons = 0;
      const active: Household[] = [];
      if (yi > 0) {
        // Households of last year: many continue (from January if they had assistance in
        // December), some come back after a break, the rest leave.
        for (const h of this.households) {
          const last = h.active[yi - 1];
          const earlier = yi > 1 ? h.active[yi - 2] : 0;
          let mask = 0;
          if (last & 0x800) {
            const wasLong = popcount(last) >= 10;
            if (rng.chance(wasLong ? 0.85 : 0.7)) mask = rng.chance(wasLong ? 0.72 : 0.3) ? longPattern(rng, true) : shortPattern(rng, true);
          } else if (last !== 0 || earlier !== 0) {
            if (rng.chance(last !== 0 ? 0.2 : 0.05)) mask = rng.chance(0.15) ? longPattern(rng, false) : shortPattern(rng, false);
          }
          h.active[yi] = mask;
          if (mask) {
            active.push(h);
            persons += h.members.length;
            if (popcount(mask) >= 10) longPersons += h.members.length;
          }
        }
      }
      // New households until the year has its recipients; the long-term share is steered to ≈ 40 %.
      const target = this.spec.recipientsPerYear;
      while (persons < target) {
        const pLong = yi === 0 ? LONG_TERM_SHARE : clamp((LONG_TERM_SHARE * target - longPersons) / (target - persons), 0.05, 0.6);
        const h = this.newHousehold(yi);
        const mask = rng.chance(pLong) ? longPattern(rng, false) : shortPattern(rng, false);
        h.active[yi] = mask;
        active.push(h);
        persons += h.members.length;
        if (popcount(mask) >= 10) longPersons += h.members.length;
      }
      for (const h of active) for (const p of h.members) this.assignReasons(p, yi, h.active[yi]);
    }
    return { households: this.households };
  }

  private newHousehold(yi: number): Household {
    const { rng } = this;
    const year = this.years[yi];
    const newlyArrived = rng.chance(P_NEWLY_ARRIVED);
    const couple = rng.chance(newlyArrived ? 0.4 : 0.165);
    const age = newlyArrived ? rng.int(20, 50) : drawAge(rng);
    // singles are a little more often men; couples mostly one woman and one man (≈ 47 % women overall)
    const female = couple ? rng.chance(0.45) : rng.chance(0.466);
    const applicant = this.newPerson(year - age, female, newlyArrived, yi, year);
    const members = [applicant];
    if (couple) {
      const partnerAge = clamp(age + rng.int(-6, 6), 18, 80);
      const partnerFemale = rng.chance(0.97) ? !female : female;
      const partner = this.newPerson(year - partnerAge, partnerFemale, newlyArrived, yi, year);
      if (!newlyArrived && rng.chance(0.5)) partner.base = drawInGroup(rng, groupOf(reasonCodes[applicant.base]), year - partner.birthYear, partner.bornAbroad);
      members.push(partner);
    }
    const no = this.households.length + 1;
    const baseKr = couple ? 7000 + 9000 * beta(rng) : 4000 + 8000 * beta(rng);
    const h: Household = {
      no,
      id: this.dialect.household(this.spec.code, no),
      members,
      active: this.years.map(() => 0),
      seed: rng.next(),
      baseOre: Math.round(baseKr * 100)
    };
    this.households.push(h);
    return h;
  }

  private newPerson(birthYear: number, female: boolean, newlyArrived: boolean, yi: number, year: number): Person {
    const { rng } = this;
    const age = year - birthYear;
    const bornAbroad = newlyArrived ? rng.chance(0.97) : rng.chance(0.5);
    const p: Person = {
      no: ++this.personNo,
      id: "",
      female,
      birthYear,
      bornAbroad,
      newlyArrived,
      neverCoded: rng.chance(P_NEVER_CODED),
      base: newlyArrived ? (rng.chance(0.75) ? R.unemployed_no_benefit : drawReason(rng, age, bornAbroad)) : drawReason(rng, age, bornAbroad),
      establishment: rng.weighted(establishmentWeights),
      establishmentEnd: yi * 12 + rng.int(2, 30),
      reasons: new Uint8Array(this.years.length * 12),
      seenYears: 0,
      tail: null
    };
    p.id = this.ids.make(this.spec.ids ?? this.dialect.ids, rng, birthYear, female, newlyArrived && rng.chance(0.1));
    return p;
  }

  private assignReasons(p: Person, yi: number, mask: number): void {
    if (p.neverCoded) return;
    const { rng } = this;
    const age = this.years[yi] - p.birthYear;
    // a reason usually persists from one year to the next
    if (p.seenYears > 0 && !p.newlyArrived && rng.chance(0.15)) p.base = drawReason(rng, age, p.bornAbroad);
    p.seenYears++;
    const n = popcount(mask);
    // Sometimes the reason changes during the year (the "reason of the year" rule then decides).
    const changeAt = !p.newlyArrived && n >= 2 && rng.chance(P_REASON_CHANGE) ? rng.int(1, n - 1) : -1;
    const changeTo = changeAt >= 0 ? changeReason(rng, p.base, age, p.bornAbroad) : p.base;
    for (let m = 0, k = 0; m < 12; m++) {
      if (!(mask & (1 << m))) continue;
      const gm = yi * 12 + m;
      let r = changeAt >= 0 && k >= changeAt ? changeTo : p.base;
      if (p.newlyArrived && gm < p.establishmentEnd) r = p.establishment;
      if (rng.chance(P_MONTH_UNCODED)) r = NONE;
      p.reasons[gm] = r + 1;
      k++;
    }
    if (changeAt >= 0 && rng.chance(0.6)) p.base = changeTo;
  }
}

function drawAge(rng: Random): number {
  const [lo, hi] = rng.weighted(ageBands);
  return rng.int(lo, hi);
}

function drawReason(rng: Random, age: number, bornAbroad: boolean): number {
  if (age >= 65) return rng.chance(0.8) ? R.pension_insufficient : R.pension_awaiting;
  return drawInGroup(rng, rng.weighted(groupWeights), age, bornAbroad);
}

function drawInGroup(rng: Random, group: ReasonGroup, age: number, bornAbroad: boolean): number {
  let code = rng.weighted(leaves[group]);
  if ((code === "pension_insufficient" || code === "pension_awaiting") && age < 62) code = "working_parttime_insufficient";
  if (code === "unaccompanied_youth_student" && (age > 21 || !bornAbroad)) code = "social_reasons";
  return R[code];
}

function changeReason(rng: Random, current: number, age: number, bornAbroad: boolean): number {
  for (let i = 0; i < 8; i++) {
    const next = rng.chance(0.5) ? drawInGroup(rng, groupOf(reasonCodes[current]), age, bornAbroad) : drawReason(rng, age, bornAbroad);
    if (next !== current) return next;
  }
  return current;
}

function longPattern(rng: Random, fromJanuary: boolean): number {
  const missing = rng.weighted(longMissing);
  let mask = 0xfff;
  if (missing === 0) return mask;
  const where = rng.weighted<"start" | "end" | "gap">(fromJanuary ? [["end", 1], ["gap", 1]] : [["start", 2], ["end", 1], ["gap", 1]]);
  const from = where === "start" ? 0 : where === "end" ? 12 - missing : rng.int(1, 11 - missing);
  for (let m = from; m < from + missing; m++) mask &= ~(1 << m);
  return mask;
}

function shortPattern(rng: Random, fromJanuary: boolean): number {
  const len = rng.weighted(shortLengths);
  const start = fromJanuary ? 0 : rng.int(0, 12 - len);
  let mask = ((1 << len) - 1) << start;
  // some have a second short spell later in the year
  const next = start + len + 1;
  if (len <= 6 && next < 12 && rng.chance(0.15)) {
    const len2 = rng.int(1, Math.min(3, 12 - next));
    mask |= ((1 << len2) - 1) << rng.int(next, 12 - len2);
  }
  return mask;
}

function popcount(x: number): number {
  let n = 0;
  for (; x; x &= x - 1) n++;
  return n;
}

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));
/** A hump-shaped value in [0, 1] (mean of two uniforms). */
const beta = (rng: Random) => (rng.float() + rng.float()) / 2;

const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** Makes person_ids in one id space for a whole run: a personnummer is never given twice.
 *  (Pseudonyms of ≥ 64 random bits are not tracked: a collision is as good as impossible.) */
class IdMaker {
  private readonly used = new Set<string>();

  make(form: IdForm, rng: Random, birthYear: number, female: boolean, coordination: boolean): string {
    if (form.startsWith("hex")) return rng.hex(Number(form.slice(3)));
    for (;;) {
      const month = rng.int(1, 12);
      const birth = { year: birthYear, month, day: rng.int(1, daysIn(birthYear, month)) };
      // the ninth digit is odd for men and even for women
      const serial = rng.int(0, 99) * 10 + rng.int(0, 4) * 2 + (female ? 0 : 1);
      const twelve = makePersonnummer(birth, serial, coordination);
      if (this.used.has(twelve)) continue;
      this.used.add(twelve);
      if (form === "pnr12") return twelve;
      if (form === "pnr12-dash") return `${twelve.slice(0, 8)}-${twelve.slice(8)}`;
      return `${twelve.slice(2, 8)}-${twelve.slice(8)}`;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Output files

const cp1252High = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178
];
const cp1252Of = new Map(cp1252High.map((u, i) => [u, 0x80 + i]));

/** Encodes text as Windows-1252; a character outside it is a programming error. */
export function encodeWindows1252(s: string): Buffer {
  const out = Buffer.allocUnsafe(s.length);
  for (let i = 0; i < s.length; i++) {
    const u = s.charCodeAt(i);
    if (u < 0x80 || (u >= 0xa0 && u <= 0xff)) out[i] = u;
    else {
      const b = cp1252Of.get(u);
      if (b === undefined) throw new Error(`not in windows-1252: U+${u.toString(16).padStart(4, "0")}`);
      out[i] = b;
    }
  }
  return out;
}

/** Encodes text as Windows-1252 into buf at pos; returns the bytes written. */
function writeWindows1252(s: string, buf: Buffer, pos: number): number {
  for (let i = 0; i < s.length; i++) {
    const u = s.charCodeAt(i);
    if (u < 0x80 || (u >= 0xa0 && u <= 0xff)) buf[pos + i] = u;
    else {
      const b = cp1252Of.get(u);
      if (b === undefined) throw new Error(`not in windows-1252: U+${u.toString(16).padStart(4, "0")}`);
      buf[pos + i] = b;
    }
  }
  return s.length;
}

const CHUNK = 1 << 20;

/** A CSV file written in 1 MB chunks. Rows are encoded straight into a buffer (building one long
 *  string instead costs more in garbage collection than the whole rest), and a full chunk is
 *  written while the next one fills. */
class CsvFile {
  private buf = Buffer.allocUnsafe(CHUNK);
  private pos = 0;
  private queue: Buffer[] = [];
  private pending: Promise<void> = Promise.resolve();
  private failed: Error | null = null;
  /** rows written, kept by the caller */
  rows = 0;

  private constructor(
    private readonly fh: FileHandle,
    private readonly cp1252: boolean
  ) {}

  static async create(path: string, encoding: Dialect["encoding"]): Promise<CsvFile> {
    const f = new CsvFile(await open(path, "w"), encoding === "windows-1252");
    if (encoding === "utf8-bom") f.write("\uFEFF");
    return f;
  }

  write(s: string): void {
    const most = this.cp1252 ? s.length : s.length * 3;
    if (CHUNK - this.pos < most) {
      this.rotate();
      if (most > CHUNK) {
        this.queue.push(this.cp1252 ? encodeWindows1252(s) : Buffer.from(s, "utf8"));
        return;
      }
    }
    this.pos += this.cp1252 ? writeWindows1252(s, this.buf, this.pos) : this.buf.write(s, this.pos);
  }

  /** Encodes a piece of text once, for put(). */
  encode(s: string): Buffer {
    return this.cp1252 ? encodeWindows1252(s) : Buffer.from(s, "utf8");
  }

  /** Makes room for n bytes of put()/putByte()/putDecimal() (n ≤ 1 MB). */
  reserve(n: number): void {
    if (CHUNK - this.pos < n) this.rotate();
  }

  put(b: Buffer): void {
    this.pos += b.copy(this.buf, this.pos);
  }

  putByte(c: number): void {
    this.buf[this.pos++] = c;
  }

  /** Writes öre as kronor: 843250 → "8432.50" (fixed) or "8432.5"; 843200 → "8432.00" or "8432". */
  putMoney(ore: number, decimal: number, fixed: boolean): void {
    const kr = Math.floor(ore / 100);
    const rest = ore - kr * 100;
    let digits = 1;
    for (let x = kr; x >= 10; x = Math.floor(x / 10)) digits++;
    const buf = this.buf;
    let at = this.pos + digits;
    for (let x = kr, i = 1; i <= digits; i++, x = Math.floor(x / 10)) buf[at - i] = 48 + (x % 10);
    if (rest !== 0 || fixed) {
      buf[at++] = decimal;
      buf[at++] = 48 + Math.floor(rest / 10);
      if (fixed || rest % 10 !== 0) buf[at++] = 48 + (rest % 10);
    }
    this.pos = at;
  }

  /** true when a chunk is waiting: the caller should await flush() */
  get full(): boolean {
    return this.queue.length > 0;
  }

  private rotate(): void {
    if (this.pos === 0) return;
    this.queue.push(this.buf.subarray(0, this.pos));
    this.buf = Buffer.allocUnsafe(CHUNK);
    this.pos = 0;
  }

  async flush(): Promise<void> {
    await this.pending;
    if (this.failed) throw this.failed;
    if (this.queue.length === 0) return;
    const chunks = this.queue;
    this.queue = [];
    // caught here and rethrown at the next flush or close (an unawaited rejection would crash)
    this.pending = this.fh.writev(chunks).then(
      () => undefined,
      (e: Error) => {
        this.failed = e;
      }
    );
  }

  async close(): Promise<void> {
    this.rotate();
    await this.flush();
    await this.pending;
    await this.fh.close();
    if (this.failed) throw this.failed;
  }
}

type Cell = string | number | Date | null;

/** The pieces of a bistand CSV row that do not depend on the person or month, encoded once. */
interface RowCells {
  roles: string[];
  genders: string[];
  abroad: string[];
  sep: string;
  reasons: Buffer[];
  emptyReason: Buffer;
  eol: Buffer;
  decimal: number;
  fixed: boolean;
}

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

class XlsxFile {
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

// ---------------------------------------------------------------------------------------------
// Writing the extracts

const dayMs = 86_400_000;

/** A CSV cell, quoted only where it must be (none of the generated values needs it today). */
const csvCell = (v: string, sep: string) => (v.includes(sep) || v.includes('"') || v.includes("\n") || v.includes("\r") ? `"${v.replaceAll('"', '""')}"` : v);
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

class MunicipalityWriter {
  private readonly d: Dialect;
  private readonly reasonText: string[];
  private readonly fixed: Date;

  constructor(
    private readonly spec: MunicipalitySpec,
    private readonly options: GenerateOptions,
    private readonly dir: string,
    private readonly result: GenerateResult
  ) {
    this.d = dialects[spec.dialect];
    this.reasonText = reasonCodes.map((c) => this.code("reason", c));
    this.fixed = options.mtime ?? new Date(Date.UTC(options.years[options.years.length - 1] + 1, 0, 15, 6, 0, 0));
  }

  private code(column: CodedColumn, code: string): string {
    return this.d.codes[column]?.[code] ?? code;
  }

  private amount(ore: number): string {
    const kr = Math.floor(ore / 100);
    const rest = ore % 100;
    if (rest === 0 && !this.d.fixedDecimals) return String(kr);
    let dec = String(rest).padStart(2, "0");
    if (!this.d.fixedDecimals && dec.endsWith("0")) dec = dec[0];
    return `${kr}${this.d.decimal}${dec}`;
  }

  private month(year: number, m: number): string {
    const mm = String(m + 1).padStart(2, "0");
    return this.d.month === "YYYYMM" ? `${year}${mm}` : `${year}-${mm}`;
  }

  private date(ms: number | null): Cell {
    if (ms === null) return null;
    if (this.d.date === "excel") return new Date(ms);
    return this.d.date === "compact" ? iso(ms).replaceAll("-", "") : iso(ms);
  }

  private async finish(path: string): Promise<void> {
    await utimes(path, this.fixed, this.fixed);
    this.result.files.push(path);
  }

  /** The amount of a household-month in öre: the household's level, varying a little by month,
   *  now and then a one-off addition; whole kronor mostly, sometimes öre. */
  private amountOre(h: Household, gm: number): number {
    let kr = (h.baseOre / 100) * (0.88 + 0.24 * unit(h.seed, gm * 4));
    if (unit(h.seed, gm * 4 + 1) < 0.08) kr += 800 + 2500 * unit(h.seed, gm * 4 + 2);
    kr = clamp(kr, 4000, 16000);
    const u = unit(h.seed, gm * 4 + 3);
    return u < 0.6 ? Math.round(kr) * 100 : u < 0.8 ? Math.round(kr * 2) * 50 : Math.round(kr * 100);
  }

  async bistand(pop: Population, yi: number, months: readonly number[], name: string, flawed: ReadonlySet<number>): Promise<void> {
    const year = this.options.years[yi];
    const path = join(this.dir, `${name}.${this.d.file}`);
    const { d } = this;
    const muni = this.spec.code;
    let rows = 0;
    if (d.file === "xlsx") {
      const f = XlsxFile.create(path, "Bistånd", this.fixed, false);
      f.addRow(d.headers.bistand);
      for (const m of months) {
        const month = this.month(year, m);
        const gm = yi * 12 + m;
        for (const h of pop.households) {
          if (!(h.active[yi] & (1 << m)) || (flawed.has(m) && this.dropped(h, gm))) continue;
          const ore = this.monthOre(h, gm, flawed.has(m));
          h.members.forEach((p, i) => {
            const r = this.reasonOf(p, i, gm, flawed.has(m));
            f.addRow([
              muni, month, p.id, h.id, this.code("role", i === 0 ? "applicant" : "co_applicant"), this.code("gender", p.female ? "K" : "M"),
              p.birthYear, p.bornAbroad ? 1 : 0, r === NONE ? null : this.reasonText[r], i === 0 ? ore / 100 : null
            ]);
            rows++;
          });
        }
      }
      await f.close();
    } else {
      // The hot loop of the benchmark: rows are put together from bytes encoded once (the
      // columns that never change for a person, the month, the reason texts), no strings per row.
      const f = await CsvFile.create(path, d.encoding);
      const sep = d.delimiter;
      const roles = [this.code("role", "applicant"), this.code("role", "co_applicant")];
      const genders = [this.code("gender", "K"), this.code("gender", "M")];
      const abroad = [this.code("born_abroad", "0"), this.code("born_abroad", "1")];
      const reasonCells = this.reasonText.map((t) => f.encode(t + sep));
      const emptyReason = f.encode(sep);
      const eol = f.encode(d.eol);
      const decimal = d.decimal.charCodeAt(0);
      f.write(d.headers.bistand.map((h) => csvCell(h, sep)).join(sep) + d.eol);
      const cells: RowCells = { roles, genders, abroad, sep, reasons: reasonCells, emptyReason, eol, decimal, fixed: d.fixedDecimals };
      for (const m of months) {
        const prefix = f.encode(muni + sep + this.month(year, m) + sep);
        const fl = flawed.has(m);
        // synchronous runs of rows until a chunk is full (V8 optimises a plain loop far better
        // than one inside an async function)
        for (let next = 0; next < pop.households.length; ) {
          next = this.monthRows(f, pop.households, next, yi, m, fl, prefix, cells);
          await f.flush();
        }
      }
      rows = f.rows;
      await f.close();
    }
    this.result.rows.bistand += rows;
    await this.finish(path);
  }

  /** Writes the rows of month m of households from index `from` until a chunk is full; returns
   *  the index to go on from. */
  private monthRows(f: CsvFile, households: readonly Household[], from: number, yi: number, m: number, fl: boolean, prefix: Buffer, c: RowCells): number {
    const gm = yi * 12 + m;
    const bit = 1 << m;
    for (let k = from; k < households.length; k++) {
      const h = households[k];
      if (!(h.active[yi] & bit) || (fl && this.dropped(h, gm))) continue;
      const members = h.members;
      for (let i = 0; i < members.length; i++) {
        const p = members[i];
        const tail = (p.tail ??= f.encode(p.id + c.sep + h.id + c.sep + c.roles[i === 0 ? 0 : 1] + c.sep + c.genders[p.female ? 0 : 1] + c.sep + p.birthYear + c.sep + c.abroad[p.bornAbroad ? 1 : 0] + c.sep));
        const r = this.reasonOf(p, i, gm, fl);
        const reason = r === NONE ? c.emptyReason : c.reasons[r];
        f.reserve(prefix.length + tail.length + reason.length + 24);
        f.put(prefix);
        f.put(tail);
        f.put(reason);
        if (i === 0) f.putMoney(this.monthOre(h, gm, fl), c.decimal, c.fixed);
        f.put(c.eol);
      }
      f.rows += members.length;
      if (f.full) return k + 1;
    }
    return households.length;
  }

  // A flawed month is the first version of a month that a correction later replaces: a few
  // household-months are missing, some amounts lack a later addition, more reasons are left out.
  // All three are drawn from (household or person, month), so the correction sees the same people.

  private dropped(h: Household, gm: number): boolean {
    return unit(h.seed ^ 0x5bd1e995, gm) < 0.03;
  }

  private monthOre(h: Household, gm: number, flawed: boolean): number {
    const ore = this.amountOre(h, gm);
    return flawed && unit(h.seed ^ 0x1b873593, gm) < 0.08 ? Math.round(ore * 0.85) : ore;
  }

  /** The reason index written for member i of a household in a month, or NONE. */
  private reasonOf(p: Person, i: number, gm: number, flawed: boolean): number {
    const r = p.reasons[gm] - 1;
    if (r === NONE || (i > 0 && this.spec.reasonApplicantOnly)) return NONE;
    if (flawed && unit(p.no * 31 + 7, gm) < 0.1) return NONE;
    return r;
  }

  async insats(pop: Population, rng: Random, ids: IdMaker): Promise<void> {
    const years = this.options.years;
    const first = Date.UTC(years[0], 0, 1);
    const snapshot = Date.UTC(years[years.length - 1], 11, 31);
    const path = join(this.dir, `insats-${iso(snapshot)}.${this.d.file}`);

    // Who takes part: recipients, more often the unemployed, plus ≈ 15 % who never had assistance.
    const participants: { p: Person; h: Household | null }[] = [];
    for (const h of pop.households) {
      for (const p of h.members) {
        const group = p.neverCoded ? null : groupOf(reasonCodes[p.base]);
        const pr = group === "unemployment" ? 0.36 : group === "social_reasons" ? 0.22 : group === "ill_health" ? 0.15 : group === null ? 0.12 : 0.08;
        if (rng.chance(pr)) participants.push({ p, h });
      }
    }
    let outsiders = Math.round((participants.length * 0.15) / 0.85);

    const { d } = this;
    const sep = d.delimiter;
    const xlsx = d.file === "xlsx" ? XlsxFile.create(path, "Insatser", this.fixed, true) : null;
    const csv = d.file === "csv" ? await CsvFile.create(path, d.encoding) : null;
    const put = (cells: readonly Cell[]) => {
      if (xlsx) xlsx.addRow(cells);
      else csv!.write(cells.map((c) => csvCell(c === null ? "" : String(c), sep)).join(sep) + d.eol);
    };
    put(d.headers.insats);
    let rows = 0;
    let next = 0;
    while (next < participants.length || outsiders > 0) {
      const left = participants.length - next;
      let who: { p: Person; h: Household | null };
      if (outsiders > 0 && rng.float() * (left + outsiders) < outsiders) {
        outsiders--;
        const female = rng.chance(0.45);
        const birthYear = years[0] - rng.int(18, 62);
        const p: Person = {
          no: 0, id: ids.make(this.spec.ids ?? d.ids, rng, birthYear, female, false), female, birthYear, bornAbroad: rng.chance(0.45),
          newlyArrived: false, neverCoded: true, base: 0, establishment: 0, establishmentEnd: 0, reasons: new Uint8Array(0), seenYears: 0, tail: null
        };
        who = { p, h: null };
      } else {
        who = participants[next++];
      }
      for (const m of this.measuresOf(who.p, who.h, rng, first, snapshot)) {
        const cost = m.costKr === null ? null : d.file === "xlsx" ? m.costKr : this.amount(m.costKr * 100);
        put([
          this.spec.code, who.p.id, this.code("gender", who.p.female ? "K" : "M"), d.file === "xlsx" ? who.p.birthYear : String(who.p.birthYear),
          this.code("measure", m.measure), m.need === null ? null : this.code("need_category", m.need), m.referred === null ? null : this.code("referred_by", m.referred),
          this.date(m.start), this.date(m.end), m.exit === null ? null : this.code("exit_reason", m.exit), cost
        ]);
        rows++;
      }
      if (csv?.full) await csv.flush();
    }
    if (xlsx) await xlsx.close();
    else await csv!.close();
    this.result.rows.insats += rows;
    await this.finish(path);
  }

  /** One participant's measures: one, sometimes a second that follows the first. */
  private *measuresOf(p: Person, h: Household | null, rng: Random, first: number, snapshot: number): Generator<Measure> {
    const group = h === null ? null : p.neverCoded ? "none" : groupOf(reasonCodes[p.base]);
    const need: NeedCode | null = rng.chance(0.1) ? null : rng.weighted(needWeights[group ?? "outsider"]);
    const referred: ReferredCode | null = rng.chance(0.08) ? null
      : h === null ? rng.weighted<ReferredCode>([["employment_service", 70], ["other", 30]])
      : rng.weighted<ReferredCode>([["social_services", 80], ["employment_service", 15], ["other", 5]]);
    let start: number;
    if (h) {
      // a measure starts in a month the person has assistance
      const months: number[] = [];
      h.active.forEach((mask, yi) => {
        for (let m = 0; m < 12; m++) if (mask & (1 << m)) months.push(yi * 12 + m);
      });
      const gm = rng.pick(months);
      const year = this.options.years[Math.floor(gm / 12)];
      start = Date.UTC(year, gm % 12, rng.int(1, daysIn(year, (gm % 12) + 1)));
    } else {
      start = first + rng.int(0, Math.round((snapshot - first) / dayMs)) * dayMs;
    }
    let measure: MeasureCode = rng.weighted(measureWeights);
    for (let k = 0; k < 2; k++) {
      const [lo, hi, perMonth] = measureTerms[measure];
      const days = rng.int(lo * 30, hi * 30 + 15);
      const endMs = start + days * dayMs;
      const ongoing = endMs > snapshot;
      const chained = !ongoing && k === 0 && rng.chance(0.2) && endMs + 31 * dayMs <= snapshot;
      let exit: ExitCode | null = null;
      if (!ongoing) exit = chained ? (rng.chance(0.25) ? "municipal_employment" : "other_measure") : finalExit(rng, need);
      const costKr = rng.chance(0.3) ? null : Math.round((Math.min(endMs, snapshot) - start) / dayMs / 30.4 * perMonth * (0.8 + 0.4 * rng.float()));
      yield { measure, need, referred, start, end: ongoing ? null : endMs, exit, costKr };
      if (!chained) return;
      start = endMs + rng.int(1, 30) * dayMs;
      measure = exit === "municipal_employment" ? "municipal_employment" : rng.pick<MeasureCode>(["work_training", "internship", "education", "subsidised_employment", "job_search"]);
    }
  }
}

interface Measure {
  measure: MeasureCode;
  need: NeedCode | null;
  referred: ReferredCode | null;
  start: number;
  end: number | null;
  exit: ExitCode | null;
  costKr: number | null;
}

const measureWeights: Weighted<MeasureCode> = [
  ["assessment_guidance", 18], ["job_search", 15], ["work_training", 20], ["internship", 12], ["education", 10],
  ["subsidised_employment", 5], ["municipal_employment", 7], ["motivational_support", 6], ["rehabilitation", 4], ["other", 3]
];
/** duration in months (min, max) and cost per month in SEK */
const measureTerms: Readonly<Record<MeasureCode, readonly [number, number, number]>> = {
  assessment_guidance: [1, 3, 1500], job_search: [1, 6, 1200], work_training: [3, 12, 3500], internship: [1, 6, 2500],
  education: [3, 18, 4000], subsidised_employment: [6, 12, 9000], municipal_employment: [6, 12, 18000],
  motivational_support: [2, 8, 1500], rehabilitation: [3, 12, 5000], other: [1, 6, 2000]
};
const needWeights: Readonly<Record<ReasonGroup | "none" | "outsider", Weighted<NeedCode>>> = {
  unemployment: [["A_ready", 30], ["B_short_support", 40], ["C_long_support", 22], ["D_not_available", 8]],
  ill_health: [["A_ready", 5], ["B_short_support", 20], ["C_long_support", 45], ["D_not_available", 30]],
  social_reasons: [["A_ready", 10], ["B_short_support", 30], ["C_long_support", 45], ["D_not_available", 15]],
  insufficient_income: [["A_ready", 40], ["B_short_support", 35], ["C_long_support", 20], ["D_not_available", 5]],
  other: [["A_ready", 40], ["B_short_support", 35], ["C_long_support", 20], ["D_not_available", 5]],
  none: [["A_ready", 25], ["B_short_support", 35], ["C_long_support", 30], ["D_not_available", 10]],
  outsider: [["A_ready", 45], ["B_short_support", 35], ["C_long_support", 15], ["D_not_available", 5]]
};
/** Work and studies are likelier the closer a participant is to the labour market. */
const workLikelihood: Readonly<Record<NeedCode, number>> = { A_ready: 1.4, B_short_support: 1.1, C_long_support: 0.7, D_not_available: 0.4 };

function finalExit(rng: Random, need: NeedCode | null): ExitCode {
  const w = need === null ? 1 : workLikelihood[need];
  return rng.weighted<ExitCode>([
    ["work", 34 * w], ["studies", 15 * w], ["municipal_employment", 9], ["employment_service", 11], ["ill_health", 9],
    ["moved", 5], ["dropped_out", 11], ["other", 7], ["unknown", 6]
  ]);
}

// ---------------------------------------------------------------------------------------------
// Entry points

function check(options: GenerateOptions): void {
  const { years, municipalities } = options;
  if (!Number.isSafeInteger(options.seed)) throw new Error(`invalid seed: ${options.seed}`);
  if (years.length === 0 || years.some((y, i) => !Number.isInteger(y) || (i > 0 && y !== years[i - 1] + 1))) {
    throw new Error(`years must be consecutive: ${years.join(",")}`);
  }
  const seen = new Set<string>();
  for (const m of municipalities) {
    if (!/^\d{4}$/.test(m.code)) throw new Error(`invalid municipality code: ${m.code}`);
    if (seen.has(m.code)) throw new Error(`duplicate municipality: ${m.code}`);
    seen.add(m.code);
    if (!dialects[m.dialect]) throw new Error(`unknown dialect: ${m.dialect}`);
    if (!(m.recipientsPerYear >= 1)) throw new Error(`invalid recipientsPerYear: ${m.recipientsPerYear}`);
    if (m.correction && (!years.includes(m.correction.year) || m.correction.months.some((x) => !(x >= 1 && x <= 12)))) {
      throw new Error(`invalid correction of ${m.code}: ${JSON.stringify(m.correction)}`);
    }
  }
}

/** Writes each municipality's extracts to <outDir>/<code>/: one bistand file per year (plus a
 *  correction where asked) and one insats snapshot. Deterministic for the same options. */
export async function generate(options: GenerateOptions): Promise<GenerateResult> {
  check(options);
  const result: GenerateResult = { files: [], rows: { bistand: 0, insats: 0 } };
  const ids = new IdMaker();
  for (const spec of options.municipalities) {
    const dir = join(options.outDir, spec.code);
    await mkdir(dir, { recursive: true });
    const key = `${options.seed}:${spec.code}`;
    const pop = new PopulationBuilder(spec, options.years, new Random(`${key}:people`), ids, dialects[spec.dialect]).build();
    const w = new MunicipalityWriter(spec, options, dir, result);
    const all = Array.from({ length: 12 }, (_, m) => m);
    for (let yi = 0; yi < options.years.length; yi++) {
      const year = options.years[yi];
      const fix = spec.correction?.year === year ? new Set(spec.correction.months.map((m) => m - 1)) : new Set<number>();
      await w.bistand(pop, yi, all, `bistand-${year}`, fix);
      if (fix.size > 0) {
        // "_" sorts after "." in byte order, so the correction comes after bistand-<year>.csv
        const months = [...fix].sort((a, b) => a - b);
        const span = `${String(months[0] + 1).padStart(2, "0")}-${String(months[months.length - 1] + 1).padStart(2, "0")}`;
        await w.bistand(pop, yi, months, `bistand-${year}_rattelse-${span}`, new Set());
      }
    }
    if (spec.insats !== false) await w.insats(pop, new Random(`${key}:insats`), ids);
  }
  return result;
}

async function main(): Promise<void> {
  const args = await yargs(hideBin(process.argv))
    .scriptName("generate")
    .usage("$0 [--out DIR] [--seed N] [--national --municipalities N --rows N]")
    .option("out", { type: "string", describe: "output folder (default data-samples/inbox, or bench/data/inbox with --national)" })
    .option("seed", { type: "number", default: sampleSeed, describe: "seed of the random streams" })
    .option("national", { type: "boolean", default: false, describe: "a national data set for the benchmark" })
    .option("municipalities", { type: "number", default: 290, describe: "with --national: number of municipalities" })
    .option("rows", { type: "number", default: 10_000_000, describe: "with --national: total bistand rows (about)" })
    .strict()
    .fail((msg, err) => {
      console.error(err?.message ?? msg);
      process.exit(2);
    })
    .parseAsync();
  const options: GenerateOptions = args.national
    ? { outDir: args.out ?? join(packageRoot, "bench", "data", "inbox"), seed: args.seed, years: [...sampleYears], municipalities: nationalSpecs(args.municipalities, args.rows) }
    : sampleOptions(args.out, args.seed);
  const t0 = performance.now();
  const { files, rows } = await generate(options);
  const s = (performance.now() - t0) / 1000;
  console.log(`${files.length} files in ${options.outDir}: ${rows.bistand} bistand rows, ${rows.insats} insats rows in ${s.toFixed(1)} s (${Math.round(rows.bistand / s)} bistand rows/s)`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((e: Error) => {
    console.error(e.message);
    process.exitCode = 1;
  });
}
