// A municipality's user-survey answers (contract §2 kind `survey`, §15): one file per survey year,
// one row per respondent and question, answers 1–6 (6 best) or empty for "vet ej". Who answered is
// given exactly (women, men and respondents who did not say their gender, per year), so that the
// samples' subgroups fall on the intended side of survey_min_respondents (30); what they answered is
// drawn from the municipality's own `survey` stream, so the other files stay as they were.
import { utimes } from "node:fs/promises";
import { join } from "node:path";
import { CsvFile } from "./csv-file.js";
import type { Dialect } from "./dialects.js";
import type { Random } from "./random.js";
import { XlsxFile, type Cell } from "./xlsx-file.js";

/** The questions of contract §3.6, in the order a questionnaire asks them. */
export const questions = ["contact", "information", "understanding", "influence", "respect", "overall_help", "situation_improved"] as const;
export type Question = (typeof questions)[number];

/** The contract's survey columns; every dialect writes them as they are (no profile renames them). */
export const surveyColumns = ["municipality", "year", "respondent", "gender", "question", "answer"] as const;

/** One survey year: how many respondents said they are women or men, and how many did not say. */
export interface SurveyYear {
  readonly year: number;
  readonly K: number;
  readonly M: number;
  readonly unsaid: number;
}

/** A municipality's survey: who answered in each year, and how satisfied they tend to be. */
export interface SurveySpec {
  readonly years: readonly SurveyYear[];
  /** the municipality's general level on the 1–6 scale (the mean of the latent answer before offsets) */
  readonly level: number;
  /** what the level gains (or loses) from one survey year to the next */
  readonly trend: number;
  /** the municipality's strengths (+) and weaknesses (−) per question, added to the level */
  readonly offsets?: Partial<Record<Question, number>>;
  /** a change of one question from one year to the next, on top of `trend` (a new way of working, say) */
  readonly questionTrend?: Partial<Record<Question, number>>;
}

/** How often a question is left at "vet ej / no answer": more often where the respondent may not yet
 *  know (influence, whether the situation improved) than for how they were met. */
const dontKnow: Readonly<Record<Question, number>> = {
  contact: 0.03, information: 0.04, understanding: 0.05, influence: 0.1, respect: 0.02, overall_help: 0.04, situation_improved: 0.12
};

/** Small differences between the genders, the same everywhere: women rate being understood and
 *  respected a little higher, men their influence. */
const genderEffect: Readonly<Record<"K" | "M", Partial<Record<Question, number>>>> = {
  K: { understanding: 0.15, respect: 0.15 },
  M: { influence: 0.1 }
};

/** The share of respondents who break the questionnaire off after two to six questions (no rows for the rest). */
const breakOff = 0.05;

/** One answer row. */
export interface SurveyRow {
  readonly year: number;
  readonly respondent: number;
  readonly gender: "K" | "M" | null;
  readonly question: Question;
  readonly answer: number | null;
}

/** The rows of one survey year (respondents numbered 1..n, in that order; questions in questionnaire
 *  order). The latent answer is level + the question's offset + the trend since the first year + the
 *  respondent's own leaning (normal, sd 0.7) + the gender effect + noise (normal, sd 0.85), rounded and
 *  kept within 1–6. */
export function surveyRows(spec: SurveySpec, yi: number, rng: Random): SurveyRow[] {
  const y = spec.years[yi];
  const genders: ("K" | "M" | null)[] = [...Array<"K">(y.K).fill("K"), ...Array<"M">(y.M).fill("M"), ...Array<null>(y.unsaid).fill(null)];
  for (let i = genders.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [genders[i], genders[j]] = [genders[j], genders[i]];
  }
  const rows: SurveyRow[] = [];
  genders.forEach((gender, i) => {
    const leaning = 0.7 * rng.normal();
    const last = rng.chance(breakOff) ? rng.int(2, 6) : questions.length;
    for (const question of questions.slice(0, last)) {
      const base = spec.level + (spec.offsets?.[question] ?? 0) + (spec.trend + (spec.questionTrend?.[question] ?? 0)) * yi;
      const latent = base + leaning + (gender ? (genderEffect[gender][question] ?? 0) : 0) + 0.85 * rng.normal();
      const answer = rng.chance(dontKnow[question]) ? null : Math.min(6, Math.max(1, Math.round(latent)));
      rows.push({ year: y.year, respondent: i + 1, gender, question, answer });
    }
  });
  return rows;
}

/** Writes <dir>/survey-<year>.csv|xlsx in the municipality's dialect — its file type, encoding,
 *  delimiter, line ends and gender codes; the columns are the contract's. Returns the path and rows. */
export async function writeSurvey(dir: string, municipality: string, d: Dialect, rows: readonly SurveyRow[], year: number, mtime: Date): Promise<{ path: string; rows: number }> {
  const path = join(dir, `survey-${year}.${d.file}`);
  const gender = (g: "K" | "M" | null) => (g === null ? null : (d.codes.gender?.[g] ?? g));
  if (d.file === "xlsx") {
    const f = XlsxFile.create(path, "Enkät", mtime, false);
    f.addRow(surveyColumns);
    for (const r of rows) f.addRow([municipality, r.year, r.respondent, gender(r.gender), r.question, r.answer] satisfies Cell[]);
    await f.close();
  } else {
    const f = await CsvFile.create(path, d.encoding);
    f.write(surveyColumns.join(d.delimiter) + d.eol);
    for (const r of rows) f.write([municipality, r.year, r.respondent, gender(r.gender) ?? "", r.question, r.answer ?? ""].join(d.delimiter) + d.eol);
    await f.close();
  }
  await utimes(path, mtime, mtime);
  return { path, rows: rows.length };
}
