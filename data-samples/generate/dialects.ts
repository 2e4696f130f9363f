// Dialects: how a municipality's system writes the contract's columns and codes (contract §1–§4).
// Each dialect is the contract itself with what its system writes differently. The two Swedish systems
// that need a profile (schemas/profiles/case-system-sv.json, numeric-codes.json) also rename headers
// and codes; their names stand side by side per contract column and code, so each is listed once. The
// Norwegian KOSTRA-like system (schemas/profiles/kostra-no.json) follows SSB's KOSTRA notation.
import type { ExitCode, MeasureCode } from "./measures.js";
import type { IdForm } from "./person-ids.js";
import type { ReasonCode } from "./reasons.js";

export type DialectName = "contract" | "excel-csv" | "xlsx" | "case-system-sv" | "numeric-codes" | "kostra-no";

/** The columns whose values are codes, which a dialect may write otherwise. */
export type CodedColumn = "gender" | "role" | "born_abroad" | "reason" | "measure" | "need_category" | "referred_by" | "exit_reason";

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
  readonly month: "YYYY-MM" | "YYYYMM" | "MMYYYY";
  /** dates of insats: ISO text, compact YYYYMMDD text, KOSTRA's DDMMYYYY text, or Excel date cells */
  readonly date: "iso" | "compact" | "ddmmyyyy" | "excel";
  /** contract code → the value this system writes; a column not listed is written with contract codes */
  readonly codes: Partial<Record<CodedColumn, Readonly<Record<string, string>>>>;
  /** contract code → several values this system writes for it, one picked per row (01 ordinary work and
   *  11 work with wage subsidy both mean work); listed more than once, a value is picked more often */
  readonly alternatives?: Partial<Record<CodedColumn, Readonly<Record<string, readonly string[]>>>>;
  readonly household: (municipality: string, no: number) => string;
  readonly ids: IdForm;
}

const bistandColumns = ["municipality", "month", "person_id", "household_id", "role", "gender", "birth_year", "born_abroad", "reason", "amount_sek"] as const;
const insatsColumns = ["municipality", "person_id", "gender", "birth_year", "measure", "need_category", "referred_by", "start_date", "end_date", "exit_reason", "cost_sek"] as const;

/** exactly the contract: UTF-8, comma, LF, contract headers and codes */
const contract: Dialect = {
  name: "contract", file: "csv", encoding: "utf8", delimiter: ",", eol: "\n", decimal: ".", fixedDecimals: false,
  headers: { bistand: bistandColumns, insats: insatsColumns }, month: "YYYY-MM", date: "iso", codes: {},
  household: (m, no) => `${m}-${String(no).padStart(6, "0")}`, ids: "hex32"
};

/** A name as [the Swedish case system of 0181 writes it (its dropdown texts), the numeric system of 0192]. */
type Names = readonly [caseSystemSv: string, numericCodes: string];

const headerNames: Readonly<Record<(typeof bistandColumns)[number] | (typeof insatsColumns)[number], Names>> = {
  municipality: ["Kommunkod", "kommun"], month: ["Månad", "period"], person_id: ["Personnummer", "pnr"], household_id: ["Hushållsnummer", "hushall"],
  role: ["Roll", "roll"], gender: ["Kön", "kon"], birth_year: ["Födelseår", "fodelsear"], born_abroad: ["Född utomlands", "utlandsfodd"],
  reason: ["Försörjningshinder", "fsh_kod"], amount_sek: ["Belopp", "belopp"],
  measure: ["Insats", "insatskod"], need_category: ["Behovskategori", "behovskat"], referred_by: ["Anvisad av", "anvisare"],
  start_date: ["Startdatum", "startdatum"], end_date: ["Slutdatum", "slutdatum"], exit_reason: ["Avslutsorsak", "avslutskod"], cost_sek: ["Kostnad", "kostnad"]
};

const reasonNames: Readonly<Record<ReasonCode, Names>> = {
  unemployed_no_benefit: ["Arbetslös – ingen ersättning", "11"],
  unemployed_insufficient_benefit: ["Arbetslös – otillräcklig ersättning", "12"],
  unemployed_awaiting_benefit: ["Arbetslös – väntar på ersättning", "13"],
  establishment_insufficient: ["Etableringsuppdrag – otillräcklig ersättning", "14"],
  establishment_awaiting: ["Etableringsuppdrag – väntar på ersättning", "15"],
  establishment_none: ["Etableringsuppdrag – ingen ersättning", "16"],
  sick_certified_no_benefit: ["Sjukskriven m läkarintyg – ingen sjukpenning", "21"],
  sick_certified_insufficient: ["Sjukskriven m läkarintyg – otillräcklig sjukpenning", "22"],
  sick_certified_awaiting: ["Sjukskriven m läkarintyg – väntar på sjukpenning", "23"],
  disability_comp_insufficient: ["Sjuk-/aktivitetsersättning – otillräcklig", "24"],
  disability_comp_awaiting: ["Sjuk-/aktivitetsersättning – väntar på ersättning", "25"],
  social_reasons: ["Sociala skäl", "31"],
  no_childcare: ["Saknar barnomsorg", "32"],
  unaccompanied_youth_student: ["Ensamkommande ungdom – studerar", "33"],
  working_fulltime_insufficient: ["Arbetar heltid – otillräcklig inkomst", "41"],
  working_fulltime_awaiting: ["Arbetar heltid – väntar på lön", "42"],
  working_parttime_insufficient: ["Arbetar deltid – otillräcklig inkomst", "43"],
  working_parttime_awaiting: ["Arbetar deltid – väntar på lön", "44"],
  parental_benefit_insufficient: ["Föräldraledig – otillräcklig föräldrapenning", "45"],
  parental_benefit_awaiting: ["Föräldraledig – väntar på föräldrapenning", "46"],
  pension_insufficient: ["Ålderspension – otillräcklig", "47"],
  pension_awaiting: ["Ålderspension – väntar på pension", "48"],
  no_barrier: ["Inget försörjningshinder", "51"]
};

const measureNames: Readonly<Record<MeasureCode, Names>> = {
  assessment_guidance: ["Kartläggning/vägledning", "10"],
  job_search: ["Jobbsökaraktivitet", "20"],
  work_training: ["Arbetsträning – egen verksamhet", "30"],
  internship: ["Praktik hos arbetsgivare", "40"],
  education: ["Utbildning inkl. SFI", "50"],
  subsidised_employment: ["Subventionerad anställning", "60"],
  municipal_employment: ["Kommunal visstidsanställning", "70"],
  motivational_support: ["Motiverande samtal/stöd", "80"],
  rehabilitation: ["Arbetslivsinriktad rehabilitering", "85"],
  other: ["Övrig insats", "90"]
};

const exitNames: Readonly<Record<ExitCode, Names>> = {
  work: ["Arbete", "1"],
  studies: ["Studier med studiemedel", "2"],
  municipal_employment: ["Kommunal visstidsanställning", "3"],
  other_measure: ["Annan insats", "4"],
  employment_service: ["Överlämnad till Arbetsförmedlingen", "5"],
  ill_health: ["Ohälsa", "6"],
  moved: ["Flyttat", "7"],
  dropped_out: ["Avbrott", "8"],
  other: ["Annan orsak", "9"],
  unknown: ["Okänd", "99"]
};

/** The coded columns both systems rename (born_abroad only the case system: see caseSystemSv). */
const codeNames: Readonly<Record<Exclude<CodedColumn, "born_abroad">, Readonly<Record<string, Names>>>> = {
  gender: { K: ["Kvinna", "1"], M: ["Man", "2"] },
  role: { applicant: ["Sökande", "S"], co_applicant: ["Medsökande", "M"] },
  reason: reasonNames,
  measure: measureNames,
  need_category: {
    A_ready: ["A – Nära arbetsmarknaden", "A"],
    B_short_support: ["B – Kortare stöd", "B"],
    C_long_support: ["C – Längre stöd", "C"],
    D_not_available: ["D – Ej till arbetsmarknadens förfogande", "D"]
  },
  referred_by: { social_services: ["Socialtjänsten", "1"], employment_service: ["Arbetsförmedlingen", "2"], other: ["Annan", "3"] },
  exit_reason: exitNames
};

/** One system's headers and codes from the tables above (0: the case system, 1: the numeric one). */
function named(system: 0 | 1): Pick<Dialect, "headers" | "codes"> {
  const pick = (table: Readonly<Record<string, Names>>) => Object.fromEntries(Object.entries(table).map(([code, names]) => [code, names[system]]));
  return {
    headers: { bistand: bistandColumns.map((c) => headerNames[c][system]), insats: insatsColumns.map((c) => headerNames[c][system]) },
    codes: Object.fromEntries(Object.entries(codeNames).map(([column, table]) => [column, pick(table)]))
  };
}

/** The Swedish case system export of 0181: its headers and dropdown texts, Windows-1252, semicolons, CRLF. */
const caseSystemSv: Dialect = {
  ...contract,
  name: "case-system-sv", encoding: "windows-1252", delimiter: ";", eol: "\r\n", decimal: ",", fixedDecimals: true,
  headers: named(0).headers,
  codes: { ...named(0).codes, born_abroad: { "0": "Nej", "1": "Ja" } },
  household: (_m, no) => String(400000 + no),
  ids: "pnr12-dash"
};

/** 0192: an older system with numeric codes, gender 1 = woman, YYYYMM months and YYYYMMDD dates. */
const numericCodes: Dialect = {
  ...contract,
  ...named(1),
  name: "numeric-codes", fixedDecimals: true, month: "YYYYMM", date: "compact",
  household: (_m, no) => `H${String(no).padStart(6, "0")}`,
  ids: "pnr12"
};

/**
 * A Norwegian system's export in KOSTRA's notation (SSB's control programs, statisticsnorway/
 * kostra-kontrollprogram: file descriptions 11F and 11CF): upper-case ASCII headers, gender KJONN
 * 1 = man, 2 = woman, yes/no as 1/2, months MMYYYY and dates DDMMYYYY, and the situation after an
 * ended measure as form 11CF codes it (01 ordinary work, 11 work with wage subsidy, 03 a state
 * labour-market measure, 04 school, 13 disability benefit, 14 work assessment allowance, 15/16 social
 * assistance awaiting or without such a clarification, 10 other, 17 unknown). KOSTRA has no code for
 * the municipality's own employment, another measure, a move or a drop-out: the system writes 10
 * (other) for them. Semicolons, CRLF, whole kroner; person_id a fødselsnummer or D-number.
 */
const kostraNo: Dialect = {
  ...contract,
  name: "kostra-no", delimiter: ";", eol: "\r\n", decimal: ",", month: "MMYYYY", date: "ddmmyyyy",
  headers: {
    bistand: ["KOMMUNE_NR", "MAANED", "PERSON_FODSELSNR", "SAKSNR", "ROLLE", "KJONN", "FODSELSAAR", "FODT_UTLAND", "STONADSGRUNN", "BELOP"],
    insats: ["KOMMUNE_NR", "PERSON_FODSELSNR", "KJONN", "FODSELSAAR", "TILTAK", "BEHOVSKATEGORI", "HENVIST_AV", "BEGYNT_DATO", "AVSL_DATO", "AVSL_SITUASJON", "KOSTNAD"]
  },
  codes: {
    gender: { M: "1", K: "2" },
    role: { applicant: "1", co_applicant: "2" },
    born_abroad: { "1": "1", "0": "2" },
    exit_reason: {
      work: "01", studies: "04", employment_service: "03", ill_health: "14", other: "10", unknown: "17",
      municipal_employment: "10", other_measure: "10", moved: "10", dropped_out: "10"
    }
  },
  alternatives: { exit_reason: { work: ["01", "01", "01", "11"], ill_health: ["13", "14"], other: ["10", "15", "16"] } },
  household: (_m, no) => String(10_000_000 + no),
  ids: "fnr"
};

export const dialects: Readonly<Record<DialectName, Dialect>> = {
  contract,
  /** the contract saved by Swedish Excel as "CSV UTF-8": BOM, semicolons, CRLF, decimal comma */
  "excel-csv": {
    ...contract, name: "excel-csv", encoding: "utf8-bom", delimiter: ";", eol: "\r\n", decimal: ",",
    household: (_m, no) => `A${String(no)}`, ids: "hex40"
  },
  /** the contract as an Excel workbook: month as text, insats dates as real Excel dates */
  xlsx: {
    ...contract, name: "xlsx", file: "xlsx", date: "excel",
    household: (_m, no) => String(10000 + no), ids: "hex16"
  },
  "case-system-sv": caseSystemSv,
  "numeric-codes": numericCodes,
  "kostra-no": kostraNo
};
