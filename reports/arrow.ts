// data/<target-group>.arrow (contract §7): the CSV's rows, in its order, as an Apache Arrow IPC file
// with typed columns — codes as dictionary-encoded strings, the year as Int16, the figures as Float64.
// An empty CSV cell is null here (a total row's dimension and category, a published row's status,
// a missing or withheld figure).
import { Dictionary, Float64, Int16, Int32, makeData, makeVector, Table, tableToIPC, Utf8, vectorFromArray } from "apache-arrow";
import type { Figure } from "./model.js";

/** A dictionary-encoded text column; its dictionary's id is given (else a global counter numbers
 *  them, and the same figures would give other bytes). The codes are numbered in the order first
 *  seen, as Arrow's builder numbers them, but without its per-value hashing of the bytes (10⁵ rows). */
const text = (id: number, values: readonly (string | undefined)[]) => {
  const codes = new Map<string, number>();
  const keys = new Int32Array(values.length);
  const valid = new Uint8Array((values.length + 7) >> 3);
  let nulls = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!v) {
      nulls++;
      continue;
    }
    let code = codes.get(v);
    if (code === undefined) codes.set(v, (code = codes.size));
    keys[i] = code;
    valid[i >> 3] |= 1 << (i & 7);
  }
  const type = new Dictionary(new Utf8(), new Int32(), id);
  const dictionary = vectorFromArray([...codes.keys()], new Utf8());
  return makeVector(makeData({ type, length: values.length, nullCount: nulls, nullBitmap: nulls > 0 ? valid : null, data: keys, dictionary }));
};
const numbers = (values: readonly (number | null)[]) => vectorFromArray(values, new Float64());

/** The figures in the order given as the bytes of an Arrow IPC file. As in the CSV, a withheld row
 *  has no value, numerator or denominator whatever the input holds. */
export function figuresArrow(figures: readonly Figure[]): Uint8Array {
  for (const f of figures) {
    if (f.status !== "" && f.status !== ".." && f.status !== "-") throw new Error(`invalid status: ${String(f.status)}`);
    if (!Number.isInteger(f.year) || f.year < 0 || f.year > 9999) throw new Error(`invalid year: ${f.year}`); // Int16
    if (f.gender !== "K" && f.gender !== "M" && f.gender !== "T") throw new Error(`invalid gender code: ${String(f.gender)}`);
  }
  const published = (pick: (f: Figure) => number | null) => numbers(figures.map((f) => (f.status === ".." ? null : pick(f))));
  const table = new Table({
    indicator: text(0, figures.map((f) => f.indicator)),
    dimension: text(1, figures.map((f) => f.dimension)),
    category: text(2, figures.map((f) => f.category)),
    municipality: text(3, figures.map((f) => f.municipality)),
    year: vectorFromArray(figures.map((f) => f.year), new Int16()),
    gender: text(4, figures.map((f) => f.gender)),
    value: published((f) => f.value),
    numerator: published((f) => f.numerator),
    denominator: published((f) => f.denominator),
    status: text(5, figures.map((f) => f.status))
  });
  return tableToIPC(table, "file");
}
