// Insatser (labour-market measures) of the insats snapshot: the contract's measure, need, referral
// and exit codes, how long a measure lasts and what it costs, and what one participant takes part
// in: a measure, sometimes followed by a second, ending in work or studies the more often the
// closer the participant is to the labour market.
import type { Household, Person } from "./population.js";
import { daysIn } from "./months.js";
import type { Random, Weighted } from "./random.js";
import { groupOf, reasonCodes, type ReasonGroup } from "./reasons.js";

export const measureCodes = [
  "assessment_guidance", "job_search", "work_training", "internship", "education",
  "subsidised_employment", "municipal_employment", "motivational_support", "rehabilitation", "other"
] as const;
export type MeasureCode = (typeof measureCodes)[number];

export const exitCodes = [
  "work", "studies", "municipal_employment", "other_measure", "employment_service",
  "ill_health", "moved", "dropped_out", "other", "unknown"
] as const;
export type ExitCode = (typeof exitCodes)[number];

type NeedCode = "A_ready" | "B_short_support" | "C_long_support" | "D_not_available";
type ReferredCode = "social_services" | "employment_service" | "other";

/** One row of the insats file, in contract codes; dates are UTC milliseconds. */
export interface Measure {
  measure: MeasureCode;
  need: NeedCode | null;
  referred: ReferredCode | null;
  start: number;
  end: number | null;
  exit: ExitCode | null;
  costKr: number | null;
}

const dayMs = 86_400_000;

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

/** One participant's measures: one, sometimes a second that follows the first. A recipient's
 *  (h: their household) starts in a month with assistance; an outsider's (h null) any day from
 *  `first` to `snapshot`, the day the snapshot is taken. */
export function* measuresOf(p: Person, h: Household | null, rng: Random, years: readonly number[], first: number, snapshot: number): Generator<Measure> {
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
    const year = years[Math.floor(gm / 12)];
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
