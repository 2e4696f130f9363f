// person_id as the municipalities write it: hex pseudonyms of several lengths, or personnummer
// (also samordningsnummer) in three notations. One IdMaker serves a whole run so that no personnummer
// is given to two people, even in two municipalities.
import { makePersonnummer } from "../../pipeline/contract/identity.js";
import { daysIn } from "./months.js";
import type { Random } from "./random.js";

/** How person_id is written: a hex pseudonym of that length, or a personnummer. */
export type IdForm = "hex16" | "hex32" | "hex40" | "hex64" | "pnr12" | "pnr12-dash" | "pnr10-dash";

/** Makes person_ids in one id space for a whole run: a personnummer is never given twice.
 *  (Pseudonyms of ≥ 64 random bits are not tracked: a collision is as good as impossible.) */
export class IdMaker {
  private readonly used = new Set<string>();

  make(form: IdForm, rng: Random, birthYear: number, female: boolean, coordination: boolean): string {
    if (form.startsWith("hex")) return rng.hex(Number(form.slice(3)));
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
}
