// The network settings (contract §9, `--settings FILE`): one JSON object whose keys are all optional,
// parsed once at the boundary into a frozen, complete Settings — every default filled in — so that the
// rest of kas never asks whether a key was given. An unknown key or a bad value is wrong usage (exit 2)
// and the message names the key, what it holds and what is valid.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { z } from "zod";
import { UsageError } from "./config.js";
import { deepFreeze, languages, type Language } from "./contract/schema.js";
import { cliWords } from "./cli-words.js";

/** Contract §10's defaults: five years, 3.5 %, a year's taxes and contributions at ~25 000 SEK a month. */
export const socioeconomicDefaults = {
  horizon_years: 5,
  discount_rate: 0.035,
  public_revenue_per_work_year: 150000,
  work_retention: [1.0, 0.8, 0.7, 0.65, 0.6],
  studies_retention: [1.0, 0.9, 0.6, 0.3, 0.1],
  deadweight: 0
} as const;

const share = z.number().min(0).max(1);
const label = z.string().min(1).max(200);

const Socioeconomic = z
  .strictObject({
    horizon_years: z.number().int().min(1).max(30),
    discount_rate: z.number().min(0).max(1),
    public_revenue_per_work_year: z.number().min(0).max(10_000_000),
    work_retention: z.array(share).min(1),
    studies_retention: z.array(share).min(1),
    deadweight: share
  })
  .partial();

const SettingsFile = z.strictObject({
  $comment: z.string().optional(),
  name: label.optional(),
  language: z.enum(languages).optional(),
  threshold: z.number().int().min(1).max(100).optional(),
  survey_min_respondents: z.number().int().min(1).max(10_000).optional(),
  comparison_groups: z
    .record(
      z.string().regex(/^[a-z0-9][a-z0-9_-]*$/, "a group id is lower-case letters, digits, - and _"),
      z.strictObject({ sv: label, nb: label.optional(), en: label.optional(), municipalities: z.array(z.string().regex(/^\d{4}$/, "a municipality is a 4-digit code")).min(1) })
    )
    .optional(),
  socioeconomic: Socioeconomic.optional()
});

export interface SocioeconomicParameters {
  readonly horizon_years: number;
  readonly discount_rate: number;
  readonly public_revenue_per_work_year: number;
  readonly work_retention: readonly number[];
  readonly studies_retention: readonly number[];
  readonly deadweight: number;
}

export interface Settings {
  /** the network's name on every page; absent: the pages name no network */
  readonly name: string | undefined;
  /** the language of the pages and the command line (contract §12) */
  readonly language: Language;
  /** from the file; the command line's --threshold wins (pipeline/config.ts) */
  readonly threshold: number | undefined;
  readonly surveyMinRespondents: number;
  readonly comparisonGroups: Readonly<Record<string, { readonly sv: string; readonly nb?: string; readonly en?: string; readonly municipalities: readonly string[] }>>;
  readonly socioeconomic: SocioeconomicParameters;
  /** what a published site depends on: a change republishes (pipeline/publish/fingerprint.ts) */
  readonly digest: string;
}

/** The settings of a network without a settings file. */
export const defaultSettings: Settings = parseSettings({}, "(standard)");

/** Reads and checks a settings file; a missing file, bad JSON, an unknown key or a bad value is a UsageError. */
export function readSettings(file: string): Settings {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (e) {
    throw new UsageError(cliWords("sv").settings.unreadable(file, (e as NodeJS.ErrnoException).code ?? (e as Error).message));
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new UsageError(cliWords("sv").settings.notJson(file, (e as Error).message));
  }
  return parseSettings(raw, file);
}

/** The language a settings file asks for, where it names a valid one: its problems are told in it. */
function languageIn(raw: unknown): Language {
  const lang = raw !== null && typeof raw === "object" ? (raw as { language?: unknown }).language : undefined;
  return (languages as readonly unknown[]).includes(lang) ? (lang as Language) : "sv";
}

/** Checks raw settings (contract §9) and fills in every default. */
export function parseSettings(raw: unknown, file: string): Settings {
  const parsed = SettingsFile.safeParse(raw);
  const w = cliWords(languageIn(raw)).settings;
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => {
      const key = i.path.join(".") || w.wholeFile;
      const unknown = i.code === "unrecognized_keys" ? w.unknownKey(i.keys.map((k) => (i.path.length ? `${i.path.join(".")}.${k}` : k)).join(", ")) : null;
      return unknown ?? `${key}: ${i.message}`;
    });
    throw new UsageError(w.invalid(file, issues.join("; ")));
  }
  const s = parsed.data;
  const socioeconomic = { ...socioeconomicDefaults, ...s.socioeconomic };
  const h = socioeconomic.horizon_years;
  for (const key of ["work_retention", "studies_retention"] as const) {
    if (socioeconomic[key].length !== h) {
      throw new UsageError(w.retention(file, key, socioeconomic[key].length, h));
    }
  }
  const settings = {
    name: s.name,
    language: s.language ?? "sv",
    threshold: s.threshold,
    surveyMinRespondents: s.survey_min_respondents ?? 30,
    comparisonGroups: s.comparison_groups ?? {},
    socioeconomic
  };
  return deepFreeze({ ...settings, digest: createHash("sha256").update(JSON.stringify(settings)).digest("hex") });
}
