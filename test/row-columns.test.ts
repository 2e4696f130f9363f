// A report's rows as columns for a protection thread (pipeline/withhold/row-columns.ts): the same rows
// come back — values, null and undefined, order — and only the arrays are transferred.
import { MessageChannel, receiveMessageOnPort } from "node:worker_threads";
import { describe, expect, it } from "vitest";
import type { IndicatorRow } from "../pipeline/withhold/model.js";
import { columnRows, rowColumns } from "../pipeline/withhold/row-columns.js";

const rows: IndicatorRow[] = [
  { indicator: "recipients", dimension: null as unknown as string, category: null as unknown as string, municipality: "0114", year: 2024, gender: "K", value: 12, numerator: 12, denominator: null, status: "" },
  { indicator: "exit_reason_share", dimension: "exit_reason", category: "work", municipality: "0114", year: 2024, gender: "T", value: 33.3, numerator: 1, denominator: 3, status: "" },
  { indicator: "long_term_share", municipality: "0115", year: 2025, gender: "M", value: null, numerator: null, denominator: null, status: "-" },
  { indicator: "amount_per_household_month", dimension: "", category: "", municipality: "0115", year: 2025, gender: "T", value: 8620, numerator: 25540053.3, denominator: 2963, status: "" },
  { indicator: "recipients", dimension: null as unknown as string, category: null as unknown as string, municipality: "0114", year: 2024, gender: "M", value: 0, numerator: -0, denominator: 1e15, status: "" }
];

describe("rows as columns", () => {
  it("gives the same rows back, in their order, after a transfer to another thread's port", () => {
    const { columns, transfer } = rowColumns(rows);
    const { port1, port2 } = new MessageChannel();
    port1.postMessage(columns, transfer);
    const received = receiveMessageOnPort(port2)!.message as typeof columns;
    port1.close();
    // moved, not copied: the sender's arrays are empty now
    expect(transfer.every((b) => b.byteLength === 0)).toBe(true);
    const back = columnRows(received);
    expect(back).toEqual(rows.map((r) => ({ dimension: undefined, category: undefined, ...r })));
    expect(back.map((r) => [r.dimension, r.category])).toEqual([[null, null], ["exit_reason", "work"], [undefined, undefined], ["", ""], [null, null]]);
    expect(back.map((r) => r.denominator)).toEqual([null, 3, null, 2963, 1e15]);
    expect(Object.is(back[4].numerator, -0)).toBe(true);
    expect(received.text.municipality.values).toEqual(["0114", "0115"]);
    expect(columnRows(rowColumns([]).columns)).toEqual([]);
  });

  it("refuses a value of the wrong type instead of sending something else", () => {
    expect(() => rowColumns([{ ...rows[0], year: "2024" as unknown as number }])).toThrow("rowColumns: year is not a number: 2024");
    expect(() => rowColumns([{ ...rows[0], municipality: 114 as unknown as string }])).toThrow("rowColumns: municipality is not text: 114");
  });
});
