// A report's rows as columns, to hand them to a protection thread (threads.ts → thread.ts). A
// structured clone of 10⁵ row objects writes every property name of every row and reads them all back
// on the other side: 0.8 s of the main thread's time for the seven reports of the 1 M rows benchmark,
// before the second thread could start. As columns — each text column its distinct values and a code
// per row, each number column one Float64Array — the arrays are moved to the thread, not copied, and
// the thread builds the same rows again (same values, null and undefined kept apart, one shape).
import type { IndicatorRow } from "./model.js";

const textKeys = ["indicator", "dimension", "category", "municipality", "gender", "status"] as const;
const numberKeys = ["year", "value", "numerator", "denominator"] as const;
type TextKey = (typeof textKeys)[number];
type NumberKey = (typeof numberKeys)[number];
type Text = string | null | undefined;

/** A number column's cell: a number, or null or undefined (what `kind` says). */
const NUMBER = 0, NULL = 1, UNDEFINED = 2;

export interface RowColumns {
  readonly length: number;
  /** per text column: its distinct values as the rows hold them, and each row's index among them */
  readonly text: Readonly<Record<TextKey, { readonly values: readonly Text[]; readonly codes: Uint32Array }>>;
  /** per number column: each row's number, and whether it is one (NUMBER) or null or undefined */
  readonly numbers: Readonly<Record<NumberKey, { readonly values: Float64Array; readonly kind: Uint8Array }>>;
}

/** The rows as columns, and the buffers to transfer with them (postMessage's transfer list). */
export function rowColumns(rows: readonly IndicatorRow[]): { columns: RowColumns; transfer: ArrayBuffer[] } {
  const n = rows.length;
  const transfer: ArrayBuffer[] = [];
  const text = {} as Record<TextKey, { values: Text[]; codes: Uint32Array }>;
  for (const key of textKeys) {
    const index = new Map<Text, number>();
    const values: Text[] = [];
    const codes = new Uint32Array(n);
    for (let i = 0; i < n; i++) {
      const v = (rows[i] as unknown as Record<TextKey, Text>)[key];
      let code = index.get(v);
      if (code === undefined) {
        if (v !== null && v !== undefined && typeof v !== "string") throw new Error(`rowColumns: ${key} is not text: ${String(v)}`);
        index.set(v, (code = values.length));
        values.push(v);
      }
      codes[i] = code;
    }
    text[key] = { values, codes };
    transfer.push(codes.buffer);
  }
  const numbers = {} as Record<NumberKey, { values: Float64Array; kind: Uint8Array }>;
  for (const key of numberKeys) {
    const values = new Float64Array(n);
    const kind = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      const v = (rows[i] as unknown as Record<NumberKey, number | null | undefined>)[key];
      if (typeof v === "number") values[i] = v;
      else if (v === null) kind[i] = NULL;
      else if (v === undefined) kind[i] = UNDEFINED;
      else throw new Error(`rowColumns: ${key} is not a number: ${String(v)}`);
    }
    numbers[key] = { values, kind };
    transfer.push(values.buffer, kind.buffer);
  }
  return { columns: { length: n, text, numbers }, transfer };
}

/** The rows again, in their order, each with the properties of an IndicatorRow in one order. */
export function columnRows(c: RowColumns): IndicatorRow[] {
  const t = <K extends TextKey>(key: K, i: number) => c.text[key].values[c.text[key].codes[i]];
  const num = (key: NumberKey, i: number) => {
    const kind = c.numbers[key].kind[i];
    return kind === NUMBER ? c.numbers[key].values[i] : kind === NULL ? null : undefined;
  };
  const rows: IndicatorRow[] = new Array(c.length);
  for (let i = 0; i < c.length; i++) {
    rows[i] = {
      indicator: t("indicator", i), dimension: t("dimension", i), category: t("category", i), municipality: t("municipality", i), year: num("year", i),
      gender: t("gender", i), value: num("value", i), numerator: num("numerator", i), denominator: num("denominator", i), status: t("status", i)
    } as IndicatorRow;
  }
  return rows;
}
