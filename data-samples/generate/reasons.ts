// Försörjningshinder (reason codes) as the people model draws them: the contract's codes
// (schemas/codes.json; the tests check that every code used here exists there), their target groups,
// and the weights that make the reason-of-the-year shares come out near the national figures.
import type { Random, Weighted } from "./random.js";

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
export type ReasonCode = (typeof reasonCodes)[number];
export type ReasonGroup = "unemployment" | "ill_health" | "social_reasons" | "insufficient_income" | "other";

export const groupOf = (r: ReasonCode): ReasonGroup =>
  r.startsWith("unemployed_") || r.startsWith("establishment_") ? "unemployment"
  : r.startsWith("sick_") || r.startsWith("disability_") ? "ill_health"
  : r === "social_reasons" || r === "no_childcare" || r === "unaccompanied_youth_student" ? "social_reasons"
  : r === "no_barrier" ? "other"
  : "insufficient_income";

/** A reason code's index into reasonCodes (the people model keeps reasons as indexes). */
export const R = Object.fromEntries(reasonCodes.map((c, i) => [c, i])) as Record<ReasonCode, number>;
/** No reason: a month written without a reason code. */
export const NONE = -1;

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

/** A person's usual reason (an index into reasonCodes), by age and whether born abroad. */
export function drawReason(rng: Random, age: number, bornAbroad: boolean): number {
  if (age >= 65) return rng.chance(0.8) ? R.pension_insufficient : R.pension_awaiting;
  return drawInGroup(rng, rng.weighted(groupWeights), age, bornAbroad);
}

/** A reason in the given group, fitting the person's age and origin. */
export function drawInGroup(rng: Random, group: ReasonGroup, age: number, bornAbroad: boolean): number {
  let code = rng.weighted(leaves[group]);
  if ((code === "pension_insufficient" || code === "pension_awaiting") && age < 62) code = "working_parttime_insufficient";
  if (code === "unaccompanied_youth_student" && (age > 21 || !bornAbroad)) code = "social_reasons";
  return R[code];
}

/** Another reason than `current`, half the time in the same group (current itself if none is drawn). */
export function changeReason(rng: Random, current: number, age: number, bornAbroad: boolean): number {
  for (let i = 0; i < 8; i++) {
    const next = rng.chance(0.5) ? drawInGroup(rng, groupOf(reasonCodes[current]), age, bornAbroad) : drawReason(rng, age, bornAbroad);
    if (next !== current) return next;
  }
  return current;
}
