// The findings catalogue: every code a validation can report, and the only place a finding's words
// live (like frictionless' error classes or KOSTRA's control programs). Per code: its severity, the
// stage that finds it, a title, the message as a function of typed parameters, and how to fix it —
// each in Swedish (what users see today), Norwegian bokmål (Norwegian networks, contract §12) and
// English (for --json readers and codes.html). The checks
// pass a code and its parameters (values, column names, counts, lists, the profile's name …), never
// words or a severity.
import type { Finding, Severity } from "./finding.js";
import type { Country, Successor } from "./municipalities.js";
import { schema } from "./schema.js";

export type Lang = "sv" | "nb" | "en";

interface Text {
  readonly sv: string;
  readonly nb: string;
  readonly en: string;
}

/** Where in the reading of a file a check runs: the groups of codes.html. */
export type Stage = "file" | "header" | "structure" | "values" | "rules" | "commentary";

export const stages: Readonly<Record<Stage, Text>> = {
  file: { sv: "Filen: format, teckenkodning och radslut", nb: "Filen: format, tegnkoding og linjeskift", en: "The file: format, encoding and line endings" },
  header: { sv: "Rubrikraden och kolumnerna", nb: "Overskriftsraden og kolonnene", en: "The header row and the columns" },
  structure: { sv: "Radernas struktur", nb: "Radenes struktur", en: "The structure of the rows" },
  values: { sv: "Värdet i varje kolumn", nb: "Verdien i hver kolonne", en: "The value in each column" },
  rules: { sv: "Regler inom en rad och mellan rader", nb: "Regler innenfor en rad og mellom rader", en: "Rules within a row and between rows" },
  commentary: { sv: "Kommunens kommentar (.md)", nb: "Kommunens kommentar (.md)", en: "The municipality's commentary (.md)" }
};

export const severities: Readonly<Record<Severity, { readonly label: Text; readonly meaning: Text }>> = {
  FATAL: {
    label: { sv: "kan inte läsas", nb: "kan ikke leses", en: "cannot be read" },
    meaning: { sv: "filen kan inte läsas, eller får inte läsas in, och avvisas hel.", nb: "filen kan ikke leses, eller kan ikke lastes inn, og avvises i sin helhet.", en: "the file cannot be read, or must not be loaded, and is rejected whole." }
  },
  ERROR: {
    label: { sv: "fel", nb: "feil", en: "error" },
    meaning: { sv: "en regel är bruten på en eller flera rader; filen avvisas och inget av den läses in.", nb: "en regel er brutt på én eller flere rader; filen avvises og ingenting av den lastes inn.", en: "a rule is broken on one or more rows; the file is rejected and none of it is loaded." }
  },
  WARNING: {
    label: { sv: "varning", nb: "advarsel", en: "warning" },
    meaning: { sv: "filen läses in, men något bör ses över.", nb: "filen lastes inn, men noe bør sees på.", en: "the file is loaded, but something is worth a look." }
  },
  INFO: {
    label: { sv: "information", nb: "informasjon", en: "information" },
    meaning: { sv: "vad kas lade märke till eller gjorde med filen.", nb: "hva kas la merke til eller gjorde med filen.", en: "what kas noticed or did with the file." }
  }
};

interface Entry<P> {
  readonly severity: Severity;
  readonly stage: Stage;
  readonly title: Text;
  readonly message: { readonly sv: (p: P) => string; readonly nb: (p: P) => string; readonly en: (p: P) => string };
  /** short, without parameters: for codes.html */
  readonly fix: Text;
}

type None = Record<never, never>;

const entry = <P = None>(e: Entry<P>): Entry<P> => e;

// ---- Parameter types shared by several codes

/** A CSV delimiter, named in messages. */
export type Delimiter = "," | ";" | "\t";

/** The valid codes of a code column, and the municipality's own codes its profile maps. */
export interface ValidCodes {
  readonly codes: readonly string[];
  readonly profile: { readonly name: string; readonly codes: readonly string[] } | null;
  /** the code list of schemas/codes.json the codes come from: a long list is ranked and named by its
   *  labels too ("sjuk" is most like sick_certified_…, "Sjukskriven m läkarintyg – …") */
  readonly list?: string;
}

/** The column a message names, as the file names it (a profile's "Personnummer" for person_id);
 *  left out, the message names the contract's column. */
export interface FileColumn {
  readonly column?: string;
}

/** A date column's expected notation: the contract's, or also the profile's own format. */
export interface DateFormat {
  readonly column: string;
  readonly profile: { readonly name: string; readonly format: string } | null;
}

/** The required columns of each extract kind. */
export type KindColumns = readonly { readonly kind: string; readonly columns: readonly string[] }[];

/** A municipality code that the official lists (contract/municipalities.ts, schemas/municipalities.json)
 *  do not have as a municipality in some of the years a file needs it for (municipality_not_in_years). */
export type MunicipalityNotInYears = {
  /** the code, as the file gives it (after a profile's mapping) */
  readonly value: string;
  /** the years it is no municipality in: of the rows' years, or a snapshot's year */
  readonly years: readonly number[];
  /** the file's years it is right for: the rest of its rows (a bistand file of 2023 and 2024 with 3024) */
  readonly valid: readonly number[];
  /** an insats file is a snapshot (contract §1): its codes are those of the day it was taken (YYYY-MM-DD),
   *  read from its name, else its rows' latest date, else the day it was first seen (sql/macros/snapshot_day.sql) */
  readonly snapshot: { readonly date: string; readonly source: "file_name" | "rows" | "first_seen" } | null;
  /** the file came from (or belongs in) a municipality's folder, which takes one code: a file whose
   *  years need different codes is split by year (a network file holds every municipality's rows) */
  readonly oneCode: boolean;
} & (
  /** no list of either country has the code */
  | { readonly reason: "unknown" }
  /** the code ended and others took over, step by step up to today's (Norway's reforms of 2020 and 2024) */
  | { readonly reason: "replaced"; readonly country: Country; readonly name: string; readonly to: number; readonly successors: readonly Successor[] }
  /** the code is a municipality in other years only; `earlier`: the codes it had in the years asked about */
  | {
      readonly reason: "other_years"; readonly country: Country; readonly name: string; readonly from: number | null; readonly to: number | null;
      readonly earlier: readonly MunicipalityCode[];
    }
);

/** A municipality's code in some years (municipality_not_in_years). */
export interface MunicipalityCode {
  readonly code: string;
  readonly name: string;
  readonly from: number | null;
  readonly to: number | null;
}

/** Why a workbook cannot be read (corrupt_xlsx). */
export type CorruptReason = "xls_or_password" | "empty" | "not_a_workbook" | "truncated" | "too_large" | "parts_missing" | "no_contents" | "damaged";

// ---- Long code lists

/** A list of valid codes up to this long is given whole in a message … */
export const wholeListMax = 10;
/** … a longer one (försörjningshinder has 23 codes, and a profile as many notations) by this many of
 *  them, those most like the value first, and a pointer to the published code list (codes.html). The
 *  finding's params (--json) keep the whole list. */
export const shortListLength = 8;

/** Lower case without diacritics: "Arbetslös" and "arbetslos" alike. */
const folded = (s: string) => s.normalize("NFKD").replace(/\p{M}/gu, "").toLocaleLowerCase("sv").trim();
const wordsOf = (s: string) => folded(s).split(/[^\p{L}\p{N}]+/u).filter((w) => w.length >= 3);

/** How much a valid code looks like the value written (no edit distance, on purpose: cheap and
 *  predictable): the length of their common beginning (from 3 characters), 4 per shared word (or word beginning, from 4
 *  letters: "arbetslös"/"arbetslösa"), and 3 when the code contains the whole value. */
export function likeness(value: string, code: string): number {
  const a = folded(value);
  const b = folded(code);
  let prefix = 0;
  while (prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) prefix++;
  const mine = wordsOf(value);
  const shared = wordsOf(code).filter((w) => mine.some((x) => x === w || (Math.min(x.length, w.length) >= 4 && (x.startsWith(w) || w.startsWith(x))))).length;
  return (prefix >= 3 ? prefix : 0) + 4 * shared + (a.length >= 2 && b.includes(a) ? 3 : 0);
}

/** The labels of a code list (schemas/codes.json), by code; none for a list the schema does not have. */
function labelsOf(list: string | undefined): ReadonlyMap<string, Text> {
  const codes = list === undefined ? undefined : schema().lists[list]?.codes;
  return new Map((codes ?? []).map((c) => [c.code, { sv: c.sv, nb: c.nb, en: c.en }]));
}

/** The codes a message lists: all of a short list, in its order; of a long one those (up to
 *  shortListLength) most like `value` — by the code, or (without a profile) its label — when any looks like it at all (a likeness of 3 or
 *  more), else the first ones. Without a profile, the codes picked as most like the value are named
 *  with their labels. */
export function shortList(v: ValidCodes, value: string | null, lang: Lang = "sv"): { shown: string[]; rest: number; ranked: boolean } {
  const all = [...v.codes, ...(v.profile?.codes ?? [])];
  if (all.length <= wholeListMax) return { shown: all, rest: 0, ranked: false };
  const labels = labelsOf(v.list);
  const like = (code: string, i: number) => {
    if (value === null) return 0;
    // with a profile, its notations are the file's words (often the labels themselves): the codes are ranked as written
    const label = i < v.codes.length && !v.profile?.codes.length ? labels.get(code) : undefined;
    return Math.max(likeness(value, code), label ? likeness(value, label.sv) : 0, label ? likeness(value, label.en) : 0);
  };
  // the file's own notation (the profile's) first on a tie: it is what the file writes
  const own = new Set(v.profile?.codes ?? []);
  const scored = all.map((code, i) => ({ code, i, score: like(code, i), own: own.has(code) && i >= v.codes.length }));
  const ranked = scored.some((c) => c.score >= 3);
  const order = ranked ? [...scored].sort((x, y) => y.score - x.score || Number(y.own) - Number(x.own) || x.i - y.i) : scored;
  const named = (c: { code: string; i: number }) => {
    // the labels say why these codes were picked; the first codes of an unranked list go bare (codes.html has the labels)
    const label = !ranked || v.profile?.codes.length || c.i >= v.codes.length ? undefined : labels.get(c.code)?.[lang];
    return label && label !== c.code ? `${c.code} (${label})` : c.code;
  };
  // ranked, only the codes that look like the value (up to shortListLength): the others say nothing more than "se kodlistan"
  const shown = order.slice(0, shortListLength).filter((c) => !ranked || c.score >= 3);
  return { shown: shown.map(named), rest: all.length - shown.length, ranked };
}

// ---- Fragments shared by several messages

const hex = (b: number) => `0x${b.toString(16).toUpperCase().padStart(2, "0")}`;

const sv = {
  csvUtf8: "”CSV UTF-8 (kommaavgränsad) (*.csv)”",
  csvSemicolon: "”CSV (semikolonavgränsad) (*.csv)”",
  workbook: "”Excel-arbetsbok (*.xlsx)”",
  delimiter: { ",": "komma", ";": "semikolon", "\t": "tabb" } satisfies Record<Delimiter, string>,
  validCodes: (v: ValidCodes, value: string | null = null): string => {
    const l = shortList(v, value);
    if (l.rest === 0) {
      return v.profile?.codes.length
        ? `Giltiga koder: ${v.codes.join(", ")}, eller det profilen ${v.profile.name} översätter: ${v.profile.codes.join(", ")}.`
        : `Giltiga koder: ${v.codes.join(", ")}.`;
    }
    const which = v.profile?.codes.length
      ? `Giltiga koder: kontraktets ${v.codes.length} och de ${v.profile.codes.length} som profilen ${v.profile.name} översätter. ${l.ranked ? "De som liknar värdet mest" : "Bland dem"}: `
      : `Giltiga koder (${v.codes.length})${l.ranked ? ", de som liknar värdet mest" : ""}: `;
    return `${which}${l.shown.join(", ")} … och ${l.rest} till, se kodlistan: kas-webbplatsens codes.html.`;
  },
  dateFormat: (f: DateFormat): string => {
    const standard = f.column === "month" ? "ÅÅÅÅ-MM, t.ex. 2024-03" : "ÅÅÅÅ-MM-DD, t.ex. 2024-02-29";
    return f.profile ? `Skriv ${standard}, eller som profilen ${f.profile.name} anger (${f.profile.format}).` : `Skriv ${standard}.`;
  },
  expectedHeader: (expected: KindColumns, profile: string | null): string =>
    `Första raden ska vara kolumnnamnen enligt kontraktet — ${expected.map((k) => `${k.kind}: ${k.columns.join(", ")}`).join("; ")}` +
    (profile ? ` — eller de namn som profilen ${profile} översätter.` : `. Använder kommunen egna kolumnnamn behövs en profil i schemas/profiles/.`),
};
const svSaveAs = `${sv.csvUtf8} eller ${sv.csvSemicolon}`;

const en = {
  csvUtf8: "“CSV UTF-8 (Comma delimited) (*.csv)”",
  csvSemicolon: "“CSV (Comma delimited) (*.csv)”",
  workbook: "“Excel Workbook (*.xlsx)”",
  delimiter: { ",": "comma", ";": "semicolon", "\t": "tab" } satisfies Record<Delimiter, string>,
  validCodes: (v: ValidCodes, value: string | null = null): string => {
    const l = shortList(v, value, "en");
    if (l.rest === 0) {
      return v.profile?.codes.length
        ? `Valid codes: ${v.codes.join(", ")}, or the values profile ${v.profile.name} maps: ${v.profile.codes.join(", ")}.`
        : `Valid codes: ${v.codes.join(", ")}.`;
    }
    const which = v.profile?.codes.length
      ? `Valid codes: the contract's ${v.codes.length} and the ${v.profile.codes.length} values profile ${v.profile.name} maps. ${l.ranked ? "Those most like the value" : "Among them"}: `
      : `Valid codes (${v.codes.length})${l.ranked ? ", those most like the value" : ""}: `;
    return `${which}${l.shown.join(", ")} … and ${l.rest} more, see the code list: codes.html on the kas site.`;
  },
  dateFormat: (f: DateFormat): string => {
    const standard = f.column === "month" ? "YYYY-MM, e.g. 2024-03" : "YYYY-MM-DD, e.g. 2024-02-29";
    return f.profile ? `Write ${standard}, or as profile ${f.profile.name} specifies (${f.profile.format}).` : `Write ${standard}.`;
  },
  expectedHeader: (expected: KindColumns, profile: string | null): string =>
    `The first line must hold the column names of the contract — ${expected.map((k) => `${k.kind}: ${k.columns.join(", ")}`).join("; ")}` +
    (profile ? ` — or the names that profile ${profile} maps.` : `. A municipality that uses its own column names needs a profile in schemas/profiles/.`)
};
const enSaveAs = `${en.csvUtf8} or ${en.csvSemicolon}`;

// Norwegian Excel's names of the formats (Lagre som), and the words of SSB/KOSTRA users
const nb = {
  csvUtf8: "«CSV UTF-8 (kommadelt) (*.csv)»",
  csvSemicolon: "«CSV (semikolondelt) (*.csv)»",
  workbook: "«Excel-arbeidsbok (*.xlsx)»",
  delimiter: { ",": "komma", ";": "semikolon", "\t": "tabulator" } satisfies Record<Delimiter, string>,
  validCodes: (v: ValidCodes, value: string | null = null): string => {
    const l = shortList(v, value, "nb");
    if (l.rest === 0) {
      return v.profile?.codes.length
        ? `Gyldige koder: ${v.codes.join(", ")}, eller det profilen ${v.profile.name} oversetter: ${v.profile.codes.join(", ")}.`
        : `Gyldige koder: ${v.codes.join(", ")}.`;
    }
    const which = v.profile?.codes.length
      ? `Gyldige koder: kontraktens ${v.codes.length} og de ${v.profile.codes.length} som profilen ${v.profile.name} oversetter. ${l.ranked ? "De som ligner mest på verdien" : "Blant dem"}: `
      : `Gyldige koder (${v.codes.length})${l.ranked ? ", de som ligner mest på verdien" : ""}: `;
    return `${which}${l.shown.join(", ")} … og ${l.rest} til, se kodelisten: codes.html på kas-nettstedet.`;
  },
  dateFormat: (f: DateFormat): string => {
    const standard = f.column === "month" ? "ÅÅÅÅ-MM, f.eks. 2024-03" : "ÅÅÅÅ-MM-DD, f.eks. 2024-02-29";
    return f.profile ? `Skriv ${standard}, eller slik profilen ${f.profile.name} angir (${f.profile.format}).` : `Skriv ${standard}.`;
  },
  expectedHeader: (expected: KindColumns, profile: string | null): string =>
    `Første linje skal være kolonnenavnene i kontrakten — ${expected.map((k) => `${k.kind}: ${k.columns.join(", ")}`).join("; ")}` +
    (profile ? ` — eller navnene som profilen ${profile} oversetter.` : `. Bruker kommunen egne kolonnenavn, trengs en profil i schemas/profiles/.`)
};
const nbSaveAs = `${nb.csvUtf8} eller ${nb.csvSemicolon}`;

/** A file size in kB or MB (one decimal), in the language's notation. */
const fileSize = (bytes: number, locale: string): string =>
  bytes < 1e6 ? `${Math.max(1, Math.round(bytes / 1e3))} kB` : `${(bytes / 1e6).toLocaleString(locale, { maximumFractionDigits: 1 })} MB`;

/** The column label of a header cell without a name (empty_column_name). */
export const unnamedColumn = (position: number): string => `kolumn ${position}`;

const corruptReasons: Readonly<Record<CorruptReason, Text>> = {
  xls_or_password: { sv: "den är sparad i det gamla .xls-formatet eller skyddad med lösenord", nb: "den er lagret i det gamle .xls-formatet eller beskyttet med passord", en: "it is saved in the old .xls format or protected by a password" },
  empty: { sv: "filen är tom", nb: "filen er tom", en: "the file is empty" },
  not_a_workbook: { sv: "filen är ingen arbetsbok (är det en CSV- eller textfil med fel filändelse?)", nb: "filen er ingen arbeidsbok (er det en CSV- eller tekstfil med feil filendelse?)", en: "the file is not a workbook (is it a CSV or text file with the wrong extension?)" },
  truncated: { sv: "filen är ofullständig (slutet saknas, kanske avbröts uppladdningen)", nb: "filen er ufullstendig (slutten mangler, kanskje ble opplastingen avbrutt)", en: "the file is incomplete (its end is missing; perhaps the upload was interrupted)" },
  too_large: { sv: "filen är för stor (över 4 GB)", nb: "filen er for stor (over 4 GB)", en: "the file is too large (over 4 GB)" },
  parts_missing: { sv: "filen är ofullständig (delar saknas)", nb: "filen er ufullstendig (deler mangler)", en: "the file is incomplete (parts are missing)" },
  no_contents: { sv: "arbetsbokens innehållsförteckning saknas eller är skadad", nb: "arbeidsbokens innholdsfortegnelse mangler eller er skadet", en: "the workbook's table of contents is missing or damaged" },
  damaged: { sv: "innehållet är skadat", nb: "innholdet er skadet", en: "its contents are damaged" }
};

// ---- The words of municipality_not_in_years

const countryNames: Readonly<Record<Lang, Readonly<Record<Country, string>>>> = { sv: { SE: "Sverige", NO: "Norge" }, nb: { SE: "Sverige", NO: "Norge" }, en: { SE: "Sweden", NO: "Norway" } };

/** "a", "a och b", "a, b och c" */
const listed = (items: readonly string[], and: string): string =>
  items.length <= 1 ? items.join("") : `${items.slice(0, -1).join(", ")} ${and} ${items[items.length - 1]}`;

/** Years, three or more consecutive ones as a span: [2022, 2024, 2025, 2026] → "2022 och 2024–2026". */
function yearsText(years: readonly number[], and: string): string {
  const spans: [number, number][] = [];
  for (const y of [...new Set(years)].sort((a, b) => a - b)) {
    const last = spans[spans.length - 1];
    if (last && last[1] === y - 1) last[1] = y;
    else spans.push([y, y]);
  }
  // two years in a row are two years ("2024 och 2025"), three or more a span
  return listed(spans.flatMap(([a, b]) => (a === b ? [String(a)] : b === a + 1 ? [String(a), String(b)] : [`${a}–${b}`])), and);
}

/** The years a code was valid: "2020–2023", "från och med 2024", "till och med 2019". */
function validSpan(from: number | null, to: number | null, lang: Lang): string {
  if (from !== null && to !== null) return from === to ? String(from) : `${from}–${to}`;
  if (from !== null) return { sv: `från och med ${from}`, nb: `fra og med ${from}`, en: `from ${from}` }[lang];
  if (to !== null) return { sv: `till och med ${to}`, nb: `til og med ${to}`, en: `until ${to}` }[lang];
  return { sv: "alla år", nb: "alle år", en: "every year" }[lang];
}

/** The successors of a replaced code that were in use in a year (the last step that had begun by then). */
function successorsIn(successors: readonly Successor[], year: number): Successor[] {
  const begun = successors.filter((s) => s.from <= year);
  const from = Math.max(...begun.map((s) => s.from));
  return begun.filter((s) => s.from === from);
}

/** Whether a file's rows need more than one code: some are right, or the wrong ones need different codes. */
function needsSplit(p: MunicipalityNotInYears): boolean {
  if (!p.oneCode || p.snapshot || p.reason === "unknown") return false;
  if (p.valid.length > 0) return true;
  return p.reason === "replaced" && codesByYears(p.successors, p.years, ",").length > 1;
}

/** The codes to write, by the years they are for: [["3024", [2022]], ["3201", [2024, 2025]]]. */
function codesByYears(successors: readonly Successor[], years: readonly number[], or: string): [string, number[]][] {
  const groups = new Map<string, number[]>();
  for (const y of years) {
    const now = successorsIn(successors, y);
    if (now.length === 0) continue;
    const codes = listed(now.map((s) => s.code), or);
    groups.set(codes, [...(groups.get(codes) ?? []), y]);
  }
  return [...groups];
}

const named = (c: { code: string; name: string }) => `${c.code} (${c.name})`;

/** Where a snapshot's day was read (sql/macros/snapshot_day.sql). */
const snapshotSource: Readonly<Record<Lang, Readonly<Record<NonNullable<MunicipalityNotInYears["snapshot"]>["source"], string>>>> = {
  sv: {
    file_name: "enligt datumet i filnamnet",
    rows: "enligt det senaste datumet i raderna (filnamnet har inget datum)",
    first_seen: "dagen den lästes in (varken filnamnet eller raderna har ett tidigare datum)"
  },
  nb: {
    file_name: "ifølge datoen i filnavnet",
    rows: "ifølge den seneste datoen i radene (filnavnet har ingen dato)",
    first_seen: "dagen den ble lest inn (verken filnavnet eller radene har en tidligere dato)"
  },
  en: {
    file_name: "by the date in its name",
    rows: "by its rows' latest date (its name has no date)",
    first_seen: "the day it was read (neither its name nor its rows have an earlier date)"
  }
};

const municipalityWords = {
  sv: (p: MunicipalityNotInYears): string => {
    if (p.reason === "unknown") {
      return `"${p.value}" är ingen kommunkod: varken SCB:s förteckning över Sveriges kommuner eller SSB:s över Norges har den. Skriv kommunens fyrsiffriga kod, t.ex. 0180 (Stockholm) eller 0301 (Oslo).`;
    }
    const who = `${p.value} (${p.name}, ${countryNames.sv[p.country]})`;
    const years = yearsText(p.years, "och");
    const where = p.snapshot
      ? `filen är en ögonblicksbild (insats) tagen ${p.snapshot.date}, ${snapshotSource.sv[p.snapshot.source]}`
      : `filen har rader för ${years}`;
    const later = p.snapshot && p.snapshot.source !== "file_name" ? " Togs uttaget senare, skriv dess datum i filnamnet, t.ex. insats-2024-01-15.csv." : "";
    const split = needsSplit(p)
      ? ` Filens år behöver olika koder${p.valid.length ? ` (raderna för ${yearsText(p.valid, "och")} har rätt kod)` : ""}, och en kommuns mapp tar emot en kod: dela filen per år och ladda upp varje del i mappen för det årets kod.`
      : "";
    if (p.reason === "replaced") {
      const steps = [...new Set(p.successors.map((s) => s.from))].map((y) => `${y} av ${listed(p.successors.filter((s) => s.from === y).map(named), "och")}`);
      const one = (codes: string) => (codes.includes(" eller ") ? `${codes} (den kommun raden gäller)` : codes);
      const groups = codesByYears(p.successors, p.years, "eller");
      const write = p.snapshot
        ? `Skriv ${one(groups[0][0])}, kommunens kod ${years}.`
        : `Skriv ${listed(groups.map(([codes, ys]) => `${one(codes)} på raderna för ${yearsText(ys, "och")}`), "och")}.`;
      return `Kommunkoden ${who} gällde till och med ${p.to}, men ${where}. Koden ersattes ${steps.join(" och sedan ")}. ${write}${later}${split}`;
    }
    const earlier = p.earlier.length
      ? ` Under ${years} hade kommunen koden ${listed(p.earlier.map((e) => `${e.code} (${e.name}, ${validSpan(e.from, e.to, "sv")})`), "och")}: skriv den${p.snapshot ? "" : " på de årens rader"}, eller kontrollera ${p.snapshot ? "datumet" : "radernas år"}.`
      : ` Kontrollera kommunkoden och ${p.snapshot ? "datumet" : "radernas år"}.`;
    return `Kommunkoden ${who} gäller ${validSpan(p.from, p.to, "sv")}, men ${where}.${earlier}${later}${split}`;
  },
  nb: (p: MunicipalityNotInYears): string => {
    if (p.reason === "unknown") {
      return `"${p.value}" er ikke et kommunenummer: verken SCBs liste over Sveriges kommuner eller SSBs over Norges har det. Skriv kommunens firesifrede nummer, f.eks. 0180 (Stockholm) eller 0301 (Oslo).`;
    }
    const who = `${p.value} (${p.name}, ${countryNames.nb[p.country]})`;
    const years = yearsText(p.years, "og");
    const where = p.snapshot
      ? `filen er et øyeblikksbilde (insats) tatt ${p.snapshot.date}, ${snapshotSource.nb[p.snapshot.source]}`
      : `filen har rader for ${years}`;
    const later = p.snapshot && p.snapshot.source !== "file_name" ? " Ble uttrekket tatt senere, skriv datoen i filnavnet, f.eks. insats-2024-01-15.csv." : "";
    const split = needsSplit(p)
      ? ` Filens år trenger ulike nummer${p.valid.length ? ` (radene for ${yearsText(p.valid, "og")} har riktig nummer)` : ""}, og en kommunes mappe tar imot ett nummer: del filen per år og last opp hver del i mappen for det årets nummer.`
      : "";
    if (p.reason === "replaced") {
      const steps = [...new Set(p.successors.map((s) => s.from))].map((y) => `i ${y} av ${listed(p.successors.filter((s) => s.from === y).map(named), "og")}`);
      const one = (codes: string) => (codes.includes(" eller ") ? `${codes} (den kommunen raden gjelder)` : codes);
      const groups = codesByYears(p.successors, p.years, "eller");
      const write = p.snapshot
        ? `Skriv ${one(groups[0][0])}, kommunens nummer ${years}.`
        : `Skriv ${listed(groups.map(([codes, ys]) => `${one(codes)} på radene for ${yearsText(ys, "og")}`), "og")}.`;
      return `Kommunenummeret ${who} gjaldt til og med ${p.to}, men ${where}. Nummeret ble erstattet ${steps.join(" og deretter ")}. ${write}${later}${split}`;
    }
    const earlier = p.earlier.length
      ? ` I ${years} hadde kommunen nummeret ${listed(p.earlier.map((e) => `${e.code} (${e.name}, ${validSpan(e.from, e.to, "nb")})`), "og")}: skriv det${p.snapshot ? "" : " på radene for de årene"}, eller kontroller ${p.snapshot ? "datoen" : "radenes år"}.`
      : ` Kontroller kommunenummeret og ${p.snapshot ? "datoen" : "radenes år"}.`;
    return `Kommunenummeret ${who} gjelder ${validSpan(p.from, p.to, "nb")}, men ${where}.${earlier}${later}${split}`;
  },
  en: (p: MunicipalityNotInYears): string => {
    if (p.reason === "unknown") {
      return `"${p.value}" is not a municipality code: neither SCB's list of Sweden's municipalities nor SSB's list of Norway's has it. Write the municipality's four-digit code, e.g. 0180 (Stockholm) or 0301 (Oslo).`;
    }
    const who = `${p.value} (${p.name}, ${countryNames.en[p.country]})`;
    const years = yearsText(p.years, "and");
    const where = p.snapshot
      ? `the file is a snapshot (insats) taken on ${p.snapshot.date}, ${snapshotSource.en[p.snapshot.source]}`
      : `the file has rows for ${years}`;
    const later = p.snapshot && p.snapshot.source !== "file_name" ? " If the extract was taken later, write its date in the file's name, e.g. insats-2024-01-15.csv." : "";
    const split = needsSplit(p)
      ? ` The file's years need different codes${p.valid.length ? ` (the rows for ${yearsText(p.valid, "and")} have the right one)` : ""}, and a municipality's folder takes one code: split the file by year and upload each part to the folder of that year's code.`
      : "";
    if (p.reason === "replaced") {
      const steps = [...new Set(p.successors.map((s) => s.from))].map((y) => `in ${y} by ${listed(p.successors.filter((s) => s.from === y).map(named), "and")}`);
      const one = (codes: string) => (codes.includes(" or ") ? `${codes} (whichever municipality the row concerns)` : codes);
      const groups = codesByYears(p.successors, p.years, "or");
      const write = p.snapshot
        ? `Write ${one(groups[0][0])}, the municipality's code in ${years}.`
        : `Write ${listed(groups.map(([codes, ys]) => `${one(codes)} on the rows for ${yearsText(ys, "and")}`), "and")}.`;
      return `Municipality code ${who} was valid until ${p.to}, but ${where}. It was replaced ${steps.join(" and then ")}. ${write}${later}${split}`;
    }
    const earlier = p.earlier.length
      ? ` In ${years} the municipality's code was ${listed(p.earlier.map((e) => `${e.code} (${e.name}, ${validSpan(e.from, e.to, "en")})`), "and")}: write it${p.snapshot ? "" : " on those years' rows"}, or check ${p.snapshot ? "the date" : "the rows' years"}.`
      : ` Check the municipality code and ${p.snapshot ? "the date" : "the rows' years"}.`;
    return `Municipality code ${who} is valid ${validSpan(p.from, p.to, "en")}, but ${where}.${earlier}${later}${split}`;
  }
};

// ---- The catalogue

const catalogue = {
  // -- The file
  unsupported_file_type: entry({
    severity: "FATAL",
    stage: "file",
    title: { sv: "Filtypen kan inte läsas", nb: "Filtypen kan ikke leses", en: "Unsupported file type" },
    message: {
      sv: () => "Bara CSV-filer (.csv) och Excel-arbetsböcker (.xlsx) kan läsas. Spara extraktet i något av de formaten och ladda upp det igen.",
      nb: () => "Bare CSV-filer (.csv) og Excel-arbeidsbøker (.xlsx) kan leses. Lagre uttrekket i ett av disse formatene og last opp filen på nytt.",
      en: () => "Only CSV files (.csv) and Excel workbooks (.xlsx) can be read. Save the extract in one of those formats and upload it again."
    },
    fix: { sv: "Spara uttaget som CSV (.csv) eller som Excel-arbetsbok (.xlsx).", nb: "Lagre uttrekket som CSV (.csv) eller som Excel-arbeidsbok (.xlsx).", en: "Save the extract as CSV (.csv) or as an Excel workbook (.xlsx)." }
  }),
  empty_file: entry<{ sheet: string | null }>({
    severity: "FATAL",
    stage: "file",
    title: { sv: "Filen är tom", nb: "Filen er tom", en: "The file is empty" },
    message: {
      sv: (p) =>
        p.sheet === null
          ? "Filen är tom: den saknar både rubrikrad och data. En uttagsfil ska börja med en rubrikrad med " +
            "kolumnnamnen (t.ex. municipality;month;person_id;…) följd av en rad per post. Kontrollera exporten och ladda upp filen igen."
          : `Det första arbetsbladet (”${p.sheet}”) är tomt: rubrikrad och data saknas. Lägg uttaget i ` +
            "arbetsbokens första blad, med kolumnnamnen i rad 1, och ladda upp filen igen.",
      nb: (p) =>
        p.sheet === null
          ? "Filen er tom: den mangler både overskriftsrad og data. En uttrekksfil skal begynne med en overskriftsrad med " +
            "kolonnenavnene (f.eks. municipality;month;person_id;…) fulgt av én linje per post. Kontroller eksporten og last opp filen på nytt."
          : `Det første regnearket («${p.sheet}») er tomt: overskriftsrad og data mangler. Legg uttrekket i ` +
            "arbeidsbokens første ark, med kolonnenavnene i rad 1, og last opp filen på nytt.",
      en: (p) =>
        p.sheet === null
          ? "The file is empty: it has neither a header row nor data. An extract must start with a header row of column names " +
            "(e.g. municipality;month;person_id;…) followed by one line per record. Check the export and upload the file again."
          : `The first worksheet (“${p.sheet}”) is empty: the header row and the data are missing. Put the extract in the ` +
            "workbook's first sheet, with the column names in row 1, and upload the file again."
    },
    fix: {
      sv: "Kontrollera exporten: filen ska börja med rubrikraden, följd av en rad per post.",
      nb: "Kontroller eksporten: filen skal begynne med overskriftsraden, fulgt av én linje per post.",
      en: "Check the export: the file must start with the header row, followed by one line per record."
    }
  }),
  utf16: entry<{ encoding: "UTF-16 LE" | "UTF-16 BE" }>({
    severity: "FATAL",
    stage: "file",
    title: { sv: "Filen är sparad som UTF-16 (”Unicode-text”)", nb: "Filen er lagret som UTF-16 («Unicode-tekst»)", en: "The file is saved as UTF-16 (“Unicode text”)" },
    message: {
      sv: (p) =>
        `Filen är sparad som ${p.encoding} (”Unicode-text”), som inte godkänns. Godkända teckenkodningar är UTF-8 (med eller utan BOM) ` +
        `och Windows-1252. Öppna filen i Excel och välj Spara som ${svSaveAs}, och ladda upp den nya filen.`,
      nb: (p) =>
        `Filen er lagret som ${p.encoding} («Unicode-tekst»), som ikke godkjennes. Godkjente tegnkodinger er UTF-8 (med eller uten BOM) ` +
        `og Windows-1252. Åpne filen i Excel og velg Lagre som ${nbSaveAs}, og last opp den nye filen.`,
      en: (p) =>
        `The file is saved as ${p.encoding} (“Unicode text”), which is not accepted. The accepted encodings are UTF-8 (with or without BOM) ` +
        `and Windows-1252. Open the file in Excel, choose Save As ${enSaveAs}, and upload the new file.`
    },
    fix: { sv: `Spara filen i Excel som ${svSaveAs}.`, nb: `Lagre filen i Excel som ${nbSaveAs}.`, en: `Save the file from Excel as ${enSaveAs}.` }
  }),
  binary_content: entry<{ looksLike: "xlsx" | "xls" | null; line: number }>({
    severity: "FATAL",
    stage: "file",
    title: { sv: "Filen är ingen textfil", nb: "Filen er ingen tekstfil", en: "The file is not a text file" },
    message: {
      sv: (p) =>
        p.looksLike === "xlsx"
          ? "Filen är ingen textfil utan en Excel-arbetsbok (.xlsx) som fått filändelsen .csv. Byt filändelsen till .xlsx, " +
            `eller öppna arbetsboken i Excel och spara den som ${svSaveAs}, och ladda upp den igen.`
          : p.looksLike === "xls"
          ? "Filen är en Excel-arbetsbok i det gamla .xls-formatet (eller en lösenordsskyddad arbetsbok), inte en CSV-fil. " +
            `Öppna den i Excel, ta bort ett eventuellt lösenord och spara den som ${sv.workbook} eller ` +
            `${svSaveAs}, och ladda upp den igen.`
          : `Filen innehåller nolltecken (byte 0x00), första gången på rad ${p.line}, och är därför ingen textfil i en godkänd kodning. ` +
            "Kontrollera att rätt fil har laddats upp, och ladda upp uttaget som CSV (UTF-8 eller Windows-1252) eller som Excel-arbetsbok (.xlsx).",
      nb: (p) =>
        p.looksLike === "xlsx"
          ? "Filen er ingen tekstfil, men en Excel-arbeidsbok (.xlsx) som har fått filendelsen .csv. Endre filendelsen til .xlsx, " +
            `eller åpne arbeidsboken i Excel og lagre den som ${nbSaveAs}, og last opp filen på nytt.`
          : p.looksLike === "xls"
          ? "Filen er en Excel-arbeidsbok i det gamle .xls-formatet (eller en passordbeskyttet arbeidsbok), ikke en CSV-fil. " +
            `Åpne den i Excel, fjern eventuelt passord og lagre den som ${nb.workbook} eller ` +
            `${nbSaveAs}, og last opp filen på nytt.`
          : `Filen inneholder nulltegn (byte 0x00), første gang på linje ${p.line}, og er derfor ingen tekstfil i en godkjent koding. ` +
            "Kontroller at riktig fil er lastet opp, og last opp uttrekket som CSV (UTF-8 eller Windows-1252) eller som Excel-arbeidsbok (.xlsx).",
      en: (p) =>
        p.looksLike === "xlsx"
          ? "The file is not a text file but an Excel workbook (.xlsx) that was given the extension .csv. Rename it to .xlsx, " +
            `or open the workbook in Excel and save it as ${enSaveAs}, and upload it again.`
          : p.looksLike === "xls"
          ? "The file is an Excel workbook in the old .xls format (or a password-protected workbook), not a CSV file. " +
            `Open it in Excel, remove any password and save it as ${en.workbook} or ${enSaveAs}, and upload it again.`
          : `The file contains NUL characters (byte 0x00), first on line ${p.line}, so it is not a text file in an accepted encoding. ` +
            "Check that the right file was uploaded, and upload the extract as CSV (UTF-8 or Windows-1252) or as an Excel workbook (.xlsx)."
    },
    fix: {
      sv: "Kontrollera att rätt fil laddades upp; en arbetsbok ska ha filändelsen .xlsx, en CSV-fil ska vara text.",
      nb: "Kontroller at riktig fil ble lastet opp; en arbeidsbok skal ha filendelsen .xlsx, en CSV-fil skal være tekst.",
      en: "Check that the right file was uploaded; a workbook must have the extension .xlsx, a CSV file must be text."
    }
  }),
  mixed_encoding: entry<{ bom: true; otherLine: number } | { bom: false; utf8Line: number; otherLine: number }>({
    severity: "FATAL",
    stage: "file",
    title: { sv: "Filen blandar teckenkodningar", nb: "Filen blander tegnkodinger", en: "The file mixes character encodings" },
    message: {
      sv: (p) =>
        p.bom
          ? `Filen börjar med en UTF-8-markering (BOM), men rad ${p.otherLine} innehåller tecken som inte är UTF-8 ` +
            "(troligen Windows-1252). Då blir å, ä och ö fel. Öppna filen i Excel, kontrollera att å, ä och ö ser rätt ut, " +
            `och spara hela filen på nytt som ${svSaveAs}.`
          : `Filen blandar två teckenkodningar: rad ${p.utf8Line} har tecken kodade som UTF-8, medan rad ${p.otherLine} ` +
            "har tecken i en annan kodning (troligen Windows-1252). Det händer när uttag från olika system har klistrats ihop, " +
            "och å, ä och ö blir då fel på någon av raderna. Öppna filen i Excel eller en texteditor, rätta raderna så att å, ä " +
            `och ö ser rätt ut överallt, och spara hela filen på nytt som ${svSaveAs}.`,
      nb: (p) =>
        p.bom
          ? `Filen begynner med en UTF-8-markering (BOM), men linje ${p.otherLine} inneholder tegn som ikke er UTF-8 ` +
            "(trolig Windows-1252). Da blir å, ä og ö feil. Åpne filen i Excel, kontroller at å, ä og ö ser riktige ut, " +
            `og lagre hele filen på nytt som ${nbSaveAs}.`
          : `Filen blander to tegnkodinger: linje ${p.utf8Line} har tegn kodet som UTF-8, mens linje ${p.otherLine} ` +
            "har tegn i en annen koding (trolig Windows-1252). Det skjer når uttrekk fra ulike systemer er limt sammen, " +
            "og å, ä og ö blir da feil på noen av linjene. Åpne filen i Excel eller et tekstredigeringsprogram, rett linjene slik at å, ä " +
            `og ö ser riktige ut overalt, og lagre hele filen på nytt som ${nbSaveAs}.`,
      en: (p) =>
        p.bom
          ? `The file starts with a UTF-8 marker (BOM), but line ${p.otherLine} holds characters that are not UTF-8 ` +
            "(probably Windows-1252), so å, ä and ö come out wrong. Open the file in Excel, check that å, ä and ö look right, " +
            `and save the whole file again as ${enSaveAs}.`
          : `The file mixes two character encodings: line ${p.utf8Line} has characters encoded as UTF-8, while line ${p.otherLine} ` +
            "has characters in another encoding (probably Windows-1252). This happens when extracts from different systems are pasted " +
            "together, and å, ä and ö then come out wrong on some of the lines. Open the file in Excel or a text editor, correct the lines " +
            `so that å, ä and ö look right everywhere, and save the whole file again as ${enSaveAs}.`
    },
    fix: {
      sv: "Rätta raderna så att å, ä och ö ser rätt ut överallt och spara hela filen i en enda kodning (UTF-8).",
      nb: "Rett linjene slik at å, ä og ö ser riktige ut overalt, og lagre hele filen i én koding (UTF-8).",
      en: "Correct the lines so that å, ä and ö look right everywhere and save the whole file in one encoding (UTF-8)."
    }
  }),
  undecodable_bytes: entry<{ control: boolean; line: number; byte: number }>({
    severity: "FATAL",
    stage: "file",
    title: { sv: "Filen innehåller tecken som inte kan läsas", nb: "Filen inneholder tegn som ikke kan leses", en: "The file contains unreadable characters" },
    message: {
      sv: (p) =>
        p.control
          ? `Rad ${p.line} innehåller ett otillåtet styrtecken (byte ${hex(p.byte)}). En uttagsfil får bara ` +
            "innehålla skrivbara tecken, tabb och radbrytningar. Ta bort tecknet (det kommer ofta från inklistrad text eller ett fel " +
            `i exporten) och spara filen på nytt som ${svSaveAs}.`
          : `Rad ${p.line} innehåller en byte (${hex(p.byte)}) som varken är giltig UTF-8 eller ett tecken ` +
            "i Windows-1252, så filen kan inte läsas i någon godkänd teckenkodning. Godkända kodningar är UTF-8 (med eller utan BOM) " +
            `och Windows-1252. Spara filen i Excel som ${svSaveAs}, eller exportera den på nytt från verksamhetssystemet som UTF-8.`,
      nb: (p) =>
        p.control
          ? `Linje ${p.line} inneholder et ulovlig kontrolltegn (byte ${hex(p.byte)}). En uttrekksfil kan bare ` +
            "inneholde skrivbare tegn, tabulator og linjeskift. Fjern tegnet (det kommer ofte fra innlimt tekst eller en feil " +
            `i eksporten) og lagre filen på nytt som ${nbSaveAs}.`
          : `Linje ${p.line} inneholder en byte (${hex(p.byte)}) som verken er gyldig UTF-8 eller et tegn ` +
            "i Windows-1252, så filen kan ikke leses i noen godkjent tegnkoding. Godkjente kodinger er UTF-8 (med eller uten BOM) " +
            `og Windows-1252. Lagre filen i Excel som ${nbSaveAs}, eller eksporter den på nytt fra fagsystemet som UTF-8.`,
      en: (p) =>
        p.control
          ? `Line ${p.line} contains a control character that is not allowed (byte ${hex(p.byte)}). An extract may only contain ` +
            "printable characters, tabs and line breaks. Remove the character (it often comes from pasted text or a fault in the export) " +
            `and save the file again as ${enSaveAs}.`
          : `Line ${p.line} contains a byte (${hex(p.byte)}) that is neither valid UTF-8 nor a character ` +
            "in Windows-1252, so the file cannot be read in any accepted encoding. The accepted encodings are UTF-8 (with or without BOM) " +
            `and Windows-1252. Save the file from Excel as ${enSaveAs}, or export it again from the case system as UTF-8.`
    },
    fix: {
      sv: "Ta bort tecknet, eller exportera filen på nytt som UTF-8.",
      nb: "Fjern tegnet, eller eksporter filen på nytt som UTF-8.",
      en: "Remove the character, or export the file again as UTF-8."
    }
  }),
  cr_line_endings: entry({
    severity: "FATAL",
    stage: "file",
    title: { sv: "Raderna slutar med bara vagnretur (CR)", nb: "Linjene slutter med bare vognretur (CR)", en: "The lines end with a carriage return (CR) only" },
    message: {
      sv: () =>
        "Filens rader slutar med bara vagnretur (CR), som i gamla Mac-program. Godkända radslut är LF och CRLF (Windows). " +
        `Spara filen på nytt i Excel som ${svSaveAs}, så får den rätt radslut.`,
      nb: () =>
        "Filens linjer slutter med bare vognretur (CR), som i gamle Mac-programmer. Godkjente linjeskift er LF og CRLF (Windows). " +
        `Lagre filen på nytt i Excel som ${nbSaveAs}, så får den riktige linjeskift.`,
      en: () =>
        "The file's lines end with a carriage return (CR) only, as in old Mac programs. The accepted line endings are LF and CRLF (Windows). " +
        `Save the file again from Excel as ${enSaveAs}, and it gets the right line endings.`
    },
    fix: { sv: "Spara filen på nytt från Excel som CSV.", nb: "Lagre filen på nytt fra Excel som CSV.", en: "Save the file again from Excel as CSV." }
  }),
  mixed_line_endings: entry<{ firstCrlf: boolean; line: number }>({
    severity: "FATAL",
    stage: "file",
    title: { sv: "Filen blandar radslut", nb: "Filen blander linjeskift", en: "The file mixes line endings" },
    message: {
      sv: (p) => {
        const [was, now] = p.firstCrlf ? ["CRLF (Windows)", "LF"] : ["LF", "CRLF (Windows)"];
        return (
          `Filen blandar radslut: de första raderna slutar med ${was}, men rad ${p.line} slutar med ${now}. Det händer ` +
          "när filer från olika system har klistrats ihop, och då kan raderna inte läsas säkert. Öppna filen i Excel eller en " +
          `texteditor och spara den på nytt som ${svSaveAs}, så får alla rader samma radslut.`
        );
      },
      nb: (p) => {
        const [was, now] = p.firstCrlf ? ["CRLF (Windows)", "LF"] : ["LF", "CRLF (Windows)"];
        return (
          `Filen blander linjeskift: de første linjene slutter med ${was}, men linje ${p.line} slutter med ${now}. Det skjer ` +
          "når filer fra ulike systemer er limt sammen, og da kan linjene ikke leses sikkert. Åpne filen i Excel eller et " +
          `tekstredigeringsprogram og lagre den på nytt som ${nbSaveAs}, så får alle linjer samme linjeskift.`
        );
      },
      en: (p) => {
        const [was, now] = p.firstCrlf ? ["CRLF (Windows)", "LF"] : ["LF", "CRLF (Windows)"];
        return (
          `The file mixes line endings: the first lines end with ${was}, but line ${p.line} ends with ${now}. This happens ` +
          "when files from different systems are pasted together, and the lines cannot then be read reliably. Open the file in Excel " +
          `or a text editor and save it again as ${enSaveAs}, so that every line ends the same way.`
        );
      }
    },
    fix: { sv: "Spara filen på nytt som CSV, så får alla rader samma radslut.", nb: "Lagre filen på nytt som CSV, så får alle linjer samme linjeskift.", en: "Save the file again as CSV, so that every line ends the same way." }
  }),
  stray_carriage_return: entry<{ line: number }>({
    severity: "FATAL",
    stage: "file",
    title: { sv: "En ensam vagnretur (CR) mitt i en rad", nb: "En enslig vognretur (CR) midt i en linje", en: "A lone carriage return (CR) within a line" },
    message: {
      sv: (p) =>
        `Rad ${p.line} innehåller en ensam vagnretur (CR, byte 0x0D) som inte följs av en radbrytning. Godkända radslut ` +
        "är LF och CRLF (Windows); en radbrytning inuti ett värde måste stå inom citattecken. Ta bort tecknet eller sätt värdet " +
        `inom citattecken ("…"), och spara filen på nytt som ${svSaveAs}.`,
      nb: (p) =>
        `Linje ${p.line} inneholder en enslig vognretur (CR, byte 0x0D) som ikke følges av et linjeskift. Godkjente linjeskift ` +
        "er LF og CRLF (Windows); et linjeskift inne i en verdi må stå i anførselstegn. Fjern tegnet eller sett verdien " +
        `i anførselstegn ("…"), og lagre filen på nytt som ${nbSaveAs}.`,
      en: (p) =>
        `Line ${p.line} contains a lone carriage return (CR, byte 0x0D) that is not followed by a line feed. The accepted line endings ` +
        "are LF and CRLF (Windows); a line break inside a value must be within quotes. Remove the character or put the value " +
        `in quotes ("…"), and save the file again as ${enSaveAs}.`
    },
    fix: { sv: "Ta bort tecknet, eller sätt värdet inom citattecken.", nb: "Fjern tegnet, eller sett verdien i anførselstegn.", en: "Remove the character, or put the value in quotes." }
  }),
  line_too_long: entry<{ seen: "inspection"; line: number; limit: number } | { seen: "reader" }>({
    severity: "FATAL",
    stage: "file",
    title: { sv: "En rad är för lång", nb: "En linje er for lang", en: "A line is too long" },
    message: {
      sv: (p) =>
        p.seen === "reader"
          ? "Raden är för lång för att vara en extraktrad. Är filen verkligen en CSV-export?"
          : `Rad ${p.line} är längre än ${p.limit / 1048576} MiB (${p.limit.toLocaleString("sv-SE")} byte) och kan inte vara en post i ett ` +
            "uttag. Oftast saknas radbrytningarna: filen har exporterats som en enda rad eller med ett radslut som inte godkänns. " +
            "Godkända radslut är LF och CRLF (Windows). Exportera filen på nytt som CSV med en post per rad.",
      nb: (p) =>
        p.seen === "reader"
          ? "Linjen er for lang til å være en uttrekkslinje. Er filen virkelig en CSV-eksport?"
          : `Linje ${p.line} er lengre enn ${p.limit / 1048576} MiB (${p.limit.toLocaleString("nb-NO")} byte) og kan ikke være en post i et ` +
            "uttrekk. Som oftest mangler linjeskiftene: filen er eksportert som én eneste linje eller med et linjeskift som ikke godkjennes. " +
            "Godkjente linjeskift er LF og CRLF (Windows). Eksporter filen på nytt som CSV med én post per linje.",
      en: (p) =>
        p.seen === "reader"
          ? "The line is too long to be a line of an extract. Is the file really a CSV export?"
          : `Line ${p.line} is longer than ${p.limit / 1048576} MiB (${p.limit.toLocaleString("en-GB")} bytes) and cannot be a record of an ` +
            "extract. Usually the line breaks are missing: the file was exported as one single line or with line endings that are not accepted. " +
            "The accepted line endings are LF and CRLF (Windows). Export the file again as CSV with one record per line."
    },
    fix: { sv: "Exportera filen på nytt som CSV med en post per rad.", nb: "Eksporter filen på nytt som CSV med én post per linje.", en: "Export the file again as CSV with one record per line." }
  }),
  corrupt_xlsx: entry<{ reason: CorruptReason }>({
    severity: "FATAL",
    stage: "file",
    title: { sv: "Arbetsboken kan inte läsas", nb: "Arbeidsboken kan ikke leses", en: "The workbook cannot be read" },
    message: {
      sv: (p) =>
        `Filen kan inte läsas som en Excel-arbetsbok (.xlsx): ${corruptReasons[p.reason].sv}. ` +
        (p.reason === "xls_or_password"
          ? `Öppna den i Excel, ta bort ett eventuellt lösenord och spara den som ${sv.workbook}`
          : `Öppna den i Excel och spara den på nytt som ${sv.workbook}`) +
        `, eller spara uttaget som ${sv.csvUtf8}, och ladda upp det igen.`,
      nb: (p) =>
        `Filen kan ikke leses som en Excel-arbeidsbok (.xlsx): ${corruptReasons[p.reason].nb}. ` +
        (p.reason === "xls_or_password"
          ? `Åpne den i Excel, fjern eventuelt passord og lagre den som ${nb.workbook}`
          : `Åpne den i Excel og lagre den på nytt som ${nb.workbook}`) +
        `, eller lagre uttrekket som ${nb.csvUtf8}, og last opp filen på nytt.`,
      en: (p) =>
        `The file cannot be read as an Excel workbook (.xlsx): ${corruptReasons[p.reason].en}. ` +
        (p.reason === "xls_or_password"
          ? `Open it in Excel, remove any password and save it as ${en.workbook}`
          : `Open it in Excel and save it again as ${en.workbook}`) +
        `, or save the extract as ${en.csvUtf8}, and upload it again.`
    },
    fix: {
      sv: "Öppna filen i Excel och spara den på nytt som Excel-arbetsbok (.xlsx), utan lösenord, eller som CSV.",
      nb: "Åpne filen i Excel og lagre den på nytt som Excel-arbeidsbok (.xlsx), uten passord, eller som CSV.",
      en: "Open the file in Excel and save it again as an Excel workbook (.xlsx), without a password, or as CSV."
    }
  }),
  no_worksheet: entry({
    severity: "FATAL",
    stage: "file",
    title: { sv: "Arbetsboken har inget arbetsblad att läsa", nb: "Arbeidsboken har ikke noe regneark å lese", en: "The workbook has no worksheet to read" },
    message: {
      sv: () =>
        "Arbetsboken har inget arbetsblad som kan läsas (det första bladet saknas eller är ett diagramblad). Lägg uttaget i " +
        "arbetsbokens första blad, med kolumnnamnen i rad 1, spara och ladda upp filen igen.",
      nb: () =>
        "Arbeidsboken har ikke noe regneark som kan leses (det første arket mangler eller er et diagramark). Legg uttrekket i " +
        "arbeidsbokens første ark, med kolonnenavnene i rad 1, lagre og last opp filen på nytt.",
      en: () =>
        "The workbook has no worksheet that can be read (the first sheet is missing or is a chart sheet). Put the extract in the " +
        "workbook's first sheet, with the column names in row 1, save and upload the file again."
    },
    fix: { sv: "Lägg uttaget i arbetsbokens första blad, med kolumnnamnen i rad 1.", nb: "Legg uttrekket i arbeidsbokens første ark, med kolonnenavnene i rad 1.", en: "Put the extract in the workbook's first sheet, with the column names in row 1." }
  }),
  cells_outside_header: entry<{ cells: number; firstRow: number | null }>({
    severity: "WARNING",
    stage: "file",
    title: { sv: "Celler utanför kolumnerna med rubrik", nb: "Celler utenfor kolonnene med overskrift", en: "Cells outside the named columns" },
    message: {
      sv: (p) =>
        `${p.cells} celler ligger till höger om sista kolumnen med rubrik (första på rad ${p.firstRow}) och läses inte. Ge kolumnen en rubrik eller ta bort cellerna.`,
      nb: (p) =>
        `${p.cells} celler ligger til høyre for siste kolonne med overskrift (første i rad ${p.firstRow}) og leses ikke. Gi kolonnen en overskrift eller fjern cellene.`,
      en: (p) =>
        `${p.cells} cells lie to the right of the last column with a heading (the first on row ${p.firstRow}) and are not read. Give the column a heading or remove the cells.`
    },
    fix: { sv: "Ge kolumnen en rubrik, eller ta bort cellerna.", nb: "Gi kolonnen en overskrift, eller fjern cellene.", en: "Give the column a heading, or remove the cells." }
  }),

  oversized_xlsx: entry<{ reason: "ratio"; bytes: number; ratio: number } | { reason: "cell"; row: number | null; limit: number }>({
    severity: "FATAL",
    stage: "file",
    title: { sv: "Arbetsboken packas upp till orimligt mycket", nb: "Arbeidsboken pakkes ut til urimelig mye", en: "The workbook unpacks to an unreasonable size" },
    message: {
      sv: (p) =>
        (p.reason === "ratio"
          ? `Arbetsboken är ${fileSize(p.bytes, "sv-SE")} men packas upp till mer än ${p.ratio} gånger så mycket. Så mycket packar inget uttag ihop sig`
          : `En cell${p.row === null ? "" : ` på rad ${p.row}`} innehåller mer än ${p.limit / 1048576} MiB text, men en cell i Excel rymmer högst 32 767 tecken`) +
        `: filen är skadad eller inte sparad av Excel, och läses inte. Öppna den i Excel och spara den på nytt som ${sv.workbook}, ` +
        `eller spara uttaget som ${sv.csvUtf8}, och ladda upp det igen.`,
      nb: (p) =>
        (p.reason === "ratio"
          ? `Arbeidsboken er ${fileSize(p.bytes, "nb-NO")}, men pakkes ut til mer enn ${p.ratio} ganger så mye. Så mye pakker ikke noe uttrekk seg sammen`
          : `En celle${p.row === null ? "" : ` i rad ${p.row}`} inneholder mer enn ${p.limit / 1048576} MiB tekst, men en celle i Excel rommer høyst 32 767 tegn`) +
        `: filen er skadet eller ikke lagret av Excel, og leses ikke. Åpne den i Excel og lagre den på nytt som ${nb.workbook}, ` +
        `eller lagre uttrekket som ${nb.csvUtf8}, og last opp filen på nytt.`,
      en: (p) =>
        (p.reason === "ratio"
          ? `The workbook is ${fileSize(p.bytes, "en-GB")} but unpacks to more than ${p.ratio} times that. No extract packs that tightly`
          : `A cell${p.row === null ? "" : ` on row ${p.row}`} holds more than ${p.limit / 1048576} MiB of text, but a cell in Excel holds at most 32,767 characters`) +
        `: the file is damaged or was not saved by Excel, and is not read. Open it in Excel and save it again as ${en.workbook}, ` +
        `or save the extract as ${en.csvUtf8}, and upload it again.`
    },
    fix: {
      sv: "Öppna arbetsboken i Excel och spara den på nytt som Excel-arbetsbok (.xlsx), eller spara uttaget som CSV.",
      nb: "Åpne arbeidsboken i Excel og lagre den på nytt som Excel-arbeidsbok (.xlsx), eller lagre uttrekket som CSV.",
      en: "Open the workbook in Excel and save it again as an Excel workbook (.xlsx), or save the extract as CSV."
    }
  }),

  wrong_folder: entry<{ kind: string; folder: string; belongs: "network" | "municipality" }>({
    severity: "FATAL",
    stage: "file",
    title: { sv: "Filen ligger i fel mapp", nb: "Filen ligger i feil mappe", en: "The file is in the wrong folder" },
    message: {
      sv: (p) =>
        p.belongs === "network"
          ? `Filen är en ${p.kind}-fil (befolkning), men den kom från kommunmappen ${p.folder}. Befolkningsuppgifter gäller hela nätverket och läses bara från mappen network/, så hela filen avvisas. Ladda upp filen i mappen network/ i inkorgen.`
          : `Filen är ${p.kind === "commentary" ? "en kommentar (.md)" : `en ${p.kind}-fil`}, men den kom från mappen ${p.folder}/, som bara tar emot nätverkets referensdata (befolkning, population). En kommuns uttag och kommentar läses bara från kommunens egen mapp (den fyrsiffriga kommunkoden, t.ex. 0181/), så hela filen avvisas. Ladda upp filen i kommunens mapp.`,
      nb: (p) =>
        p.belongs === "network"
          ? `Filen er en ${p.kind}-fil (befolkning), men den kom fra kommunemappen ${p.folder}. Befolkningstall gjelder hele nettverket og leses bare fra mappen network/, så hele filen avvises. Last opp filen i mappen network/ i innboksen.`
          : `Filen er ${p.kind === "commentary" ? "en kommentar (.md)" : `en ${p.kind}-fil`}, men den kom fra mappen ${p.folder}/, som bare tar imot nettverkets referansedata (befolkning, population). En kommunes uttrekk og kommentar leses bare fra kommunens egen mappe (det firesifrede kommunenummeret, f.eks. 0181/), så hele filen avvises. Last opp filen i kommunens mappe.`,
      en: (p) =>
        p.belongs === "network"
          ? `The file is a ${p.kind} file (population), but it came from the municipality folder ${p.folder}. Population figures concern the whole network and are read only from the folder network/, so the whole file is rejected. Upload the file to the folder network/ of the inbox.`
          : `The file is ${p.kind === "commentary" ? "a commentary (.md)" : `a ${p.kind} file`}, but it came from the folder ${p.folder}/, which only takes the network's reference data (population). A municipality's extracts and commentary are read only from its own folder (the four-digit municipality code, e.g. 0181/), so the whole file is rejected. Upload the file to the municipality's folder.`
    },
    fix: {
      sv: "Ladda upp befolkningsfiler i mappen network/ och allt annat i kommunens egen mapp.",
      nb: "Last opp befolkningsfiler i mappen network/ og alt annet i kommunens egen mappe.",
      en: "Upload population files to the folder network/ and everything else to the municipality's own folder."
    }
  }),

  // -- The header row
  no_header: entry<{ found: "blank_line" } | { found: "blank_sheet_row" } | { found: "data_row"; expected: KindColumns; profile: string | null }>({
    severity: "FATAL",
    stage: "header",
    title: { sv: "Rubrikraden saknas", nb: "Overskriftsraden mangler", en: "The header row is missing" },
    message: {
      sv: (p) =>
        p.found === "blank_line"
          ? "Filens första rad är tom, så rubrikraden saknas. Filen ska börja med en rubrikrad med kolumnnamnen " +
            "(t.ex. municipality;month;person_id;…) och sedan en rad per post. Ta bort tomma rader i början av filen och ladda upp den igen."
          : p.found === "blank_sheet_row"
          ? "Rad 1 i arbetsbokens första blad är tom, så rubrikraden saknas. Skriv kolumnnamnen (t.ex. municipality, month, " +
            "person_id …) i rad 1, direkt ovanför data, och ladda upp filen igen."
          : "Första raden ser ut att vara en datarad (den innehåller t.ex. en kommunkod, en månad eller ett identitetsnummer), inte en rubrikrad, " +
            `och visas därför inte. Lägg till rubrikraden först i filen. ${sv.expectedHeader(p.expected, p.profile)}`,
      nb: (p) =>
        p.found === "blank_line"
          ? "Filens første linje er tom, så overskriftsraden mangler. Filen skal begynne med en overskriftsrad med kolonnenavnene " +
            "(f.eks. municipality;month;person_id;…) og deretter én linje per post. Fjern tomme linjer i begynnelsen av filen og last opp filen på nytt."
          : p.found === "blank_sheet_row"
          ? "Rad 1 i arbeidsbokens første ark er tom, så overskriftsraden mangler. Skriv kolonnenavnene (f.eks. municipality, month, " +
            "person_id …) i rad 1, rett over dataene, og last opp filen på nytt."
          : "Første linje ser ut til å være en datarad (den inneholder f.eks. et kommunenummer, en måned eller et identitetsnummer), ikke en overskriftsrad, " +
            `og vises derfor ikke. Legg til overskriftsraden først i filen. ${nb.expectedHeader(p.expected, p.profile)}`,
      en: (p) =>
        p.found === "blank_line"
          ? "The file's first line is empty, so the header row is missing. The file must start with a header row of column names " +
            "(e.g. municipality;month;person_id;…) and then one line per record. Remove the empty lines at the start of the file and upload it again."
          : p.found === "blank_sheet_row"
          ? "Row 1 of the workbook's first sheet is empty, so the header row is missing. Write the column names (e.g. municipality, month, " +
            "person_id …) in row 1, directly above the data, and upload the file again."
          : "The first line looks like a line of data (it holds e.g. a municipality code, a month or an identity number), not a header row, " +
            `so it is not shown. Add the header row at the top of the file. ${en.expectedHeader(p.expected, p.profile)}`
    },
    fix: {
      sv: "Lägg rubrikraden med kontraktets kolumnnamn först i filen (rad 1).",
      nb: "Legg overskriftsraden med kontraktens kolonnenavn først i filen (linje 1).",
      en: "Put the header row with the contract's column names first in the file (row 1)."
    }
  }),
  no_delimiter: entry<{ header: string; unclosedQuote: boolean; others: readonly string[] }>({
    severity: "FATAL",
    stage: "header",
    title: { sv: "Ingen godkänd avgränsare i rubrikraden", nb: "Ingen godkjent skilletegn i overskriftsraden", en: "No accepted delimiter in the header row" },
    message: {
      sv: (p) => {
        const seen = p.unclosedQuote
          ? "Ett citattecken (\") i rubrikraden stängs aldrig, så hela raden läses som ett enda värde."
          : p.others.length > 0
          ? `I stället för en godkänd avgränsare innehåller raden ${p.others.map((c) => `”${c}”`).join(", ")}.`
          : "Raden innehåller ingen avgränsare alls.";
        return (
          `Rubrikraden har bara en kolumn: ”${p.header}”. ${seen} Godkända avgränsare mellan kolumnerna är komma (,), ` +
          `semikolon (;) och tabb. Spara filen i Excel som ${sv.csvSemicolon} eller ${sv.csvUtf8}, eller exportera den på nytt med en av de godkända avgränsarna.`
        );
      },
      nb: (p) => {
        const seen = p.unclosedQuote
          ? "Et anførselstegn (\") i overskriftsraden lukkes aldri, så hele linjen leses som én eneste verdi."
          : p.others.length > 0
          ? `I stedet for et godkjent skilletegn inneholder linjen ${p.others.map((c) => `«${c}»`).join(", ")}.`
          : "Linjen inneholder ikke noe skilletegn i det hele tatt.";
        return (
          `Overskriftsraden har bare én kolonne: «${p.header}». ${seen} Godkjente skilletegn mellom kolonnene er komma (,), ` +
          `semikolon (;) og tabulator. Lagre filen i Excel som ${nb.csvSemicolon} eller ${nb.csvUtf8}, eller eksporter den på nytt med et av de godkjente skilletegnene.`
        );
      },
      en: (p) => {
        const seen = p.unclosedQuote
          ? "A quote (\") in the header row is never closed, so the whole line is read as one value."
          : p.others.length > 0
          ? `Instead of an accepted delimiter the line contains ${p.others.map((c) => `“${c}”`).join(", ")}.`
          : "The line contains no delimiter at all.";
        return (
          `The header row has only one column: “${p.header}”. ${seen} The accepted delimiters between columns are comma (,), ` +
          `semicolon (;) and tab. Save the file from Excel as ${en.csvSemicolon} or ${en.csvUtf8}, or export it again with one of the accepted delimiters.`
        );
      }
    },
    fix: {
      sv: "Skilj kolumnerna åt med komma, semikolon eller tabb, t.ex. genom att spara filen som CSV från Excel.",
      nb: "Skill kolonnene med komma, semikolon eller tabulator, f.eks. ved å lagre filen som CSV fra Excel.",
      en: "Separate the columns with commas, semicolons or tabs, e.g. by saving the file as CSV from Excel."
    }
  }),
  too_many_columns: entry<{ columns: number; limit: number }>({
    severity: "FATAL",
    stage: "header",
    title: { sv: "Rubrikraden har för många kolumner", nb: "Overskriftsraden har for mange kolonner", en: "The header row has too many columns" },
    message: {
      sv: (p) =>
        `Rubrikraden har ${p.columns.toLocaleString("sv-SE")} kolumner, men ett uttag får ha högst ${p.limit.toLocaleString("sv-SE")}; kontraktets extrakttyper har ett tiotal. ` +
        "Så många kolumner kommer oftast av att fel tabell eller vy har exporterats, eller av att data har hamnat i rubrikraden. Filen läses inte. " +
        "Exportera uttaget på nytt med kontraktets kolumner och ladda upp det igen.",
      nb: (p) =>
        `Overskriftsraden har ${p.columns.toLocaleString("nb-NO")} kolonner, men et uttrekk kan ha høyst ${p.limit.toLocaleString("nb-NO")}; kontraktens uttrekkstyper har rundt ti. ` +
        "Så mange kolonner kommer som oftest av at feil tabell eller visning er eksportert, eller av at data har havnet i overskriftsraden. Filen leses ikke. " +
        "Eksporter uttrekket på nytt med kontraktens kolonner og last opp filen på nytt.",
      en: (p) =>
        `The header row has ${p.columns.toLocaleString("en-GB")} columns, but an extract may have at most ${p.limit.toLocaleString("en-GB")}; the contract's extract kinds have about ten. ` +
        "So many columns usually come from exporting the wrong table or view, or from data that ended up in the header row. The file is not read. " +
        "Export the extract again with the contract's columns and upload it again."
    },
    fix: { sv: "Exportera uttaget på nytt med kontraktets kolumner.", nb: "Eksporter uttrekket på nytt med kontraktens kolonner.", en: "Export the extract again with the contract's columns." }
  }),
  unknown_kind: entry<{ header: readonly string[]; expected: KindColumns; profile: string | null }>({
    severity: "FATAL",
    stage: "header",
    title: { sv: "Rubrikraden liknar ingen extrakttyp", nb: "Overskriftsraden ligner ingen uttrekkstype", en: "The header row matches no extract kind" },
    message: {
      sv: (p) => `Rubrikraden (${p.header.join(", ")}) liknar ingen av extrakttyperna. ${sv.expectedHeader(p.expected, p.profile)}`,
      nb: (p) => `Overskriftsraden (${p.header.join(", ")}) ligner ingen av uttrekkstypene. ${nb.expectedHeader(p.expected, p.profile)}`,
      en: (p) => `The header row (${p.header.join(", ")}) matches none of the extract kinds. ${en.expectedHeader(p.expected, p.profile)}`
    },
    fix: {
      sv: "Använd kontraktets kolumnnamn, eller beskriv kommunens egna namn i en profil.",
      nb: "Bruk kontraktens kolonnenavn, eller beskriv kommunens egne navn i en profil.",
      en: "Use the contract's column names, or describe the municipality's own names in a profile."
    }
  }),
  profile_fits: entry<{ profile: string; matched: number; columns: number; file: string; folder: string | null }>({
    severity: "INFO",
    stage: "header",
    title: { sv: "Kolumnerna liknar en profil", nb: "Kolonnene ligner en profil", en: "The columns fit a profile" },
    message: {
      sv: (p) =>
        `Kolumnerna liknar profilen ${p.profile} (${p.matched} av ${p.columns} kolumner): prova --profile ${p.profile}. ` +
        `kas run läser en kommuns filer med profilen när kommunkoden${p.folder ? ` (${p.folder})` : ""} står under municipalities i ${p.file}.`,
      nb: (p) =>
        `Kolonnene ligner profilen ${p.profile} (${p.matched} av ${p.columns} kolonner): prøv --profile ${p.profile}. ` +
        `kas run leser en kommunes filer med profilen når kommunenummeret${p.folder ? ` (${p.folder})` : ""} står under municipalities i ${p.file}.`,
      en: (p) =>
        `The columns fit profile ${p.profile} (${p.matched} of ${p.columns} columns): try --profile ${p.profile}. ` +
        `kas run reads a municipality's files with the profile when its code${p.folder ? ` (${p.folder})` : ""} is listed under municipalities in ${p.file}.`
    },
    fix: {
      sv: "Kontrollera filen med kas validate --profile och profilens namn; lägg till kommunkoden i profilen för kas run.",
      nb: "Kontroller filen med kas validate --profile og profilens navn; legg til kommunenummeret i profilen for kas run.",
      en: "Check the file with kas validate --profile and the profile's name; add the municipality code to the profile for kas run."
    }
  }),
  missing_column: entry<{ column: string; kind: string; profile: string | null }>({
    severity: "FATAL",
    stage: "header",
    title: { sv: "En obligatorisk kolumn saknas", nb: "En obligatorisk kolonne mangler", en: "A required column is missing" },
    message: {
      sv: (p) =>
        `Kolumnen ${p.column} saknas, men den krävs i en ${p.kind}-fil. Lägg till den i exporten` +
        (p.profile ? `, eller mappa kommunens kolumnnamn till ${p.column} i profilen ${p.profile}.` : ` med exakt det namnet (eller beskriv kommunens namn i en profil).`),
      nb: (p) =>
        `Kolonnen ${p.column} mangler, men den kreves i en ${p.kind}-fil. Legg den til i eksporten` +
        (p.profile ? `, eller koble kommunens kolonnenavn til ${p.column} i profilen ${p.profile}.` : ` med nøyaktig det navnet (eller beskriv kommunens navn i en profil).`),
      en: (p) =>
        `The column ${p.column} is missing, but a ${p.kind} file requires it. Add it to the export` +
        (p.profile ? `, or map the municipality's column name to ${p.column} in profile ${p.profile}.` : ` with exactly that name (or describe the municipality's name in a profile).`)
    },
    fix: {
      sv: "Lägg till kolumnen i exporten, eller översätt kommunens kolumnnamn i profilen.",
      nb: "Legg til kolonnen i eksporten, eller oversett kommunens kolonnenavn i profilen.",
      en: "Add the column to the export, or map the municipality's column name in the profile."
    }
  }),
  duplicate_column: entry<{ first: string; second: string; column: string }>({
    severity: "FATAL",
    stage: "header",
    title: { sv: "Samma kolumn finns två gånger", nb: "Samme kolonne finnes to ganger", en: "The same column appears twice" },
    message: {
      sv: (p) => `Kolumnerna "${p.first}" och "${p.second}" betyder båda ${p.column}. Varje kontraktskolumn får bara finnas en gång; ta bort den ena.`,
      nb: (p) => `Kolonnene "${p.first}" og "${p.second}" betyr begge ${p.column}. Hver kontraktskolonne kan bare finnes én gang; fjern den ene.`,
      en: (p) => `The columns "${p.first}" and "${p.second}" both mean ${p.column}. Each contract column may appear only once; remove one of them.`
    },
    fix: { sv: "Ta bort den ena av kolumnerna.", nb: "Fjern den ene av kolonnene.", en: "Remove one of the columns." }
  }),
  extra_column: entry<{ column: string; kind: string }>({
    severity: "WARNING",
    stage: "header",
    title: { sv: "En kolumn ingår inte i kontraktet", nb: "En kolonne er ikke med i kontrakten", en: "A column is not part of the contract" },
    message: {
      sv: (p) =>
        `Kolumnen "${p.column}" ingår inte i en ${p.kind}-fil och läses inte in. Ta bort den ur exporten, eller lägg till namnet i kommunens profil om den är en kontraktskolumn med annat namn.`,
      nb: (p) =>
        `Kolonnen "${p.column}" er ikke med i en ${p.kind}-fil og lastes ikke inn. Fjern den fra eksporten, eller legg til navnet i kommunens profil hvis det er en kontraktskolonne med et annet navn.`,
      en: (p) =>
        `The column "${p.column}" is not part of a ${p.kind} file and is not loaded. Remove it from the export, or add the name to the municipality's profile if it is a contract column under another name.`
    },
    fix: {
      sv: "Ta bort kolumnen ur exporten, eller översätt namnet i profilen om det är en kontraktskolumn.",
      nb: "Fjern kolonnen fra eksporten, eller oversett navnet i profilen hvis det er en kontraktskolonne.",
      en: "Remove the column from the export, or map its name in the profile if it is a contract column."
    }
  }),
  empty_column_name: entry<{ position: number; last: boolean }>({
    severity: "WARNING",
    stage: "header",
    title: { sv: "En kolumn saknar namn", nb: "En kolonne mangler navn", en: "A column has no name" },
    message: {
      sv: (p) =>
        `Kolumn ${p.position} i rubrikraden saknar namn och läses inte in.` +
        (p.last
          ? " Rubrikraden slutar troligen med en extra avgränsare (till exempel ett semikolon sist på raden, som Excel ibland skriver); ta gärna bort den i exporten."
          : " Ge kolumnen ett namn i rubrikraden om den ska läsas, annars kan den tas bort ur exporten."),
      nb: (p) =>
        `Kolonne ${p.position} i overskriftsraden mangler navn og lastes ikke inn.` +
        (p.last
          ? " Overskriftsraden slutter trolig med et ekstra skilletegn (for eksempel et semikolon sist på linjen, som Excel noen ganger skriver); fjern det gjerne i eksporten."
          : " Gi kolonnen et navn i overskriftsraden hvis den skal leses, ellers kan den fjernes fra eksporten."),
      en: (p) =>
        `Column ${p.position} of the header row has no name and is not loaded.` +
        (p.last
          ? " The header row probably ends with an extra delimiter (for example a semicolon at the end of the line, as Excel sometimes writes); consider removing it in the export."
          : " Give the column a name in the header row if it is to be read; otherwise it can be removed from the export.")
    },
    fix: {
      sv: "Ge kolumnen ett namn, eller ta bort den (ofta en extra avgränsare sist på raden).",
      nb: "Gi kolonnen et navn, eller fjern den (ofte et ekstra skilletegn sist på linjen).",
      en: "Give the column a name, or remove it (often an extra delimiter at the end of the line)."
    }
  }),

  // -- The structure of the rows
  too_few_fields: entry<{ fields: number | null; header: number; delimiter: Delimiter }>({
    severity: "ERROR",
    stage: "structure",
    title: { sv: "Raden har för få fält", nb: "Linjen har for få felt", en: "The line has too few fields" },
    message: {
      sv: (p) =>
        `Raden har ${p.fields ?? "färre"} fält men rubriken har ${p.header}. Kontrollera avgränsaren (${sv.delimiter[p.delimiter]}) och att inga fält saknas eller har radbrytningar utan citattecken.`,
      nb: (p) =>
        `Linjen har ${p.fields ?? "færre"} felt, men overskriften har ${p.header}. Kontroller skilletegnet (${nb.delimiter[p.delimiter]}) og at ingen felt mangler eller har linjeskift uten anførselstegn.`,
      en: (p) =>
        `The line has ${p.fields ?? "fewer"} fields but the header has ${p.header}. Check the delimiter (${en.delimiter[p.delimiter]}) and that no field is missing or holds a line break without quotes.`
    },
    fix: {
      sv: "Kontrollera avgränsarna på raden, och sätt värden med radbrytningar inom citattecken.",
      nb: "Kontroller skilletegnene på linjen, og sett verdier med linjeskift i anførselstegn.",
      en: "Check the delimiters on the line, and put values with line breaks in quotes."
    }
  }),
  too_many_fields: entry<{ fields: number | null; header: number; delimiter: Delimiter }>({
    severity: "ERROR",
    stage: "structure",
    title: { sv: "Raden har för många fält", nb: "Linjen har for mange felt", en: "The line has too many fields" },
    message: {
      sv: (p) =>
        `Raden har ${p.fields ?? "fler"} fält men rubriken har ${p.header}. Ett värde innehåller troligen avgränsaren (${sv.delimiter[p.delimiter]}) utan att stå inom citattecken ("…").`,
      nb: (p) =>
        `Linjen har ${p.fields ?? "flere"} felt, men overskriften har ${p.header}. En verdi inneholder trolig skilletegnet (${nb.delimiter[p.delimiter]}) uten å stå i anførselstegn ("…").`,
      en: (p) =>
        `The line has ${p.fields ?? "more"} fields but the header has ${p.header}. A value probably contains the delimiter (${en.delimiter[p.delimiter]}) without being in quotes ("…").`
    },
    fix: { sv: "Sätt värden som innehåller avgränsaren inom citattecken.", nb: "Sett verdier som inneholder skilletegnet, i anførselstegn.", en: "Put values that contain the delimiter in quotes." }
  }),
  unterminated_quote: entry({
    severity: "ERROR",
    stage: "structure",
    title: { sv: "Ett citattecken stängs aldrig", nb: "Et anførselstegn lukkes aldri", en: "A quote is never closed" },
    message: {
      sv: () =>
        `Ett citattecken (") öppnas men stängs aldrig, så resten av filen kan inte läsas. Stäng citatet eller ta bort det; ett citattecken inuti ett värde skrivs "".`,
      nb: () =>
        `Et anførselstegn (") åpnes, men lukkes aldri, så resten av filen kan ikke leses. Lukk sitatet eller fjern det; et anførselstegn inne i en verdi skrives "".`,
      en: () =>
        `A quote (") is opened but never closed, so the rest of the file cannot be read. Close the quote or remove it; a quote inside a value is written "".`
    },
    fix: { sv: `Stäng citatet eller ta bort det; ett citattecken inuti ett värde skrivs "".`, nb: `Lukk sitatet eller fjern det; et anførselstegn inne i en verdi skrives "".`, en: `Close the quote or remove it; a quote inside a value is written "".` }
  }),
  invalid_unicode: entry({
    severity: "FATAL",
    stage: "structure",
    title: { sv: "Raden är inte giltig UTF-8", nb: "Linjen er ikke gyldig UTF-8", en: "The line is not valid UTF-8" },
    message: {
      sv: () => "Raden innehåller tecken som inte är giltig UTF-8. Spara filen som CSV UTF-8.",
      nb: () => "Linjen inneholder tegn som ikke er gyldig UTF-8. Lagre filen som CSV UTF-8.",
      en: () => "The line contains characters that are not valid UTF-8. Save the file as CSV UTF-8."
    },
    fix: { sv: "Spara filen som CSV UTF-8.", nb: "Lagre filen som CSV UTF-8.", en: "Save the file as CSV UTF-8." }
  }),
  csv_error: entry<{ cause: "unread_records"; line: number | null } | { cause: "reader"; error: string }>({
    severity: "ERROR",
    stage: "structure",
    title: { sv: "Filen kan inte läsas som CSV", nb: "Filen kan ikke leses som CSV", en: "The file cannot be read as CSV" },
    message: {
      sv: (p) =>
        p.cause === "reader"
          ? `CSV-filen kan inte läsas här (${p.error.toLowerCase()}). Spara om filen från Excel eller verksamhetssystemet som CSV.`
          : `Filen kan bara läsas${p.line ? ` fram till rad ${p.line}` : " delvis"}; raderna därefter kan inte läsas som CSV. Kontrollera citattecknen (") och avgränsarna${p.line ? ` på och efter rad ${p.line}` : ""} och spara om filen från Excel eller verksamhetssystemet som CSV.`,
      nb: (p) =>
        p.cause === "reader"
          ? `CSV-filen kan ikke leses her (${p.error.toLowerCase()}). Lagre filen på nytt fra Excel eller fagsystemet som CSV.`
          : `Filen kan bare leses${p.line ? ` frem til linje ${p.line}` : " delvis"}; linjene deretter kan ikke leses som CSV. Kontroller anførselstegnene (") og skilletegnene${p.line ? ` på og etter linje ${p.line}` : ""} og lagre filen på nytt fra Excel eller fagsystemet som CSV.`,
      en: (p) =>
        p.cause === "reader"
          ? `The CSV file cannot be read here (${p.error.toLowerCase()}). Save the file again as CSV from Excel or the case system.`
          : `The file can only be read${p.line ? ` up to line ${p.line}` : " in part"}; the lines after that cannot be read as CSV. Check the quotes (") and delimiters${p.line ? ` on and after line ${p.line}` : ""} and save the file again as CSV from Excel or the case system.`
    },
    fix: {
      sv: "Kontrollera citattecken och avgränsare, och spara om filen som CSV från Excel eller verksamhetssystemet.",
      nb: "Kontroller anførselstegn og skilletegn, og lagre filen på nytt som CSV fra Excel eller fagsystemet.",
      en: "Check quotes and delimiters, and save the file again as CSV from Excel or the case system."
    }
  }),
  checks_skipped: entry({
    severity: "INFO",
    stage: "structure",
    title: { sv: "Radkontrollerna väntar", nb: "Radkontrollene venter", en: "The row checks are waiting" },
    message: {
      sv: () => "Radkontrollerna väntar tills filens struktur är rättad (fel antal fält eller citattecken ovan).",
      nb: () => "Radkontrollene venter til filens struktur er rettet (feil antall felt eller anførselstegn ovenfor).",
      en: () => "The row checks wait until the file's structure is corrected (the wrong number of fields or the quotes above)."
    },
    fix: { sv: "Rätta strukturfelen först; då kontrolleras raderna.", nb: "Rett strukturfeilene først; da kontrolleres radene.", en: "Correct the structural errors first; the rows are then checked." }
  }),
  blank_rows: entry<{ rows: number }>({
    severity: "INFO",
    stage: "structure",
    title: { sv: "Helt tomma rader hoppades över", nb: "Helt tomme linjer ble hoppet over", en: "Entirely empty lines were skipped" },
    message: {
      sv: (p) =>
        `${p.rows} ${p.rows === 1 ? "rad är helt tom" : "rader är helt tomma"} (bara avgränsare, som Excel skriver för tomma formaterade rader) och hoppades över.`,
      nb: (p) =>
        `${p.rows} ${p.rows === 1 ? "linje er helt tom" : "linjer er helt tomme"} (bare skilletegn, som Excel skriver for tomme formaterte rader) og ble hoppet over.`,
      en: (p) =>
        `${p.rows} ${p.rows === 1 ? "line is" : "lines are"} entirely empty (delimiters only, as Excel writes for empty formatted rows) and ${p.rows === 1 ? "was" : "were"} skipped.`
    },
    fix: { sv: "Inget behöver göras.", nb: "Ingenting trenger å gjøres.", en: "Nothing needs to be done." }
  }),
  no_rows: entry({
    severity: "ERROR",
    stage: "structure",
    title: { sv: "Filen har inga datarader", nb: "Filen har ingen datarader", en: "The file has no data rows" },
    message: {
      sv: () =>
        "Filen har en rubrikrad men inga datarader. En tom fil skulle kunna ta bort kommunens tidigare uppgifter, så den avvisas; ladda upp ett extrakt med rader.",
      nb: () =>
        "Filen har en overskriftsrad, men ingen datarader. En tom fil kunne ha fjernet kommunens tidligere tall, så den avvises; last opp et uttrekk med rader.",
      en: () =>
        "The file has a header row but no data rows. An empty file could erase the municipality's earlier data, so it is rejected; upload an extract with rows."
    },
    fix: { sv: "Ladda upp ett uttag med rader.", nb: "Last opp et uttrekk med rader.", en: "Upload an extract with rows." }
  }),

  // -- The value in each column
  missing_value: entry<{ column: string; codes: ValidCodes | null }>({
    severity: "ERROR",
    stage: "values",
    title: { sv: "Ett obligatoriskt värde saknas", nb: "En obligatorisk verdi mangler", en: "A required value is missing" },
    message: {
      sv: (p) => `${p.column} saknar värde, men måste fyllas i på varje rad.${p.codes ? ` ${sv.validCodes(p.codes)}` : ""}`,
      nb: (p) => `${p.column} mangler verdi, men må fylles inn på hver rad.${p.codes ? ` ${nb.validCodes(p.codes)}` : ""}`,
      en: (p) => `${p.column} has no value, but must be filled in on every row.${p.codes ? ` ${en.validCodes(p.codes)}` : ""}`
    },
    fix: { sv: "Fyll i värdet på varje rad.", nb: "Fyll inn verdien på hver rad.", en: "Fill in the value on every row." }
  }),
  unknown_code: entry<{ value: string; column: string; codes: ValidCodes; profile: { name: string; file: string } | null }>({
    severity: "ERROR",
    stage: "values",
    title: { sv: "Okänd kod", nb: "Ukjent kode", en: "Unknown code" },
    message: {
      sv: (p) =>
        `"${p.value}" är ingen känd kod för ${p.column}. ${sv.validCodes(p.codes, p.value)}` +
        (p.profile
          ? ` Rätta värdet i verksamhetssystemets export, eller lägg till översättningen i profilen ${p.profile.name} (${p.profile.file}).`
          : " Rätta värdet i exporten, eller beskriv kommunens egna koder i en profil i schemas/profiles/."),
      nb: (p) =>
        `"${p.value}" er ingen kjent kode for ${p.column}. ${nb.validCodes(p.codes, p.value)}` +
        (p.profile
          ? ` Rett verdien i fagsystemets eksport, eller legg til oversettelsen i profilen ${p.profile.name} (${p.profile.file}).`
          : " Rett verdien i eksporten, eller beskriv kommunens egne koder i en profil i schemas/profiles/."),
      en: (p) =>
        `"${p.value}" is not a known code for ${p.column}. ${en.validCodes(p.codes, p.value)}` +
        (p.profile
          ? ` Correct the value in the case system's export, or add the mapping to profile ${p.profile.name} (${p.profile.file}).`
          : " Correct the value in the export, or describe the municipality's own codes in a profile in schemas/profiles/.")
    },
    fix: {
      sv: "Använd en giltig kod, eller lägg till översättningen av kommunens egen kod i profilen.",
      nb: "Bruk en gyldig kode, eller legg til oversettelsen av kommunens egen kode i profilen.",
      en: "Use a valid code, or add the mapping of the municipality's own code to the profile."
    }
  }),
  invalid_month: entry<{ value: string; format: DateFormat }>({
    severity: "ERROR",
    stage: "values",
    title: { sv: "Ogiltig månad", nb: "Ugyldig måned", en: "Invalid month" },
    message: {
      sv: (p) => `"${p.value}" är ingen giltig månad. ${sv.dateFormat(p.format)}`,
      nb: (p) => `"${p.value}" er ingen gyldig måned. ${nb.dateFormat(p.format)}`,
      en: (p) => `"${p.value}" is not a valid month. ${en.dateFormat(p.format)}`
    },
    fix: { sv: "Skriv månaden som ÅÅÅÅ-MM, t.ex. 2024-03.", nb: "Skriv måneden som ÅÅÅÅ-MM, f.eks. 2024-03.", en: "Write the month as YYYY-MM, e.g. 2024-03." }
  }),
  invalid_date: entry<{ value: string; format: DateFormat }>({
    severity: "ERROR",
    stage: "values",
    title: { sv: "Ogiltigt datum", nb: "Ugyldig dato", en: "Invalid date" },
    message: {
      sv: (p) => `"${p.value}" är inget giltigt datum (finns dagen i den månaden?). ${sv.dateFormat(p.format)}`,
      nb: (p) => `"${p.value}" er ingen gyldig dato (finnes dagen i den måneden?). ${nb.dateFormat(p.format)}`,
      en: (p) => `"${p.value}" is not a valid date (does the day exist in that month?). ${en.dateFormat(p.format)}`
    },
    fix: { sv: "Skriv datumet som ÅÅÅÅ-MM-DD, t.ex. 2024-02-29.", nb: "Skriv datoen som ÅÅÅÅ-MM-DD, f.eks. 2024-02-29.", en: "Write the date as YYYY-MM-DD, e.g. 2024-02-29." }
  }),
  invalid_year: entry<{ value: string }>({
    severity: "ERROR",
    stage: "values",
    title: { sv: "Ogiltigt födelseår", nb: "Ugyldig fødselsår", en: "Invalid birth year" },
    message: {
      sv: (p) => `"${p.value}" är inget födelseår. Skriv året med fyra siffror, t.ex. 1987.`,
      nb: (p) => `"${p.value}" er ikke et fødselsår. Skriv året med fire sifre, f.eks. 1987.`,
      en: (p) => `"${p.value}" is not a birth year. Write the year with four digits, e.g. 1987.`
    },
    fix: { sv: "Skriv året med fyra siffror, t.ex. 1987.", nb: "Skriv året med fire sifre, f.eks. 1987.", en: "Write the year with four digits, e.g. 1987." }
  }),
  invalid_amount: entry<{ value: string }>({
    severity: "ERROR",
    stage: "values",
    title: { sv: "Ogiltigt belopp", nb: "Ugyldig beløp", en: "Invalid amount" },
    message: {
      sv: (p) =>
        `"${p.value}" är inget giltigt belopp. Skriv hela kronor eller kronor med decimaler, med decimalkomma eller decimalpunkt och utan tusentalsavgränsare eller valutatecken, t.ex. 8450 eller 8450,50 (högst två decimaler: hela ören). Beloppet får inte vara negativt.`,
      nb: (p) =>
        `"${p.value}" er ikke et gyldig beløp. Skriv hele kroner eller kroner med desimaler, med desimalkomma eller desimalpunktum og uten tusenskilletegn eller valutategn, f.eks. 8450 eller 8450,50 (høyst to desimaler: hele øre). Beløpet kan ikke være negativt.`,
      en: (p) =>
        `"${p.value}" is not a valid amount. Write whole kronor or kronor with decimals, with a decimal comma or point and without thousands separators or currency signs, e.g. 8450 or 8450,50 (at most two decimals: whole öre). The amount must not be negative.`
    },
    fix: {
      sv: "Skriv beloppet utan tusentalsavgränsare och valutatecken, t.ex. 8450 eller 8450,50.",
      nb: "Skriv beløpet uten tusenskilletegn og valutategn, f.eks. 8450 eller 8450,50.",
      en: "Write the amount without thousands separators or currency signs, e.g. 8450 or 8450,50."
    }
  }),
  invalid_municipality: entry<{ value: string; profile: string | null }>({
    severity: "ERROR",
    stage: "values",
    title: { sv: "Ogiltig kommunkod", nb: "Ugyldig kommunenummer", en: "Invalid municipality code" },
    message: {
      sv: (p) =>
        `"${p.value}" är ingen kommunkod. Skriv kommunens fyrsiffriga kod (SCB i Sverige, SSB i Norge), t.ex. 0181.${p.profile ? ` Profilen ${p.profile} kan också översätta kommunens namn.` : ""}`,
      nb: (p) =>
        `"${p.value}" er ikke et kommunenummer. Skriv kommunens firesifrede nummer (SCB i Sverige, SSB i Norge), f.eks. 0181.${p.profile ? ` Profilen ${p.profile} kan også oversette kommunens navn.` : ""}`,
      en: (p) =>
        `"${p.value}" is not a municipality code. Write the municipality's four-digit code (SCB in Sweden, SSB in Norway), e.g. 0181.${p.profile ? ` Profile ${p.profile} can also map the municipality's name.` : ""}`
    },
    fix: { sv: "Skriv kommunens fyrsiffriga kod, t.ex. 0181.", nb: "Skriv kommunens firesifrede nummer, f.eks. 0181.", en: "Write the municipality's four-digit code, e.g. 0181." }
  }),
  missing_person_id: entry<FileColumn>({
    severity: "ERROR",
    stage: "values",
    title: { sv: "Identitetsnummer saknas", nb: "Identitetsnummer mangler", en: "The identity number is missing" },
    message: {
      sv: (p) => `${p.column ?? "person_id"} saknas. Varje rad ska ha personnummer, samordningsnummer, fødselsnummer/D-nummer eller en pseudonym.`,
      nb: (p) => `${p.column ?? "person_id"} mangler. Hver rad skal ha fødselsnummer/D-nummer, personnummer, samordningsnummer eller et pseudonym.`,
      en: (p) => `${p.column ?? "person_id"} is missing. Every row must have a personnummer, samordningsnummer, fødselsnummer/D-number or a pseudonym.`
    },
    fix: { sv: "Fyll i person_id på varje rad.", nb: "Fyll inn person_id på hver rad.", en: "Fill in person_id on every row." }
  }),
  invalid_person_id: entry<FileColumn>({
    severity: "ERROR",
    stage: "values",
    title: { sv: "Ogiltigt identitetsnummer", nb: "Ugyldig identitetsnummer", en: "Invalid identity number" },
    message: {
      sv: (p) =>
        `${p.column ?? "person_id"} är varken ett personnummer/samordningsnummer (10 eller 12 siffror, ev. med - eller +), ett norskt fødselsnummer/D-nummer (11 siffror) eller en pseudonym (16–64 hexadecimala tecken). Värdet visas inte, eftersom det kan vara ett personnummer; leta upp raden i exporten.`,
      nb: (p) =>
        `${p.column ?? "person_id"} er verken et svensk personnummer/samordningsnummer (10 eller 12 sifre, ev. med - eller +), et norsk fødselsnummer/D-nummer (11 sifre) eller et pseudonym (16–64 heksadesimale tegn). Verdien vises ikke, fordi den kan være et fødselsnummer; finn raden i eksporten.`,
      en: (p) =>
        `${p.column ?? "person_id"} is neither a personnummer/samordningsnummer (10 or 12 digits, possibly with - or +), a Norwegian fødselsnummer/D-number (11 digits) nor a pseudonym (16–64 hexadecimal characters). The value is not shown, as it may be an identity number; look the row up in the export.`
    },
    fix: {
      sv: "Skriv personnummer, samordningsnummer, fødselsnummer/D-nummer eller en pseudonym.",
      nb: "Skriv fødselsnummer/D-nummer, personnummer, samordningsnummer eller et pseudonym.",
      en: "Write a personnummer, samordningsnummer, fødselsnummer/D-number or a pseudonym."
    }
  }),
  person_id_checksum: entry<FileColumn>({
    severity: "ERROR",
    stage: "values",
    title: { sv: "Fel kontrollsiffra i identitetsnumret", nb: "Feil kontrollsiffer i identitetsnummeret", en: "Wrong check digit in the identity number" },
    message: {
      sv: (p) =>
        `${p.column ?? "person_id"} har fel kontrollsiffra (Luhn för svenska nummer, modulus 11 för norska). Värdet visas inte, eftersom det är ett personnummer; kontrollera numret i verksamhetssystemet.`,
      nb: (p) =>
        `${p.column ?? "person_id"} har feil kontrollsiffer (Luhn for svenske nummer, modulus 11 for norske). Verdien vises ikke, fordi den er et fødselsnummer eller personnummer; kontroller nummeret i fagsystemet.`,
      en: (p) =>
        `${p.column ?? "person_id"} has a wrong check digit (Luhn for Swedish numbers, modulus 11 for Norwegian ones). The value is not shown, as it is an identity number; check the number in the case system.`
    },
    fix: { sv: "Kontrollera numret i verksamhetssystemet.", nb: "Kontroller nummeret i fagsystemet.", en: "Check the number in the case system." }
  }),
  person_id_placeholder: entry<FileColumn>({
    severity: "WARNING",
    stage: "values",
    title: { sv: "Identitetsnumret ser ut som en platshållare", nb: "Identitetsnummeret ser ut som en plassholder", en: "The identity number looks like a placeholder" },
    message: {
      sv: (p) =>
        `${p.column ?? "person_id"} har ett datum som inte finns (månad eller dag 00), som platshållare av bara nollor har. Raden läses in, men alla rader med samma sådana nummer får samma pseudonym, så olika personer kan räknas som en. Ange personens riktiga nummer eller en pseudonym. Värdet visas inte, eftersom det kan vara ett personnummer.`,
      nb: (p) =>
        `${p.column ?? "person_id"} har en dato som ikke finnes (måned eller dag 00), slik plassholdere av bare nuller har. Raden lastes inn, men alle rader med samme slike nummer får samme pseudonym, så ulike personer kan telles som én. Oppgi personens riktige nummer eller et pseudonym. Verdien vises ikke, fordi den kan være et fødselsnummer.`,
      en: (p) =>
        `${p.column ?? "person_id"} has a date that does not exist (month or day 00), as placeholders of only zeros have. The row is loaded, but every row with the same such number gets the same pseudonym, so different people may be counted as one. Give the person's real number or a pseudonym. The value is not shown, as it may be an identity number.`
    },
    fix: { sv: "Ange personens riktiga nummer eller en pseudonym.", nb: "Oppgi personens riktige nummer eller et pseudonym.", en: "Give the person's real number or a pseudonym." }
  }),
  missing_household_id: entry<FileColumn>({
    severity: "ERROR",
    stage: "values",
    title: { sv: "Hushåll saknas", nb: "Husholdning mangler", en: "The household is missing" },
    message: {
      sv: (p) => `${p.column ?? "household_id"} saknas. Varje rad ska ange hushållet (ärendet) som biståndet betalades till.`,
      nb: (p) => `${p.column ?? "household_id"} mangler. Hver rad skal oppgi husholdningen (saken) som sosialhjelpen ble utbetalt til.`,
      en: (p) => `${p.column ?? "household_id"} is missing. Every row must name the household (case) the assistance was paid to.`
    },
    fix: { sv: "Fyll i household_id (ärendet) på varje rad.", nb: "Fyll inn household_id (saken) på hver rad.", en: "Fill in household_id (the case) on every row." }
  }),
  future_date: entry<{ value: string }>({
    severity: "WARNING",
    stage: "values",
    title: { sv: "Datum efter körningen", nb: "Dato etter kjøringen", en: "Date after the run" },
    message: {
      sv: (p) => `${p.value} ligger efter körningens datum. Raden läses in, men kontrollera datumet.`,
      nb: (p) => `${p.value} ligger etter kjøringens dato. Raden lastes inn, men kontroller datoen.`,
      en: (p) => `${p.value} is after the date of the run. The row is loaded, but check the date.`
    },
    fix: { sv: "Kontrollera datumet.", nb: "Kontroller datoen.", en: "Check the date." }
  }),

  missing_respondent: entry<FileColumn>({
    severity: "ERROR",
    stage: "values",
    title: { sv: "Svarande saknas", nb: "Respondent mangler", en: "The respondent is missing" },
    message: {
      sv: (p) => `${p.column ?? "respondent"} saknas. Varje rad ska ange enkätens eget nummer på den svarande (samma nummer på alla den svarandes rader).`,
      nb: (p) => `${p.column ?? "respondent"} mangler. Hver rad skal oppgi undersøkelsens eget nummer på respondenten (samme nummer på alle respondentens rader).`,
      en: (p) => `${p.column ?? "respondent"} is missing. Every row must give the survey's own number of the respondent (the same number on all of the respondent's rows).`
    },
    fix: { sv: "Fyll i enkätens svarandenummer på varje rad.", nb: "Fyll inn undersøkelsens respondentnummer på hver rad.", en: "Fill in the survey's respondent number on every row." }
  }),
  respondent_identity_number: entry<FileColumn>({
    severity: "ERROR",
    stage: "values",
    title: { sv: "Svarandenumret är ett identitetsnummer", nb: "Respondentnummeret er et identitetsnummer", en: "The respondent number is an identity number" },
    message: {
      sv: (p) =>
        `${p.column ?? "respondent"} är ett giltigt personnummer, samordningsnummer eller fødselsnummer/D-nummer (kontrollsiffran stämmer). En enkät får aldrig identifiera de svarande: använd enkätens eget löpnummer. Värdet visas inte, eftersom det är ett personnummer.`,
      nb: (p) =>
        `${p.column ?? "respondent"} er et gyldig fødselsnummer/D-nummer, personnummer eller samordningsnummer (kontrollsifferet stemmer). En undersøkelse må aldri identifisere respondentene: bruk undersøkelsens eget løpenummer. Verdien vises ikke, fordi den er et fødselsnummer eller personnummer.`,
      en: (p) =>
        `${p.column ?? "respondent"} is a valid personnummer, samordningsnummer or fødselsnummer/D-number (its check digit is right). A survey must never identify its respondents: use the survey's own serial number. The value is not shown, as it is an identity number.`
    },
    fix: { sv: "Ersätt identitetsnumret med enkätens eget löpnummer.", nb: "Erstatt identitetsnummeret med undersøkelsens eget løpenummer.", en: "Replace the identity number with the survey's own serial number." }
  }),
  invalid_calendar_year: entry<{ value: string } & FileColumn>({
    severity: "ERROR",
    stage: "values",
    title: { sv: "Ogiltigt år", nb: "Ugyldig år", en: "Invalid year" },
    message: {
      sv: (p) => `"${p.value}" är inget år för ${p.column ?? "year"}. Skriv året med fyra siffror, t.ex. 2025.`,
      nb: (p) => `"${p.value}" er ikke et år for ${p.column ?? "year"}. Skriv året med fire sifre, f.eks. 2025.`,
      en: (p) => `"${p.value}" is not a year for ${p.column ?? "year"}. Write the year with four digits, e.g. 2025.`
    },
    fix: { sv: "Skriv året med fyra siffror, t.ex. 2025.", nb: "Skriv året med fire sifre, f.eks. 2025.", en: "Write the year with four digits, e.g. 2025." }
  }),
  invalid_integer: entry<{ value: string; column: string; min: number; max: number | null }>({
    severity: "ERROR",
    stage: "values",
    title: { sv: "Ogiltigt heltal", nb: "Ugyldig heltall", en: "Invalid whole number" },
    message: {
      sv: (p) =>
        `"${p.value}" är inget giltigt värde för ${p.column}: skriv ett heltal ${p.max === null ? `från ${p.min} och uppåt` : `från ${p.min} till ${p.max}`}, med bara siffror (utan tecken, decimaler eller mellanslag).`,
      nb: (p) =>
        `"${p.value}" er ingen gyldig verdi for ${p.column}: skriv et heltall ${p.max === null ? `fra ${p.min} og oppover` : `fra ${p.min} til ${p.max}`}, med bare sifre (uten fortegn, desimaler eller mellomrom).`,
      en: (p) =>
        `"${p.value}" is not a valid value for ${p.column}: write a whole number ${p.max === null ? `of ${p.min} or more` : `from ${p.min} to ${p.max}`}, in digits only (no sign, decimals or spaces).`
    },
    fix: { sv: "Skriv ett heltal inom de tillåtna gränserna, med bara siffror.", nb: "Skriv et heltall innenfor de tillatte grensene, med bare sifre.", en: "Write a whole number within the allowed bounds, in digits only." }
  }),

  // -- Rules within a row and between rows
  wrong_municipality: entry<{ value: string; folder: string | null; first: string }>({
    severity: "FATAL",
    stage: "rules",
    title: { sv: "Raden gäller en annan kommun", nb: "Raden gjelder en annen kommune", en: "The row belongs to another municipality" },
    message: {
      sv: (p) =>
        `Raden anger kommun ${p.value}, men filen kom från ${p.folder ? `kommunmappen ${p.folder}` : `kommun ${p.first} (filens första rad)`}. En kommuns mapp får bara innehålla den kommunens uppgifter, så hela filen avvisas. Ladda upp filen i rätt kommuns mapp, eller rätta kommunkoden.`,
      nb: (p) =>
        `Raden oppgir kommune ${p.value}, men filen kom fra ${p.folder ? `kommunemappen ${p.folder}` : `kommune ${p.first} (filens første rad)`}. En kommunes mappe kan bare inneholde den kommunens tall, så hele filen avvises. Last opp filen i riktig kommunes mappe, eller rett kommunenummeret.`,
      en: (p) =>
        `The row names municipality ${p.value}, but the file came from ${p.folder ? `the municipality folder ${p.folder}` : `municipality ${p.first} (the file's first row)`}. A municipality's folder may only hold that municipality's data, so the whole file is rejected. Upload the file to the right municipality's folder, or correct the municipality code.`
    },
    fix: { sv: "Ladda upp filen i rätt kommuns mapp, eller rätta kommunkoden.", nb: "Last opp filen i riktig kommunes mappe, eller rett kommunenummeret.", en: "Upload the file to the right municipality's folder, or correct the municipality code." }
  }),
  municipality_not_in_years: entry<MunicipalityNotInYears>({
    severity: "ERROR",
    stage: "rules",
    title: { sv: "Kommunkoden gäller inte filens år", nb: "Kommunenummeret gjelder ikke filens år", en: "The municipality code is not valid in the file's years" },
    message: municipalityWords,
    fix: {
      sv: "Skriv den kommunkod som gällde under radernas år enligt SCB:s eller SSB:s förteckning (Norges koder ändrades 2020 och 2024); dela en fil vars år behöver olika koder.",
      nb: "Skriv det kommunenummeret som gjaldt i radenes år ifølge SCBs eller SSBs liste (Norges nummer ble endret i 2020 og 2024); del en fil der årene trenger ulike nummer.",
      en: "Write the municipality code that was valid in the rows' years, as SCB's or SSB's list has it (Norway's codes changed in 2020 and 2024); split a file whose years need different codes."
    }
  }),
  birth_after_row_year: entry<{ birthYear: string; rowYear: string }>({
    severity: "ERROR",
    stage: "rules",
    title: { sv: "Födelseåret ligger efter radens år", nb: "Fødselsåret ligger etter radens år", en: "The birth year is after the row's year" },
    message: {
      sv: (p) => `Födelseåret ${p.birthYear} ligger efter radens år ${p.rowYear}. Kontrollera födelseåret.`,
      nb: (p) => `Fødselsåret ${p.birthYear} ligger etter radens år ${p.rowYear}. Kontroller fødselsåret.`,
      en: (p) => `The birth year ${p.birthYear} is after the row's year ${p.rowYear}. Check the birth year.`
    },
    fix: { sv: "Kontrollera födelseåret.", nb: "Kontroller fødselsåret.", en: "Check the birth year." }
  }),
  unusual_age: entry<{ birthYear: string; age: string }>({
    severity: "WARNING",
    stage: "rules",
    title: { sv: "Ovanlig ålder", nb: "Uvanlig alder", en: "Unusual age" },
    message: {
      sv: (p) => `Födelseåret ${p.birthYear} ger åldern ${p.age} år det året. Raden läses in, men kontrollera födelseåret.`,
      nb: (p) => `Fødselsåret ${p.birthYear} gir alderen ${p.age} år det året. Raden lastes inn, men kontroller fødselsåret.`,
      en: (p) => `The birth year ${p.birthYear} gives the age ${p.age} in that year. The row is loaded, but check the birth year.`
    },
    fix: { sv: "Kontrollera födelseåret.", nb: "Kontroller fødselsåret.", en: "Check the birth year." }
  }),
  duplicate_person_month: entry<{ month: string; firstLine: string }>({
    severity: "ERROR",
    stage: "rules",
    title: { sv: "Personen har två rader samma månad", nb: "Personen har to rader samme måned", en: "The person has two rows in one month" },
    message: {
      sv: (p) => `Personen finns redan på rad ${p.firstLine} för månaden ${p.month} i samma fil. En person får bara ha en rad per månad; slå ihop raderna.`,
      nb: (p) => `Personen finnes allerede på rad ${p.firstLine} for måneden ${p.month} i samme fil. En person kan bare ha én rad per måned; slå sammen radene.`,
      en: (p) => `The person already appears on line ${p.firstLine} for the month ${p.month} in the same file. A person may have only one row per month; merge the rows.`
    },
    fix: { sv: "Slå ihop personens rader för månaden till en.", nb: "Slå sammen personens rader for måneden til én.", en: "Merge the person's rows for the month into one." }
  }),
  missing_amount: entry<{ month: string } & FileColumn>({
    severity: "ERROR",
    stage: "rules",
    title: { sv: "Hushållet saknar belopp för månaden", nb: "Husholdningen mangler beløp for måneden", en: "The household has no amount for the month" },
    message: {
      sv: (p) => `Hushållet saknar belopp för ${p.month}. ${p.column ?? "amount_sek"} ska anges på (minst) en rad per hushåll och månad; övriga rader får lämnas tomma.`,
      nb: (p) => `Husholdningen mangler beløp for ${p.month}. ${p.column ?? "amount_sek"} skal oppgis på (minst) én rad per husholdning og måned; de andre radene kan stå tomme.`,
      en: (p) => `The household has no amount for ${p.month}. ${p.column ?? "amount_sek"} must be given on (at least) one row per household and month; the other rows may be left empty.`
    },
    fix: { sv: "Ange beloppet på minst en rad per hushåll och månad.", nb: "Oppgi beløpet på minst én rad per husholdning og måned.", en: "Give the amount on at least one row per household and month." }
  }),
  conflicting_amounts: entry<{ month: string; amounts: string }>({
    severity: "ERROR",
    stage: "rules",
    title: { sv: "Hushållet har olika belopp samma månad", nb: "Husholdningen har ulike beløp samme måned", en: "The household has different amounts in one month" },
    message: {
      sv: (p) => `Hushållet har olika belopp för ${p.month} (${p.amounts}). Beloppet gäller hela hushållet: ange det på en rad, eller samma belopp på alla rader.`,
      nb: (p) => `Husholdningen har ulike beløp for ${p.month} (${p.amounts}). Beløpet gjelder hele husholdningen: oppgi det på én rad, eller samme beløp på alle rader.`,
      en: (p) => `The household has different amounts for ${p.month} (${p.amounts}). The amount is the whole household's: give it on one row, or the same amount on every row.`
    },
    fix: { sv: "Ange hushållets belopp på en rad, eller samma belopp på alla rader.", nb: "Oppgi husholdningens beløp på én rad, eller samme beløp på alle rader.", en: "Give the household's amount on one row, or the same amount on every row." }
  }),
  end_before_start: entry<{ end: string; start: string }>({
    severity: "ERROR",
    stage: "rules",
    title: { sv: "Slutdatum före startdatum", nb: "Sluttdato før startdato", en: "End date before start date" },
    message: {
      sv: (p) => `Slutdatum ${p.end} ligger före startdatum ${p.start}. Rätta datumen.`,
      nb: (p) => `Sluttdato ${p.end} ligger før startdato ${p.start}. Rett datoene.`,
      en: (p) => `The end date ${p.end} is before the start date ${p.start}. Correct the dates.`
    },
    fix: { sv: "Rätta datumen.", nb: "Rett datoene.", en: "Correct the dates." }
  }),
  exit_reason_missing: entry<{ end: string; codes: ValidCodes }>({
    severity: "ERROR",
    stage: "rules",
    title: { sv: "Avslutad insats saknar avslutsorsak", nb: "Avsluttet tiltak mangler avslutningsårsak", en: "An ended measure has no exit reason" },
    message: {
      sv: (p) =>
        `Insatsen avslutades ${p.end} men saknar avslutsorsak. Fyll i avslutsorsaken, eller lämna slutdatum tomt om insatsen pågår. ${sv.validCodes(p.codes)}`,
      nb: (p) =>
        `Tiltaket ble avsluttet ${p.end}, men mangler avslutningsårsak. Fyll inn avslutningsårsaken, eller la sluttdatoen stå tom hvis tiltaket pågår. ${nb.validCodes(p.codes)}`,
      en: (p) =>
        `The measure ended on ${p.end} but has no exit reason. Fill in the exit reason, or leave the end date empty if the measure is ongoing. ${en.validCodes(p.codes)}`
    },
    fix: { sv: "Fyll i avslutsorsaken, eller lämna slutdatum tomt om insatsen pågår.", nb: "Fyll inn avslutningsårsaken, eller la sluttdatoen stå tom hvis tiltaket pågår.", en: "Fill in the exit reason, or leave the end date empty if the measure is ongoing." }
  }),
  exit_reason_without_end: entry<{ value: string }>({
    severity: "ERROR",
    stage: "rules",
    title: { sv: "Avslutsorsak utan slutdatum", nb: "Avslutningsårsak uten sluttdato", en: "Exit reason without an end date" },
    message: {
      sv: (p) => `Avslutsorsak "${p.value}" är angiven men slutdatum saknas. Lämna avslutsorsaken tom medan insatsen pågår, eller fyll i slutdatum.`,
      nb: (p) => `Avslutningsårsak "${p.value}" er oppgitt, men sluttdato mangler. La avslutningsårsaken stå tom mens tiltaket pågår, eller fyll inn sluttdato.`,
      en: (p) => `The exit reason "${p.value}" is given but the end date is missing. Leave the exit reason empty while the measure is ongoing, or fill in the end date.`
    },
    fix: { sv: "Lämna avslutsorsaken tom medan insatsen pågår, eller fyll i slutdatum.", nb: "La avslutningsårsaken stå tom mens tiltaket pågår, eller fyll inn sluttdato.", en: "Leave the exit reason empty while the measure is ongoing, or fill in the end date." }
  }),
  couples_one_coded: entry<{ share: string }>({
    severity: "WARNING",
    stage: "rules",
    title: { sv: "Bara den ena vuxna i paren har försörjningshinder", nb: "Bare den ene voksne i parene har hindring for selvforsørgelse", en: "Only one adult of the couples has a reason code" },
    message: {
      sv: (p) =>
        `I omkring ${p.share} av filens par-hushållsmånader har bara den ena vuxna ett försörjningshinder. Hindret ska kodas för varje vuxen, även medsökande; kodas bara sökande blir jämförelser per person och kön missvisande. Raderna läses in, och kvalitetsrapporten visar det per kommun och år.`,
      nb: (p) =>
        `I omtrent ${p.share} av filens husholdningsmåneder med par har bare den ene voksne en hindring for selvforsørgelse. Hindringen skal kodes for hver voksen, også medsøker; kodes bare søkeren, blir sammenligninger per person og kjønn misvisende. Radene lastes inn, og kvalitetsrapporten viser det per kommune og år.`,
      en: (p) =>
        `In about ${p.share} of the file's couple household-months only one adult has a reason code (försörjningshinder). The reason must be coded for every adult, co-applicants too; when only applicants are coded, comparisons by person and gender mislead. The rows are loaded, and the quality report shows this per municipality and year.`
    },
    fix: {
      sv: "Koda försörjningshindret för varje vuxen i hushållet, även medsökande.",
      nb: "Kod hindringen for selvforsørgelse for hver voksen i husholdningen, også medsøker.",
      en: "Code the reason for every adult of the household, co-applicants too."
    }
  }),
  duplicate_survey_answer: entry<{ question: string; firstLine: string }>({
    severity: "ERROR",
    stage: "rules",
    title: { sv: "Den svarande har två rader för samma fråga", nb: "Respondenten har to rader for samme spørsmål", en: "The respondent has two rows for one question" },
    message: {
      sv: (p) => `Den svarande har redan en rad för frågan ${p.question} samma år, på rad ${p.firstLine} i samma fil. En svarande får bara ha en rad per fråga; ta bort eller slå ihop raderna.`,
      nb: (p) => `Respondenten har allerede en rad for spørsmålet ${p.question} samme år, på rad ${p.firstLine} i samme fil. En respondent kan bare ha én rad per spørsmål; fjern eller slå sammen radene.`,
      en: (p) => `The respondent already has a row for the question ${p.question} in the same year, on line ${p.firstLine} of the same file. A respondent may have only one row per question; remove or merge the rows.`
    },
    fix: { sv: "Behåll en rad per svarande och fråga.", nb: "Behold én rad per respondent og spørsmål.", en: "Keep one row per respondent and question." }
  }),
  duplicate_population_row: entry<{ row: string; firstLine: string }>({
    severity: "ERROR",
    stage: "rules",
    title: { sv: "Samma kommun, år, kön och ålder två gånger", nb: "Samme kommune, år, kjønn og alder to ganger", en: "The same municipality, year, gender and age twice" },
    message: {
      sv: (p) => `Kommun, år, kön och ålder (${p.row}) finns redan på rad ${p.firstLine} i samma fil. En befolkningsfil har en rad per kommun, år, kön och ålder; ta bort dubbletten.`,
      nb: (p) => `Kommune, år, kjønn og alder (${p.row}) finnes allerede på rad ${p.firstLine} i samme fil. En befolkningsfil har én rad per kommune, år, kjønn og alder; fjern duplikatet.`,
      en: (p) => `Municipality, year, gender and age (${p.row}) already appear on line ${p.firstLine} of the same file. A population file has one row per municipality, year, gender and age; remove the duplicate.`
    },
    fix: { sv: "Behåll en rad per kommun, år, kön och ålder.", nb: "Behold én rad per kommune, år, kjønn og alder.", en: "Keep one row per municipality, year, gender and age." }
  }),

  // -- The municipality's commentary (.md)
  commentary_not_text: entry<{ reason: "utf16" | "nul" | "encoding"; line: number }>({
    severity: "FATAL",
    stage: "commentary",
    title: { sv: "Kommentaren är inte UTF-8-text", nb: "Kommentaren er ikke UTF-8-tekst", en: "The commentary is not UTF-8 text" },
    message: {
      sv: (p) =>
        (p.reason === "utf16"
          ? "Kommentaren är sparad som UTF-16 (”Unicode”)"
          : p.reason === "nul"
          ? `Kommentaren innehåller nolltecken (byte 0x00, första gången på rad ${p.line}) och är ingen textfil (är det ett Word-dokument med filändelsen .md?)`
          : `Rad ${p.line} i kommentaren innehåller tecken som inte är giltig UTF-8 (troligen Windows-1252)`) +
        ", så den läses inte. En kommentar ska vara vanlig text i UTF-8: spara den i en texteditor med kodningen UTF-8 och ladda upp den igen.",
      nb: (p) =>
        (p.reason === "utf16"
          ? "Kommentaren er lagret som UTF-16 («Unicode»)"
          : p.reason === "nul"
          ? `Kommentaren inneholder nulltegn (byte 0x00, første gang på linje ${p.line}) og er ingen tekstfil (er det et Word-dokument med filendelsen .md?)`
          : `Linje ${p.line} i kommentaren inneholder tegn som ikke er gyldig UTF-8 (trolig Windows-1252)`) +
        ", så den leses ikke. En kommentar skal være ren tekst i UTF-8: lagre den i et tekstredigeringsprogram med kodingen UTF-8 og last opp filen på nytt.",
      en: (p) =>
        (p.reason === "utf16"
          ? "The commentary is saved as UTF-16 (“Unicode”)"
          : p.reason === "nul"
          ? `The commentary contains NUL characters (byte 0x00, first on line ${p.line}) and is no text file (is it a Word document with the extension .md?)`
          : `Line ${p.line} of the commentary contains characters that are not valid UTF-8 (probably Windows-1252)`) +
        ", so it is not read. A commentary must be plain text in UTF-8: save it from a text editor with the encoding UTF-8 and upload it again."
    },
    fix: { sv: "Spara kommentaren som vanlig text med kodningen UTF-8.", nb: "Lagre kommentaren som ren tekst med kodingen UTF-8.", en: "Save the commentary as plain text with the encoding UTF-8." }
  }),
  commentary_too_large: entry<{ bytes: number; limit: number }>({
    severity: "FATAL",
    stage: "commentary",
    title: { sv: "Kommentaren är för stor", nb: "Kommentaren er for stor", en: "The commentary is too large" },
    message: {
      sv: (p) =>
        `Kommentaren är ${fileSize(p.bytes, "sv-SE")}, men en kommentar får vara högst ${fileSize(p.limit, "sv-SE")}: den visas bredvid rapporterna och ska vara några stycken text. Korta den och ladda upp den igen.`,
      nb: (p) =>
        `Kommentaren er ${fileSize(p.bytes, "nb-NO")}, men en kommentar kan være høyst ${fileSize(p.limit, "nb-NO")}: den vises ved siden av rapportene og skal være noen avsnitt tekst. Kort den ned og last opp filen på nytt.`,
      en: (p) =>
        `The commentary is ${fileSize(p.bytes, "en-GB")}, but a commentary may be at most ${fileSize(p.limit, "en-GB")}: it is shown beside the reports and should be a few paragraphs of text. Shorten it and upload it again.`
    },
    fix: { sv: "Korta kommentaren.", nb: "Kort ned kommentaren.", en: "Shorten the commentary." }
  }),
  commentary_identity_number: entry({
    severity: "ERROR",
    stage: "commentary",
    title: { sv: "Kommentaren innehåller ett personnummer", nb: "Kommentaren inneholder et fødselsnummer eller personnummer", en: "The commentary contains an identity number" },
    message: {
      sv: () =>
        "Raden innehåller ett giltigt personnummer, samordningsnummer eller fødselsnummer/D-nummer. Kommentaren publiceras, så den får aldrig innehålla ett identitetsnummer: hela filen avvisas. Ta bort numret och ladda upp kommentaren igen. Numret visas inte.",
      nb: () =>
        "Linjen inneholder et gyldig fødselsnummer/D-nummer, personnummer eller samordningsnummer. Kommentaren publiseres, så den må aldri inneholde et identitetsnummer: hele filen avvises. Fjern nummeret og last opp kommentaren på nytt. Nummeret vises ikke.",
      en: () =>
        "The line contains a valid personnummer, samordningsnummer or fødselsnummer/D-number. The commentary is published, so it must never hold an identity number: the whole file is rejected. Remove the number and upload the commentary again. The number is not shown."
    },
    fix: { sv: "Ta bort identitetsnumret ur kommentaren.", nb: "Fjern identitetsnummeret fra kommentaren.", en: "Remove the identity number from the commentary." }
  }),
  commentary_unknown_heading: entry<{ heading: string; targetGroup: string | null; targetGroups: readonly string[] }>({
    severity: "WARNING",
    stage: "commentary",
    title: { sv: "Rubriken namnger ingen rapport eller indikator", nb: "Overskriften navngir ingen rapport eller indikator", en: "The heading names no report or indicator" },
    message: {
      sv: (p) =>
        `Rubriken "## ${p.heading}" namnger ${p.targetGroup === null ? "ingen målgrupp" : `ingen indikator i rapporten ${p.targetGroup}`}, så den inleder inget avsnitt: raden och texten under den visas med avsnittet före (eller överst på kommunens sida). ` +
        `Skriv ## <målgrupp> eller ## <målgrupp> / <indikator>, med id:n som på kodlistsidan (codes.html). Målgrupper: ${p.targetGroups.join(", ")}.`,
      nb: (p) =>
        `Overskriften "## ${p.heading}" navngir ${p.targetGroup === null ? "ingen målgruppe" : `ingen indikator i rapporten ${p.targetGroup}`}, så den innleder ikke noe avsnitt: linjen og teksten under den vises med avsnittet før (eller øverst på kommunens side). ` +
        `Skriv ## <målgruppe> eller ## <målgruppe> / <indikator>, med id-ene som på kodelistesiden (codes.html). Målgrupper: ${p.targetGroups.join(", ")}.`,
      en: (p) =>
        `The heading "## ${p.heading}" names ${p.targetGroup === null ? "no target group" : `no indicator of the report ${p.targetGroup}`}, so it starts no section: the line and the text under it are shown with the section before (or at the top of the municipality's page). ` +
        `Write ## <target group> or ## <target group> / <indicator>, with ids as on the code list page (codes.html). Target groups: ${p.targetGroups.join(", ")}.`
    },
    fix: {
      sv: "Skriv rubriken som ## <målgrupp> eller ## <målgrupp> / <indikator>, med id:n från codes.html.",
      nb: "Skriv overskriften som ## <målgruppe> eller ## <målgruppe> / <indikator>, med id-ene fra codes.html.",
      en: "Write the heading as ## <target group> or ## <target group> / <indicator>, with ids from codes.html."
    }
  }),
  commentary_small_number: entry<{ number: string; threshold: number }>({
    severity: "WARNING",
    stage: "commentary",
    title: { sv: "Ett litet tal i kommentaren", nb: "Et lite tall i kommentaren", en: "A small number in the commentary" },
    message: {
      sv: (p) =>
        `Texten nämner talet ${p.number}, som ligger mellan 1 och sekretessgränsen ${p.threshold}. Är det ett antal personer kan det röja en uppgift som rapporterna döljer (..). Texten visas ändå; skriv om meningen utan antalet, eller låt den stå om talet inte är ett antal.`,
      nb: (p) =>
        `Teksten nevner tallet ${p.number}, som ligger mellom 1 og konfidensialitetsgrensen ${p.threshold}. Er det et antall personer, kan det røpe et tall som rapportene skjuler (:). Teksten vises likevel; skriv om setningen uten antallet, eller la den stå hvis tallet ikke er et antall.`,
      en: (p) =>
        `The text mentions the number ${p.number}, which is between 1 and the confidentiality threshold ${p.threshold}. If it is a number of people it may give away a figure the reports withhold (..). The text is shown all the same; rewrite the sentence without the count, or leave it if the number is no count.`
    },
    fix: {
      sv: "Skriv om meningen utan antalet, om talet är ett antal personer.",
      nb: "Skriv om setningen uten antallet, hvis tallet er et antall personer.",
      en: "Rewrite the sentence without the count, if the number is a number of people."
    }
  })
};

// ---- Reading the catalogue

export type Code = keyof typeof catalogue;
export type ParamsOf<C extends Code> = (typeof catalogue)[C] extends Entry<infer P> ? P : never;

/** What codes.html and tests see of an entry: everything but the parameter types. */
export interface CatalogueEntry {
  readonly code: Code;
  readonly severity: Severity;
  readonly stage: Stage;
  readonly title: Text;
  readonly fix: Text;
}

/** Every code, in catalogue order. */
export const codes = Object.keys(catalogue) as Code[];

export const entries: readonly CatalogueEntry[] = codes.map((code) => {
  const { severity, stage, title, fix } = catalogue[code];
  return { code, severity, stage, title, fix };
});

export function isCode(code: string): code is Code {
  return Object.hasOwn(catalogue, code);
}

/** A code with its parameters: a finding before it has a place. */
export type Found<C extends Code = Code> = { [K in C]: { readonly code: K; readonly params: ParamsOf<K> } }[C];

/** A problem found before a file has a finding of its own (inspection, dialect, workbook): its code,
 *  parameters and Swedish message. */
export type Problem<C extends Code = Code> = Found<C> & { readonly message: string };

/** The message of a code with its parameters. */
export function messageOf<C extends Code>(code: C, params: ParamsOf<C>, lang: Lang = "sv"): string {
  return (catalogue[code].message[lang] as (p: ParamsOf<C>) => string)(params);
}

/** The message of a code and its parameters made earlier. */
function messageOfFound(f: Found, lang: Lang = "sv"): string {
  return (catalogue[f.code].message[lang] as (p: Found["params"]) => string)(f.params);
}

export function problem<C extends Code>(code: C, params: ParamsOf<C>): Problem<C> {
  return Object.freeze({ code, params, message: messageOf(code, params) }) as unknown as Problem<C>;
}

export interface Where {
  readonly line?: number | null;
  readonly column?: string | null;
  readonly value?: string | null;
  readonly count?: number;
}

function make(code: Code, file: string, message: string, where: Where, params: object): Finding {
  return Object.freeze({
    severity: catalogue[code].severity,
    code,
    file,
    line: where.line ?? null,
    column: where.column ?? null,
    value: where.value ?? null,
    message,
    ...(where.count !== undefined && where.count > 1 ? { count: where.count } : {}),
    params
  });
}

/** A finding: the code's severity and Swedish message, at `where`. */
export function found<C extends Code>(code: C, file: string, params: ParamsOf<C>, where: Where = {}): Finding {
  return make(code, file, messageOf(code, params), where, params as object);
}

/** The finding of a code and parameters made earlier (a problem, a failing check). */
export function findingOf(f: Found, file: string, where: Where = {}): Finding {
  return make(f.code, file, messageOfFound(f), where, f.params);
}

/** The rows of a rule beyond the first `shown` (of `total`), which are listed one by one. */
export interface MoreRows {
  readonly shown: number;
  readonly total: number;
}

const moreRows: { readonly [L in Lang]: (r: MoreRows) => string } = {
  sv: (r) => `Samma fel på ytterligare ${r.total - r.shown} rader (${r.total} totalt); de ${r.shown} första visas ovan.`,
  nb: (r) => `Samme feil på ytterligere ${r.total - r.shown} rader (${r.total} i alt); de ${r.shown} første vises ovenfor.`,
  en: (r) => `The same problem on ${r.total - r.shown} more rows (${r.total} in all); the first ${r.shown} are shown above.`
};

/** The message of the finding that stands for the rows of a rule beyond those listed. */
export function moreMessageOf(f: Found, rows: MoreRows, lang: Lang = "sv"): string {
  return `${moreRows[lang](rows)} ${messageOfFound(f, lang)}`;
}

/** The finding that stands for the rows of a rule beyond those listed (their count; no line). */
export function foundMore(f: Found, file: string, rows: MoreRows & { readonly column: string | null }): Finding {
  return make(f.code, file, moreMessageOf(f, rows), { column: rows.column, count: rows.total - rows.shown }, f.params);
}
