// Insatser (labour-market measures) of the insats snapshot: the contract's measure, need, referral
// and exit codes, how long a measure lasts and what it costs, and what one participant takes part
// in: a measure, sometimes followed by a second, ending in work or studies the more often the
// closer the participant is to the labour market; for a few, before these, a long measure (two to
// three years) that was already running when the first year began; and a few measures broken off
// in their first weeks (a no-show, a move), so every duration band of contract §6.3 occurs.
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
  ["subsidised_employment", 5], ["municipal_employment", 7], ["motivational_support", 6], ["rehabilitation", 5], ["other", 5]
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
/** The measures that can run for years (a subsidised or the municipality's own employment, adult
 *  vocational education, rehabilitation, a long work training), as a participant's measure already
 *  running when the first year began. */
const longMeasureWeights: Weighted<MeasureCode> = [
  ["subsidised_employment", 30], ["education", 25], ["rehabilitation", 20], ["municipal_employment", 10], ["work_training", 10], ["other", 5]
];
/** Share of participants with such a measure before their first measure of the years. */
const runningShare = 0.06;
/** Of the measures ending for this reason, the share broken off in their first four weeks. */
const earlyEndShare: Readonly<Partial<Record<ExitCode, number>>> = { dropped_out: 0.25, moved: 0.1, ill_health: 0.1, other: 0.1, unknown: 0.15 };

/** Work and studies are likelier the closer a participant is to the labour market. */
const workLikelihood: Readonly<Record<NeedCode, number>> = { A_ready: 1.4, B_short_support: 1.1, C_long_support: 0.7, D_not_available: 0.4 };

function finalExit(rng: Random, need: NeedCode | null): ExitCode {
  const w = need === null ? 1 : workLikelihood[need];
  return rng.weighted<ExitCode>([
    ["work", 34 * w], ["studies", 15 * w], ["municipal_employment", 9], ["employment_service", 11], ["ill_health", 9],
    ["moved", 6], ["dropped_out", 11], ["other", 8], ["unknown", 6]
  ]);
}

/** A long measure (24–36 whole months) that was already running when the first year began
 *  (`first`), started in one of the two years before it and ended before the participant's first
 *  measure of the years starts (`next`); or null (most participants; or it would have ended before
 *  `first`, or begun before the participant was 19). Its exit is `other_measure` when the next
 *  measure follows within a month. */
function runningBefore(p: Person, need: NeedCode | null, referred: ReferredCode | null, next: number, first: number, rng: Random, costFactor: number): Measure | null {
  if (!rng.chance(runningShare)) return null;
  const end = next - rng.int(1, 180) * dayMs;
  // 735 days are more than 24 whole months from any start day; 1 110 days about 36 months; the
  // start no earlier than 1 January two years before the first year
  const earliest = Date.UTC(new Date(first).getUTCFullYear() - 2, 0, 1);
  const days = rng.int(735, Math.max(735, Math.min(1110, Math.floor((end - earliest) / dayMs))));
  const start = end - days * dayMs;
  const measure = rng.weighted(longMeasureWeights);
  const exit: ExitCode = next - end <= 31 * dayMs ? "other_measure" : finalExit(rng, need);
  const costKr = rng.chance(0.3) ? null : Math.round(days / 30.4 * (measureTerms[measure][2] * costFactor) * (0.8 + 0.4 * rng.float()));
  if (end < first || start < earliest || new Date(start).getUTCFullYear() - p.birthYear < 19) return null;
  return { measure, need, referred, start, end, exit, costKr };
}

/** One participant's measures: one, sometimes a second that follows the first. A recipient's
 *  (h: their household) starts in a month with assistance; an outsider's (h null) any day from
 *  `first` to `snapshot`, the day the snapshot is taken. Before these, for a few, a long measure
 *  already running on `first`; and a few measures end in their first four weeks. What these add
 *  is drawn from `more`, so the draws from `rng` are the same with or without them. Costs are the
 *  Swedish levels (SEK) times `costFactor`. */
export function* measuresOf(
  p: Person, h: Household | null, rng: Random, more: Random, years: readonly number[], first: number, snapshot: number, costFactor = 1
): Generator<Measure> {
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
  const running = runningBefore(p, need, referred, start, first, more, costFactor);
  if (running) yield running;
  let measure: MeasureCode = rng.weighted(measureWeights);
  for (let k = 0; k < 2; k++) {
    const [lo, hi, sekPerMonth] = measureTerms[measure];
    const perMonth = sekPerMonth * costFactor;
    const days = rng.int(lo * 30, hi * 30 + 15);
    const endMs = start + days * dayMs;
    const ongoing = endMs > snapshot;
    const chained = !ongoing && k === 0 && rng.chance(0.2) && endMs + 31 * dayMs <= snapshot;
    let exit: ExitCode | null = null;
    if (!ongoing) exit = chained ? (rng.chance(0.25) ? "municipal_employment" : "other_measure") : finalExit(rng, need);
    const costKr = rng.chance(0.3) ? null : Math.round((Math.min(endMs, snapshot) - start) / dayMs / 30.4 * perMonth * (0.8 + 0.4 * rng.float()));
    const early = exit !== null && !chained ? earlyEndShare[exit] : undefined;
    if (early !== undefined && more.chance(early)) {
      // broken off in the first four weeks (0 whole months); a no-show within a week costs nothing
      const short = more.int(0, 27);
      const cost = costKr === null ? null : short <= 7 && (exit === "dropped_out" || exit === "unknown") ? 0 : Math.round((costKr * short) / days);
      yield { measure, need, referred, start, end: start + short * dayMs, exit, costKr: cost };
    } else yield { measure, need, referred, start, end: ongoing ? null : endMs, exit, costKr };
    if (!chained) return;
    start = endMs + rng.int(1, 30) * dayMs;
    measure = exit === "municipal_employment" ? "municipal_employment" : rng.pick<MeasureCode>(["work_training", "internship", "education", "subsidised_employment", "job_search"]);
  }
}
