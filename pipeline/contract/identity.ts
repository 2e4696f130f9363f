// Identity numbers in person_id (contract §2): Swedish personnummer / samordningsnummer (Luhn mod 10)
// and Norwegian fødselsnummer / D-number (two mod-11 check digits), or an already pseudonymised id
// (16–64 hex digits). This is the reference implementation in JS; the set-based one that the pipeline
// runs is sql/macros/person_key.sql, and tests hold the two to the same answers.

export type IdentityKind = "se" | "no" | "pseudonym";

export type Identity =
  | { readonly ok: true; readonly kind: IdentityKind; /** the string that is keyed: se:YYYYMMDDNNNC, no:DDMMYYIIIKK or p:<hex> */ readonly normalised: string }
  | { readonly ok: false; readonly reason: "format" | "checksum" };

const pseudonymPattern = /^[0-9a-fA-F]{16,64}$/;
const swedishPattern = /^(\d{2})?(\d{6})([-+]?)(\d{4})$/;
const norwegianPattern = /^\d{11}$/;

/** Luhn check digit (weights 2,1,2,…) for the nine digits YYMMDDNNN of a Swedish number. */
export function luhnDigit(nine: string): number {
  let sum = 0;
  for (let i = 0; i < 9; i++) {
    let d = (nine.charCodeAt(i) - 48) * (i % 2 === 0 ? 2 : 1);
    if (d > 9) d -= 9;
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

const w1 = [3, 7, 6, 1, 8, 9, 4, 5, 2];
const w2 = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];

function mod11(digits: string, weights: number[]): number {
  let sum = 0;
  for (let i = 0; i < weights.length; i++) sum += (digits.charCodeAt(i) - 48) * weights[i];
  const k = 11 - (sum % 11);
  return k === 11 ? 0 : k; // 10 means: no valid check digit exists
}

/** The two check digits of a Norwegian number from its first nine digits, or null if none is valid. */
export function norwegianCheckDigits(nine: string): string | null {
  const k1 = mod11(nine, w1);
  if (k1 === 10) return null;
  const k2 = mod11(nine + k1, w2);
  if (k2 === 10) return null;
  return `${k1}${k2}`;
}

/**
 * Parses a person_id. `year` is the year of the row (a bistand month's year, an insats start year):
 * a 10-digit Swedish number gets the latest century that does not put the birth after that year,
 * or, with `+`, that makes the person at least 100 that year.
 */
export function parseIdentity(raw: string, year: number): Identity {
  const s = raw.trim();
  if (pseudonymPattern.test(s)) return { ok: true, kind: "pseudonym", normalised: `p:${s.toLowerCase()}` };
  const se = swedishPattern.exec(s);
  if (se) {
    const [, century, yymmdd, sep, tail] = se;
    const ten = yymmdd + tail;
    if (luhnDigit(ten.slice(0, 9)) !== Number(ten[9])) return { ok: false, reason: "checksum" };
    let full: string;
    if (century) {
      full = century + ten;
    } else {
      const yy = Number(yymmdd.slice(0, 2));
      const limit = sep === "+" ? year - 100 : year;
      let birth = Math.floor(limit / 100) * 100 + yy;
      if (birth > limit) birth -= 100;
      full = String(birth).padStart(4, "0") + ten.slice(2);
    }
    return { ok: true, kind: "se", normalised: `se:${full}` };
  }
  if (norwegianPattern.test(s)) {
    if (norwegianCheckDigits(s.slice(0, 9)) !== s.slice(9)) return { ok: false, reason: "checksum" };
    return { ok: true, kind: "no", normalised: `no:${s}` };
  }
  return { ok: false, reason: "format" };
}

/** A valid Swedish number for a birth date and a 3-digit serial (for test data): YYYYMMDDNNNC. */
export function makePersonnummer(birth: { year: number; month: number; day: number }, serial: number, coordination = false): string {
  const yyyy = String(birth.year).padStart(4, "0");
  const mm = String(birth.month).padStart(2, "0");
  const dd = String(birth.day + (coordination ? 60 : 0)).padStart(2, "0");
  const nnn = String(serial % 1000).padStart(3, "0");
  const nine = yyyy.slice(2) + mm + dd + nnn;
  return yyyy + mm + dd + nnn + luhnDigit(nine);
}

/** A valid Norwegian number for a birth date and an individual number, or null if that one has no valid check digits. */
export function makeFodselsnummer(birth: { year: number; month: number; day: number }, individual: number, dNumber = false): string | null {
  const dd = String(birth.day + (dNumber ? 40 : 0)).padStart(2, "0");
  const nine = dd + String(birth.month).padStart(2, "0") + String(birth.year % 100).padStart(2, "0") + String(individual % 1000).padStart(3, "0");
  const k = norwegianCheckDigits(nine);
  return k === null ? null : nine + k;
}
