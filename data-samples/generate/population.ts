// The people model of one municipality: households of one adult or a couple, the months each has
// assistance year by year (many continue, some come back, the rest leave; the long-term share is
// steered to ≈ 40 %), and each person's reason per month. Only this model is kept in memory while
// a municipality's files are written, never a file's rows.
import type { Dialect } from "./dialects.js";
import { longPattern, popcount, shortPattern } from "./months.js";
import type { Currency, MunicipalitySpec } from "./options.js";
import type { IdMaker } from "./person-ids.js";
import { unit, type Random, type Weighted } from "./random.js";
import { changeReason, drawInGroup, drawReason, groupOf, NONE, R, reasonCodes } from "./reasons.js";

export interface Person {
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

export interface Household {
  readonly no: number;
  readonly id: string;
  readonly members: Person[];
  /** per year index: 12-bit mask of months with assistance (bit 0 = January) */
  readonly active: number[];
  readonly seed: number;
  /** typical monthly amount, öre */
  readonly baseOre: number;
  /** the amount levels of the municipality's currency */
  readonly money: MoneyLevel;
}

/** A currency's amount level: a factor on the Swedish amounts, and whether amounts have öre. */
export interface MoneyLevel {
  readonly factor: number;
  readonly ore: boolean;
}

/** Norwegian assistance is paid at about a quarter higher levels than Swedish, in whole kroner. */
export const moneyLevels: Readonly<Record<Currency, MoneyLevel>> = { SEK: { factor: 1, ore: true }, NOK: { factor: 1.25, ore: false } };

export interface Population {
  readonly households: Household[];
}

const ageBands: Weighted<readonly [number, number]> = [
  [[18, 24], 21.5], [[25, 29], 16.5], [[30, 39], 22], [[40, 49], 17], [[50, 59], 14], [[60, 64], 7], [[65, 80], 4]
];

const establishmentWeights: Weighted<number> = [[R.establishment_insufficient, 45], [R.establishment_awaiting, 30], [R.establishment_none, 25]];

const P_NEWLY_ARRIVED = 0.075;
const P_NEVER_CODED = 0.012;
const P_MONTH_UNCODED = 0.025;
const P_REASON_CHANGE = 0.2;
const LONG_TERM_SHARE = 0.4;

export class PopulationBuilder {
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
    const money = moneyLevels[this.spec.currency ?? "SEK"];
    const baseKr = (couple ? 7000 + 9000 * beta(rng) : 4000 + 8000 * beta(rng)) * money.factor;
    const h: Household = {
      no,
      id: this.dialect.household(this.spec.code, no),
      members,
      active: this.years.map(() => 0),
      seed: rng.next(),
      baseOre: Math.round(baseKr * 100),
      money
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

/** The amount of a household-month (gm: year index × 12 + month) in öre: the household's level,
 *  varying a little by month, now and then a one-off addition; whole kronor mostly, sometimes öre
 *  (in NOK whole kroner always). */
export function amountOre(h: Household, gm: number): number {
  const f = h.money.factor;
  let kr = (h.baseOre / 100) * (0.88 + 0.24 * unit(h.seed, gm * 4));
  if (unit(h.seed, gm * 4 + 1) < 0.08) kr += (800 + 2500 * unit(h.seed, gm * 4 + 2)) * f;
  kr = clamp(kr, 4000 * f, 16000 * f);
  if (!h.money.ore) return Math.round(kr) * 100;
  const u = unit(h.seed, gm * 4 + 3);
  return u < 0.6 ? Math.round(kr) * 100 : u < 0.8 ? Math.round(kr * 2) * 50 : Math.round(kr * 100);
}

function drawAge(rng: Random): number {
  const [lo, hi] = rng.weighted(ageBands);
  return rng.int(lo, hi);
}

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));
/** A hump-shaped value in [0, 1] (mean of two uniforms). */
const beta = (rng: Random) => (rng.float() + rng.float()) / 2;
