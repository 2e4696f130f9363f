// User surveys (contract §15): the figures of sql/marts/survey_values.sql (respondents, share of answers
// 5–6 and mean answer per municipality, year, question and gender K, M, T), withheld by the
// respondent rule and by §8, compared across the network (§6.4, §13), and published as survey.html
// and data/survey.csv / .xlsx / .arrow.
//
// Withholding, in order:
//   1. the respondent rule: every figure of a question and gender with 1 to survey_min_respondents − 1
//      respondents is withheld; when women's or men's are, both are (T stays where T itself has
//      enough). A question and gender nobody answered publishes its 0 (§8 allows 0; its share and mean
//      are '-', which tells the 0 anyway).
//   2. §8 on top, whatever the settings (survey_min_respondents may be set below the threshold): a row
//      showing a count from 1 to the threshold (respondents, or answers 5–6) or a share on fewer than
//      10 respondents is withheld, and further rows until no hidden count can be pinned down to within
//      the threshold — the project's secondary withholding (pipeline/withhold/secondary.ts) over what a
//      reader of the survey table knows (surveyKnowledge). A withheld row of women or men withholds
//      the same row of the other, as in 1.
// `checkSurvey` is the audit: the attacker of pipeline/withhold/attacker.ts over the published rows alone.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Municipality, RunInfo } from "../../reports/model.js";
import { renderSurveyPage, type SurveyNote } from "../../reports/survey-page.js";
import { writeDownloads } from "./downloads.js";
import { audit, type Range } from "../withhold/attacker.js";
import type { Count, Relation } from "../withhold/lp.js";
import { minShareDenominator, unitId, type Gender, type IndicatorRow, type PublishedRow } from "../withhold/model.js";
import { withholdUnits, type Unit } from "../withhold/secondary.js";
import { municipalityName } from "../contract/municipalities.js";
import type { Dimension, Indicator, Schema, TargetGroup } from "../contract/schema.js";
import { sqlText, type Db } from "../db/connection.js";
import type { Settings } from "../settings.js";
import { compare, sortFigures, type Figure } from "./comparison.js";
import { groupMeans, groupsInNetwork } from "./groups.js";

/** The dimension of every survey row (§15): its categories are the question codes (§3.6). */
export const surveyDimension = "question";

/** Contract §15's three figures, declared as the reports declare theirs (schemas/indicators.json). */
export const surveyIndicators: readonly Indicator[] = [
  {
    id: "survey_respondents", kind: "count", direction: "none", genders: ["K", "M", "T"],
    unit: { sv: "svarande", nb: "respondenter", en: "respondents" },
    sv: "Svarande", nb: "Respondenter", en: "Respondents",
    definition: {
      sv: "Antal olika svarande som besvarat frågan med ett svar 1–6 (vet ej räknas inte). Svarande utan angivet kön räknas bara i totalt.",
      nb: "Antall ulike respondenter som har besvart spørsmålet med et svar 1–6 (vet ikke teller ikke). Respondenter uten oppgitt kjønn telles bare i totalt.",
      en: "Number of different respondents who answered the question with an answer 1–6 (don't know does not count). Respondents without a gender count in the total only."
    },
    numerator: { sv: "= värdet", nb: "= verdien", en: "= the value" }, denominator: { sv: "", nb: "", en: "" }, total: false
  },
  {
    id: "survey_positive_share", kind: "share", direction: "higher", genders: ["K", "M", "T"],
    unit: { sv: "%", nb: "%", en: "%" },
    sv: "Andel positiva svar", nb: "Andel positive svar", en: "Share of positive answers",
    definition: {
      sv: "Andel (%) av de svarande som svarat 5 eller 6 på skalan 1–6.",
      nb: "Andel (%) av respondentene som har svart 5 eller 6 på skalaen 1–6.",
      en: "Share (%) of the respondents who answered 5 or 6 on the scale 1–6."
    },
    numerator: { sv: "svarande som svarat 5 eller 6", nb: "respondenter som har svart 5 eller 6", en: "respondents who answered 5 or 6" },
    denominator: { sv: "svarande", nb: "respondenter", en: "respondents" }, total: false
  },
  {
    id: "survey_mean_score", kind: "mean", decimals: 2, direction: "higher", genders: ["K", "M", "T"],
    unit: { sv: "poäng", nb: "poeng", en: "points" },
    sv: "Medelvärde", nb: "Gjennomsnittlig skår", en: "Mean score",
    definition: {
      sv: "Medelvärdet av svaren på skalan 1–6 (6 bäst), två decimaler.",
      nb: "Gjennomsnittet av svarene på skalaen 1–6 (6 best), med to desimaler.",
      en: "The mean of the answers on the scale 1–6 (6 best), to two decimals."
    },
    numerator: { sv: "summan av svaren", nb: "summen av svarene", en: "the sum of the answers" },
    denominator: { sv: "svarande", nb: "respondenter", en: "respondents" }, total: false
  }
];

/** The survey's "target group" for the Excel writer (reports/xlsx.ts titles its workbook with it). */
export const surveyReport: TargetGroup = {
  id: "survey", sv: "Brukarundersökning", nb: "Brukerundersøkelse", en: "User survey", ages: [18, 66],
  definition: {
    sv: "Svar på nätverkets brukarundersökning per kommun, år, fråga och kön (contract §15).",
    nb: "Svar på nettverkets brukerundersøkelse per kommune, år, spørsmål og kjønn (contract §15).",
    en: "Answers to the network's user survey per municipality, year, question and gender (contract §15)."
  }
};

/** The question dimension: the codes of the `question` list (schemas/codes.json) in order, then any other code the rows name. */
export function questionDimension(schema: Pick<Schema, "lists">, rows: readonly { category?: string }[] = []): Dimension {
  const list = schema.lists.question;
  const categories = (list?.codes ?? []).map(({ code, sv, nb, en }) => ({ code, sv, nb, en }));
  const known = new Set(categories.map((c) => c.code));
  for (const r of rows) {
    if (r.category && !known.has(r.category)) {
      known.add(r.category);
      categories.push({ code: r.category, sv: r.category, nb: r.category, en: r.category });
    }
  }
  const title = list?.title ?? { sv: "Fråga", nb: "Spørsmål", en: "Question" };
  return { id: surveyDimension, ...title, list: "question", categories, indicators: [], families: [], relations: [] };
}

/** The survey rows before withholding (sql/marts/survey_values.sql, read by sql/site/survey_rows.sql). */
export async function surveyRows(db: Db): Promise<IndicatorRow[]> {
  return db.all<IndicatorRow>(sqlText("site/survey_rows"));
}

// ---------------------------------------------------------------------------------------------
// What a reader knows.

/** One question and gender of a municipality-year: its three rows. */
interface Cell {
  readonly key: string; // municipality|year|question
  readonly gender: Gender;
  respondents?: PublishedRow;
  share?: PublishedRow;
  mean?: PublishedRow;
}

const cellKey = (r: Pick<IndicatorRow, "municipality" | "year" | "category">) => `${r.municipality}|${r.year}|${r.category}`;
/** The id of a count: respondents n, answers 5–6 p, sum of answers s. */
const countId = (key: string, family: "n" | "p" | "s", g: Gender) => `${key}|${family}|${g}`;
const rowOf = { survey_respondents: "respondents", survey_positive_share: "share", survey_mean_score: "mean" } as const;

function cellsOf(rows: readonly PublishedRow[]): Map<string, Cell> {
  const cells = new Map<string, Cell>();
  for (const r of rows) {
    const slot = rowOf[r.indicator as keyof typeof rowOf];
    if (!slot || r.dimension !== surveyDimension || !r.category) throw new Error(`not a survey row: ${unitId(r)}`);
    const id = `${cellKey(r)}|${r.gender}`;
    let c = cells.get(id);
    if (!c) cells.set(id, (c = { key: cellKey(r), gender: r.gender }));
    if (c[slot]) throw new Error(`duplicate survey row: ${unitId(r)}`);
    c[slot] = r;
  }
  for (const [id, c] of cells) if (!c.respondents || !c.share || !c.mean) throw new Error(`survey cell without all three rows: ${id}`);
  return cells;
}

/** Whether a cell's municipality-year has a survey: its respondents row is not '-'. */
const surveyed = (c: Cell) => c.respondents!.status !== "-";
/**
 * Whether a reader knows the cell has no respondents: its respondents row shows 0, or its share or mean
 * is '-' in a surveyed year (a share or mean is '-' only on 0 respondents).
 */
const knownEmpty = (c: Cell) =>
  surveyed(c) && ((c.respondents!.status === "" && c.respondents!.value === 0) || c.share!.status === "-" || c.mean!.status === "-");

export interface SurveyKnowledge {
  /** the counts of surveyed cells with respondents (a known-empty cell's counts are the constant 0) */
  readonly counts: Count[];
  /** every row that is not '-', with the counts it shows */
  readonly units: Unit[];
  /** what every reader knows among the counts */
  readonly relations: Relation[];
}

/**
 * The counts, rows and relations of a survey table as a reader sees it. Per question and gender of a
 * municipality-year with respondents n, answers 5–6 p and sum of answers s (answers are 1–6; 5 and 6
 * are positive): p ≤ n, s ≥ n + 4p, s ≤ 4n + 2p. Respondents without a gender count in T only, so the
 * rest R = T − K − M is itself a group of respondents (≥ 0, with the same three relations). `value`
 * gives a count's value (the published one, or for a withheld row the true one: the attacker never
 * reads it, it only checks the ranges hold it).
 */
export function surveyKnowledge(rows: readonly PublishedRow[], value: (row: PublishedRow, field: "numerator" | "denominator") => number, primary: (r: PublishedRow) => boolean = () => false): SurveyKnowledge {
  const cells = cellsOf(rows);
  const counts: Count[] = [];
  const units: Unit[] = [];
  const relations: Relation[] = [];
  const live = (c: Cell | undefined) => c !== undefined && surveyed(c) && !knownEmpty(c);
  const questions = new Map<string, Partial<Record<Gender, Cell>>>();
  for (const c of cells.values()) {
    const q = questions.get(c.key) ?? questions.set(c.key, {}).get(c.key)!;
    q[c.gender] = c;
    if (!surveyed(c)) continue;
    const has = live(c);
    const n = countId(c.key, "n", c.gender), p = countId(c.key, "p", c.gender), s = countId(c.key, "s", c.gender);
    if (has) {
      counts.push({ id: n, value: value(c.respondents!, "numerator") }, { id: p, value: value(c.share!, "numerator") }, { id: s, value: value(c.mean!, "numerator") });
      relations.push(
        { terms: [[p, 1], [n, -1]], op: "<=", rhs: 0 },
        { terms: [[s, 1], [n, -1], [p, -4]], op: ">=", rhs: 0 },
        { terms: [[s, 1], [n, -4], [p, -2]], op: "<=", rhs: 0 }
      );
    }
    for (const r of [c.respondents!, c.share!, c.mean!]) {
      if (r.status === "-") continue;
      const shown = !has ? [] : r === c.respondents ? [n] : [r === c.share ? p : s, n];
      // the respondents are what a reader most needs: withheld last (a mean costs at most 7n)
      const cost = r === c.respondents && has ? 10 * value(r, "numerator") + 1 : undefined;
      units.push({ id: unitId(r), counts: shown, primary: primary(r), ...(cost === undefined ? {} : { cost }) });
    }
  }
  // the rest of T: R = T − K − M ≥ 0 in each family, and p_R ≤ n_R, s_R ≥ n_R + 4 p_R, s_R ≤ 4 n_R + 2 p_R
  for (const [key, q] of questions) {
    if (!live(q.T)) continue;
    const rest = (family: "n" | "p" | "s", coef: number): [string, number][] =>
      (["T", "K", "M"] as const).filter((g) => live(q[g])).map((g) => [countId(key, family, g), g === "T" ? coef : -coef]);
    relations.push(
      { terms: rest("n", 1), op: ">=", rhs: 0 },
      { terms: rest("p", 1), op: ">=", rhs: 0 },
      { terms: rest("s", 1), op: ">=", rhs: 0 },
      { terms: [...rest("p", 1), ...rest("n", -1)], op: "<=", rhs: 0 },
      { terms: [...rest("s", 1), ...rest("n", -1), ...rest("p", -4)], op: ">=", rhs: 0 },
      { terms: [...rest("s", 1), ...rest("n", -4), ...rest("p", -2)], op: "<=", rhs: 0 }
    );
  }
  return { counts, units, relations };
}

// ---------------------------------------------------------------------------------------------
// Withholding.

/** Why a row is withheld: the respondent rule (`respondents`), or §8 (`confidentiality`). */
export type SurveyReason = "respondents" | "confidentiality";

export interface SurveyWithheld {
  readonly rows: PublishedRow[];
  /** per withheld row (unitId): why */
  readonly reasons: ReadonlyMap<string, SurveyReason>;
  readonly withheld: number;
  /** withheld by the respondent rule (with their partners of the other gender) */
  readonly byRespondents: number;
  /** withheld by §8 alone */
  readonly byConfidentiality: number;
}

export interface SurveyRules {
  /** §8's threshold */
  readonly threshold: number;
  /** settings `survey_min_respondents` (§15) */
  readonly minRespondents: number;
}

/** The other gender's row of a K or M row. */
const partnerId = (r: PublishedRow) => unitId({ ...r, gender: r.gender === "K" ? "M" : "K" });

/** Withholds survey rows as §15 and §8 say (see the top of this file). */
export async function withholdSurvey(rows: readonly IndicatorRow[], rules: SurveyRules): Promise<SurveyWithheld> {
  const { threshold, minRespondents } = rules;
  if (!Number.isInteger(minRespondents) || minRespondents < 1) throw new Error(`invalid survey_min_respondents: ${minRespondents}`);
  const byId = new Map(rows.map((r) => [unitId(r), r]));
  const cells = cellsOf(rows);
  // 1. the respondent rule, per question: women and men together, the total on its own
  const few = (c: Cell | undefined) => c !== undefined && c.respondents!.status === "" && c.respondents!.value! >= 1 && c.respondents!.value! < minRespondents;
  const cell = (key: string, g: Gender) => cells.get(`${key}|${g}`);
  const reasons = new Map<string, SurveyReason>();
  const withhold = (c: Cell | undefined, why: SurveyReason) => {
    for (const r of c ? [c.respondents!, c.share!, c.mean!] : []) if (r.status === "" && !reasons.has(unitId(r))) reasons.set(unitId(r), why);
  };
  for (const c of cells.values()) {
    if (c.gender !== "T") continue;
    if (few(cell(c.key, "K")) || few(cell(c.key, "M"))) for (const g of ["K", "M"] as const) withhold(cell(c.key, g), "respondents");
    if (few(c)) withhold(c, "respondents");
  }
  // 2. §8: shares on fewer than 10 respondents, then the secondary withholding, each withheld row of
  //    women or men with its partner, until nothing changes (withholding more only widens what an
  //    attacker can deduce, so the loop ends protected)
  for (const r of rows) {
    if (r.indicator === "survey_positive_share" && r.status === "" && (r.denominator ?? 0) < minShareDenominator && !reasons.has(unitId(r))) reasons.set(unitId(r), "confidentiality");
  }
  const truth = (r: PublishedRow, field: "numerator" | "denominator") => r[field] ?? 0;
  for (;;) {
    const known = surveyKnowledge(rows, truth, (r) => reasons.has(unitId(r)));
    const result = await withholdUnits({ counts: known.counts, units: known.units, relations: known.relations, threshold, exactRanges: false });
    for (const id of result.withheld) if (!reasons.has(id)) reasons.set(id, "confidentiality");
    // the result is protected; only a partner withheld now hides counts it has not checked
    let more = false;
    for (const [id, why] of [...reasons]) {
      const r = byId.get(id)!;
      if (r.gender === "T") continue;
      const partner = byId.get(partnerId(r));
      if (partner && partner.status === "" && !reasons.has(partnerId(r))) {
        reasons.set(partnerId(r), why);
        more = true;
      }
    }
    if (!more) break;
  }
  const out = rows.map((r): PublishedRow => (reasons.has(unitId(r)) ? { ...r, value: null, numerator: null, denominator: null, status: ".." } : r));
  const byRespondents = [...reasons.values()].filter((w) => w === "respondents").length;
  return { rows: out, reasons, withheld: reasons.size, byRespondents, byConfidentiality: reasons.size - byRespondents };
}

/**
 * The audit: from the published rows alone, the range an attacker can deduce for every hidden count
 * (§8: each must be wider than the threshold). `truth` gives withheld counts' real values only so that
 * a failure can say what leaked.
 */
export async function checkSurvey(
  published: readonly PublishedRow[],
  truth: readonly IndicatorRow[],
  threshold: number
): Promise<{ ok: boolean; hidden: number; narrowest: number | null; failures: { id: string; value: number; range: Range }[]; ranges: ReadonlyMap<string, Range> }> {
  const real = new Map(truth.map((r) => [unitId(r), r]));
  const shown = new Set<string>();
  const value = (r: PublishedRow, field: "numerator" | "denominator") => {
    const v = r.status === "" ? r[field] : real.get(unitId(r))?.[field];
    if (v === null || v === undefined) throw new Error(`no value for ${field} of ${unitId(r)}`);
    return v;
  };
  const known = surveyKnowledge(published.filter((r) => !r.municipality.startsWith("group:") && r.municipality !== "network"), value);
  const publishedUnits = new Set(published.filter((r) => r.status === "").map((r) => unitId(r)));
  for (const u of known.units) if (publishedUnits.has(u.id)) u.counts.forEach((c) => shown.add(c));
  const hidden = new Set(known.counts.map((c) => c.id).filter((id) => !shown.has(id)));
  const result = await audit(known.counts, hidden, known.relations, threshold);
  let narrowest: number | null = null;
  for (const r of result.ranges.values()) narrowest = Math.min(narrowest ?? Infinity, r.hi - r.lo);
  return { ok: result.ok, hidden: hidden.size, narrowest, failures: result.failures, ranges: result.ranges };
}

// ---------------------------------------------------------------------------------------------
// Comparison and publishing.

/**
 * The network mean (§6.4) and the comparison groups' means (§13) of the published rows, by
 * compare() and groupMeans(): the rows of every report follow one rule, in the reports' order
 * (sortFigures: indicator, question in the list's order, municipalities, groups, the network, year, gender).
 */
export function surveyFigures(published: readonly PublishedRow[], dimension: Dimension, groups: readonly { id: string; members: readonly string[] }[] = []): Figure[] {
  const figures = [...compare(published, surveyIndicators), ...groupMeans(published, groups, surveyIndicators)];
  return sortFigures(figures, { indicators: surveyIndicators, dimensions: [dimension] });
}

/** What was withheld on the page, and why: the rows of the latest year (the page shows that year). */
function notesOf(w: SurveyWithheld, year: number): SurveyNote[] {
  return w.rows
    .filter((r) => r.status === ".." && r.year === year)
    .map((r) => ({ municipality: r.municipality, question: r.category!, gender: r.gender, indicator: r.indicator, reason: w.reasons.get(unitId(r))! }));
}

export interface SurveyPublishOptions {
  readonly schema: Schema;
  readonly run: RunInfo;
  readonly threshold: number;
  readonly settings: Settings;
  /** names of the network's municipalities (the index's freshness); any other by its official name */
  readonly municipalities?: readonly Municipality[];
}

export interface SurveySummary {
  readonly file: "survey.html";
  readonly figures: number;
  readonly withheld: number;
  readonly byRespondents: number;
  readonly byConfidentiality: number;
  /** the audit: hidden counts, and the narrowest range an attacker can deduce for one of them */
  readonly hiddenCounts: number;
  readonly narrowestRange: number | null;
}

/**
 * survey.html and data/survey.csv, .xlsx and .arrow (contract §7, §15) into dir, from survey_values
 * (the marts must have run). Nothing is written when no municipality has survey data (null).
 */
export async function publishSurvey(db: Db, dir: string, o: SurveyPublishOptions): Promise<SurveySummary | null> {
  const truth = await surveyRows(db);
  if (truth.length === 0) return null;
  const dimension = questionDimension(o.schema, truth);
  const minRespondents = o.settings.surveyMinRespondents;
  const protection = await withholdSurvey(truth, { threshold: o.threshold, minRespondents });
  const check = await checkSurvey(protection.rows, truth, o.threshold);
  if (!check.ok) {
    throw new Error(`the survey figures let withheld counts be worked out: ${check.failures.slice(0, 3).map((f) => `${f.id} in [${f.range.lo}, ${f.range.hi}]`).join("; ")}`);
  }
  const years = [...new Set(truth.map((r) => r.year))].sort((a, b) => a - b);
  const latest = years[years.length - 1];
  // names as the index gives them, else the official list's for the year the page shows (§12)
  const names = new Map((o.municipalities ?? []).map((m) => [m.code, m.name]));
  const codes = [...new Set(truth.map((r) => r.municipality))].sort();
  const municipalities = codes.map((code) => ({ code, name: names.get(code) ?? municipalityName(code, latest) }));
  const groups = groupsInNetwork(o.settings.comparisonGroups, codes);
  const figures = surveyFigures(protection.rows, dimension, groups);
  const language = o.settings.language;
  const comparisonGroups = groups.map((g) => {
    const def = o.settings.comparisonGroups[g.id];
    return { id: g.id, name: def[language] ?? def.sv, members: g.members };
  });
  mkdirSync(join(dir, "data"), { recursive: true });
  writeFileSync(join(dir, "survey.html"), renderSurveyPage({
    language, run: o.run, threshold: o.threshold, minRespondents,
    questions: dimension.categories, municipalities, years, figures, comparisonGroups,
    withheld: notesOf(protection, latest)
  }));
  // for Excel in the pages' language (contract §7): headers, names, questions and statuses as on the page
  await writeDownloads({ language, targetGroup: surveyReport, indicators: surveyIndicators, dimensions: [dimension], municipalities, figures, comparisonGroups }, join(dir, "data", "survey"));
  return {
    file: "survey.html", figures: figures.length, withheld: protection.withheld, byRespondents: protection.byRespondents,
    byConfidentiality: protection.byConfidentiality, hiddenCounts: check.hidden, narrowestRange: check.narrowest
  };
}
