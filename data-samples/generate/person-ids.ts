// person_id as the municipalities write it: hex pseudonyms of several lengths, Swedish personnummer
// (also samordningsnummer) in three notations, or Norwegian fødselsnummer (also D-numbers). One
// IdMaker serves a whole run so that no identity number is given to two people, even in two
// municipalities.
import { makeFodselsnummer, makePersonnummer } from "../../pipeline/contract/identity.js";
import { daysIn } from "./months.js";
import type { Random } from "./random.js";

/** How person_id is written: a hex pseudonym of that length, a personnummer, or a fødselsnummer (fnr). */
export type IdForm = "hex16" | "hex32" | "hex40" | "hex64" | "pnr12" | "pnr12-dash" | "pnr10-dash" | "fnr";

/** Makes person_ids in one id space for a whole run: an identity number is never given twice.
 *  (Pseudonyms of ≥ 64 random bits are not tracked: a collision is as good as impossible.) */
export class IdMaker {
  private readonly used = new Set<string>();

  /** `coordination`: a samordningsnummer (Sweden) or D-number (Norway), for someone not (yet) registered as resident. */
  make(form: IdForm, rng: Random, birthYear: number, female: boolean, coordination: boolean): string {
    if (form.startsWith("hex")) return rng.hex(Number(form.slice(3)));
    if (form === "fnr") return this.fodselsnummer(rng, birthYear, female, coordination);
    for (;;) {
      const month = rng.int(1, 12);
      const birth = { year: birthYear, month, day: rng.int(1, daysIn(birthYear, month)) };
      // the ninth digit is odd for men and even for women
      const serial = rng.int(0, 99) * 10 + rng.int(0, 4) * 2 + (female ? 0 : 1);
      const twelve = makePersonnummer(birth, serial, coordination);
      if (this.used.has(twelve)) continue;
      this.used.add(twelve);
      if (form === "pnr12") return twelve;
      if (form === "pnr12-dash") return `${twelve.slice(0, 8)}-${twelve.slice(8)}`;
      return `${twelve.slice(2, 8)}-${twelve.slice(8)}`;
    }
  }

  /** DDMMYY + individual number + two mod-11 check digits (a D-number adds 4 to the first digit). The
   *  individual number tells the century — 000–499 for 1900–1999, 500–999 for 2000–2039 — and its last
   *  digit the gender (odd men, even women); a draw whose check digit would be 10 is drawn again. */
  private fodselsnummer(rng: Random, birthYear: number, female: boolean, dNumber: boolean): string {
    if (birthYear < 1900 || birthYear > 2039) throw new Error(`no fødselsnummer for birth year ${birthYear}`);
    for (;;) {
      const month = rng.int(1, 12);
      const birth = { year: birthYear, month, day: rng.int(1, daysIn(birthYear, month)) };
      const individual = (birthYear >= 2000 ? 500 : 0) + rng.int(0, 49) * 10 + rng.int(0, 4) * 2 + (female ? 0 : 1);
      const eleven = makeFodselsnummer(birth, individual, dNumber);
      if (eleven === null || this.used.has(eleven)) continue;
      this.used.add(eleven);
      return eleven;
    }
  }
}
