// The bundled samples: data-samples/inbox, six KNUT municipalities (one per dialect plus a correction)
// that the tests, the profiles and `kas run` with no options rely on; and data-samples/inbox-no, a
// Norwegian network of five municipalities of KS's efficiency network, under their SSB codes valid
// from 2024. Changing a spec here changes the committed inboxes (test/generate.test.ts and
// test/samples-no.test.ts compare them byte for byte).
import { join } from "node:path";
import { samplesDir } from "../../pipeline/system/paths.js";
import { commentaries } from "./commentary.js";
import type { InhabitantsSpec, InhabitantTotal } from "./inhabitants.js";
import type { GenerateOptions, MunicipalitySpec } from "./options.js";
import type { SurveyYear } from "./survey.js";

export const sampleSeed = 20240101;
export const sampleYears = [2024, 2025];

/** Survey respondents of 2024 and 2025: [women, men, did not say] per year. */
const respondents = (y2024: [number, number, number], y2025: [number, number, number]): SurveyYear[] =>
  ([[2024, y2024], [2025, y2025]] as const).map(([year, [K, M, unsaid]]) => ({ year, K, M, unsaid }));

/** The six KNUT municipalities of data-samples/inbox. Survey sizes are chosen against the default
 *  survey_min_respondents (30): Södertälje, Nacka and Sundbyberg large (every subgroup ≥ 30);
 *  Nynäshamn with ≥ 30 women but < 30 men (so both genders are withheld, T stays); Salem with < 30
 *  women and < 30 men but ≥ 30 in all; Värmdö 2024 with men just above 30 (questions with many
 *  "vet ej" fall under). */
export function sampleSpecs(): MunicipalitySpec[] {
  return [
    {
      code: "0181", recipientsPerYear: 1200, dialect: "case-system-sv", commentary: commentaries["0181"],
      // hard to reach the case worker (better in 2025 with new telephone hours), respectful when reached
      survey: { years: respondents([118, 104, 14], [126, 117, 12]), level: 4.0, trend: 0.1, offsets: { contact: -0.6, information: -0.2, respect: 0.4, situation_improved: -0.3 }, questionTrend: { contact: 0.3 } }
    },
    {
      code: "0192", recipientsPerYear: 400, dialect: "numeric-codes", reasonApplicantOnly: true,
      survey: { years: respondents([44, 24, 4], [47, 26, 5]), level: 4.3, trend: 0, offsets: { influence: -0.5, situation_improved: -0.4, respect: 0.3 } }
    },
    {
      code: "0128", recipientsPerYear: 120, dialect: "contract", ids: "hex32", commentary: commentaries["0128"],
      survey: { years: respondents([21, 19, 4], [24, 22, 5]), level: 4.7, trend: 0.05, offsets: { contact: 0.4, understanding: 0.3, situation_improved: -0.2 } }
    },
    {
      code: "0183", recipientsPerYear: 600, dialect: "xlsx", ids: "hex16",
      // a new reception in 2025: contact and information improve
      survey: { years: respondents([58, 66, 7], [69, 71, 8]), level: 3.9, trend: 0.1, offsets: { information: -0.5, contact: -0.3 }, questionTrend: { contact: 0.6, information: 0.4 } }
    },
    {
      code: "0182", recipientsPerYear: 700, dialect: "excel-csv", ids: "hex40", commentary: commentaries["0182"],
      survey: { years: respondents([79, 72, 9], [84, 80, 10]), level: 4.4, trend: 0, offsets: { information: 0.4, influence: 0.2, overall_help: 0.2 } }
    },
    {
      code: "0120", recipientsPerYear: 300, dialect: "contract", ids: "pnr10-dash", correction: { year: 2025, months: [3, 4, 5] },
      survey: { years: respondents([47, 33, 6], [45, 43, 7]), level: 4.2, trend: -0.15, offsets: { respect: 0.3 }, questionTrend: { influence: -0.3 } }
    }
  ];
}

/**
 * Inhabitants at 31 December 2024 and 2025 (contract §11). Published totals (data-samples/README.md
 * cites them): Södertälje 102 911 and Nacka 112 112 (SCB, Folkmängd i riket, län och kommuner 31
 * december 2024), Sundbyberg 56 274 (SCB's figure as listed by the press). Every other total,
 * and all of 2025, is MODELLED: a plausible size near the last published figure found, not SCB's.
 */
const totalsSe: readonly InhabitantTotal[] = [
  { municipality: "0181", year: 2024, persons: 102_911, source: "published" },
  { municipality: "0181", year: 2025, persons: 103_300, source: "modelled" },
  { municipality: "0192", year: 2024, persons: 30_450, source: "modelled" },
  { municipality: "0192", year: 2025, persons: 30_600, source: "modelled" },
  { municipality: "0128", year: 2024, persons: 17_640, source: "modelled" },
  { municipality: "0128", year: 2025, persons: 17_760, source: "modelled" },
  { municipality: "0183", year: 2024, persons: 56_274, source: "published" },
  { municipality: "0183", year: 2025, persons: 56_700, source: "modelled" },
  { municipality: "0182", year: 2024, persons: 112_112, source: "published" },
  { municipality: "0182", year: 2025, persons: 113_400, source: "modelled" },
  { municipality: "0120", year: 2024, persons: 47_200, source: "modelled" },
  { municipality: "0120", year: 2025, persons: 47_800, source: "modelled" }
];

/** The Swedish network's population file: modelled single-age figures (inhabitants.ts), not SCB's BE0101. */
export const sampleInhabitants: InhabitantsSpec = { name: "population-2024-2025.csv", totals: totalsSe };

/** The options that make data-samples/inbox (byte for byte, with the default seed). */
export function sampleOptions(outDir = join(samplesDir, "inbox"), seed = sampleSeed): GenerateOptions {
  return { outDir, seed, years: [...sampleYears], municipalities: sampleSpecs(), inhabitants: sampleInhabitants };
}

/** Five municipalities of KS's efficiency network for the introduction programme, under the SSB codes
 *  valid from 2024 (Bærum 0219 → 3024 → 3201; Halden 0101 → 3001 → 3101; Porsgrunn 0805 → 3806 → 4001;
 *  Harstad 1903 → 5402 → 5503; Bodø 1804 throughout): fødselsnummer and D-numbers, amounts in NOK,
 *  and Bodø exporting in KOSTRA's notation (schemas/profiles/kostra-no.json). */
export function sampleSpecsNo(): MunicipalitySpec[] {
  return [
    {
      code: "3201", recipientsPerYear: 900, dialect: "contract", ids: "fnr", currency: "NOK", commentary: commentaries["3201"],
      survey: { years: respondents([96, 88, 10], [102, 95, 9]), level: 4.4, trend: 0.05, offsets: { respect: 0.3, situation_improved: -0.3 } }
    },
    {
      code: "1804", recipientsPerYear: 600, dialect: "kostra-no", currency: "NOK", commentary: commentaries["1804"],
      survey: { years: respondents([64, 58, 6], [70, 61, 7]), level: 4.5, trend: 0.1, offsets: { contact: 0.3, influence: -0.2 } }
    },
    {
      code: "4001", recipientsPerYear: 500, dialect: "excel-csv", ids: "fnr", currency: "NOK",
      survey: { years: respondents([52, 27, 5], [55, 34, 6]), level: 4.0, trend: 0.15, offsets: { information: -0.3, overall_help: 0.1 } }
    },
    {
      code: "3101", recipientsPerYear: 400, dialect: "contract", ids: "fnr", currency: "NOK",
      survey: { years: respondents([36, 38, 4], [40, 41, 5]), level: 3.8, trend: 0.1, offsets: { understanding: -0.3, situation_improved: -0.4 } }
    },
    {
      // small: in 2025 fewer than 30 answered at all, so every survey figure of that year is withheld
      code: "5503", recipientsPerYear: 300, dialect: "contract", ids: "hex32", currency: "NOK",
      survey: { years: respondents([18, 16, 3], [14, 12, 2]), level: 4.6, trend: 0, offsets: { contact: 0.3 } }
    }
  ];
}

/** Inhabitants at 31 December 2024 and 2025 (SSB publishes them as the population at 1 January 2025
 *  and 2026). All MODELLED: plausible sizes within the KOSTRA size bands of settings-no.json, not SSB's
 *  table 07459 (see data-samples/README.md). */
const totalsNo: readonly InhabitantTotal[] = [
  { municipality: "3201", year: 2024, persons: 131_800, source: "modelled" },
  { municipality: "3201", year: 2025, persons: 132_600, source: "modelled" },
  { municipality: "1804", year: 2024, persons: 53_700, source: "modelled" },
  { municipality: "1804", year: 2025, persons: 54_100, source: "modelled" },
  { municipality: "4001", year: 2024, persons: 37_400, source: "modelled" },
  { municipality: "4001", year: 2025, persons: 37_600, source: "modelled" },
  { municipality: "3101", year: 2024, persons: 31_900, source: "modelled" },
  { municipality: "3101", year: 2025, persons: 32_100, source: "modelled" },
  { municipality: "5503", year: 2024, persons: 25_000, source: "modelled" },
  { municipality: "5503", year: 2025, persons: 25_100, source: "modelled" }
];

/** The Norwegian network's population file: modelled single-age figures (inhabitants.ts), not SSB's 07459. */
export const sampleInhabitantsNo: InhabitantsSpec = { name: "population-2024-2025.csv", totals: totalsNo };

/** The options that make data-samples/inbox-no (byte for byte, with the default seed). */
export function sampleOptionsNo(outDir = join(samplesDir, "inbox-no"), seed = sampleSeed): GenerateOptions {
  return { outDir, seed, years: [...sampleYears], municipalities: sampleSpecsNo(), inhabitants: sampleInhabitantsNo };
}
