// Number, date and rank notation of the published pages and the CSV.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { csvNumber, formatAmount, formatCount, formatFigure, formatFixed, formatMean, formatWithheldCount, formatShare, notation } from "../reports/format.js";
import { rankClass, rankText } from "../reports/rank.js";
import { formatDate, formatDateTime, formatMonth } from "../reports/time.js";
import { words } from "../reports/words.js";

/** Reads Swedish notation back: spaces out, comma to point, U+2212 to "-". */
const parseSv = (s: string) => Number(s.replace(/ /g, "").replace(",", ".").replace("\u2212", "-"));

describe("Swedish notation", () => {
  it("groups thousands with a plain space and uses a decimal comma", () => {
    expect(formatShare(12345.67)).toBe("12 345,7");
    expect(formatMean(10959.3214)).toBe("10 959,32");
    expect(formatCount(1234567)).toBe("1 234 567");
    expect(formatCount(999)).toBe("999");
    expect(formatCount(1000)).toBe("1 000");
    expect(formatShare(42)).toBe("42,0");
  });
  it("writes zero as 0 and never a negative zero", () => {
    expect(formatCount(0)).toBe("0");
    expect(formatShare(0)).toBe("0,0");
    expect(formatShare(-0.04)).toBe("0,0");
    expect(formatCount(-0)).toBe("0");
  });
  it("writes a negative number with U+2212, never the no-data symbol", () => {
    expect(formatShare(-5)).toBe("\u22125,0");
    expect(formatCount(-1234)).toBe("\u22121 234");
  });
  it("writes amounts in whole kronor unless there are öre", () => {
    expect(formatAmount(98765432)).toBe("98 765 432");
    expect(formatAmount(98765432.5)).toBe("98 765 432,50");
  });
  it("writes huge numbers without an exponent", () => {
    expect(formatFixed(1e21, 0)).toBe("1 000 000 000 000 000 000 000");
  });
  it("rejects what is not a finite number", () => {
    expect(() => formatCount(Number.NaN)).toThrow("invalid number: NaN");
    expect(() => formatShare(Infinity)).toThrow("invalid number");
  });
  it("round-trips: the Swedish text is the number rounded to the decimals shown", () => {
    fc.assert(
      fc.property(fc.double({ min: -1e15, max: 1e15, noNaN: true }), fc.integer({ min: 0, max: 2 }), (v, d) => {
        const text = formatFixed(v, d);
        expect(text).toMatch(d === 0 ? /^\u2212?\d{1,3}( \d{3})*$/ : new RegExp(`^\u2212?\\d{1,3}( \\d{3})*,\\d{${d}}$`));
        expect(parseSv(text)).toBe(Number(v.toFixed(d)) + 0); // + 0: no negative zero
      })
    );
  });
});

describe("status symbols", () => {
  it("shows .. for withheld and - for no data, whatever value the figure carries", () => {
    expect(formatFigure("..", 2, formatCount)).toBe("..");
    expect(formatFigure("-", 7, formatCount)).toBe("-");
    expect(formatFigure("", null, formatCount)).toBe("-");
    expect(formatFigure("", 1234.5, formatShare)).toBe("1 234,5");
    expect(() => formatFigure("x" as "", 1, formatCount)).toThrow("invalid status: x");
  });
  it("withholds counts from 1 to the threshold", () => {
    expect([0, 1, 2, 3, 4, 12345].map((v) => formatWithheldCount(v, 3))).toEqual(["0", "..", "..", "..", "4", "12 345"]);
    expect(formatWithheldCount(5, 5)).toBe("..");
    expect(formatWithheldCount(null, 3)).toBe("-");
  });
});

describe("CSV notation", () => {
  it("uses a decimal point, no separator and no exponent", () => {
    expect(csvNumber(12345.67)).toBe("12345.67");
    expect(csvNumber(0)).toBe("0");
    expect(csvNumber(-0)).toBe("0");
    expect(csvNumber(-5.5)).toBe("-5.5");
    expect(csvNumber(1e-7)).toBe("0.0000001");
    expect(csvNumber(1.5e21)).toBe("1500000000000000000000");
    expect(csvNumber(null)).toBe("");
    expect(() => csvNumber(Number.NaN)).toThrow("invalid number: NaN");
  });
  it("round-trips every finite double exactly", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (v) => {
        const text = csvNumber(v);
        expect(text).toMatch(/^-?\d+(\.\d+)?$/);
        expect(Number(text)).toBe(Object.is(v, -0) ? 0 : v);
      })
    );
  });
});

describe("dates in the run's time zone", () => {
  it("writes Swedish month names and 24-hour time, winter and summer time", () => {
    expect(formatDateTime("2025-02-03T01:00:31Z", "Europe/Stockholm")).toBe("3 februari 2025 kl. 02:00");
    expect(formatDateTime("2024-07-01T00:30:00Z", "Europe/Stockholm")).toBe("1 juli 2024 kl. 02:30");
    expect(formatDateTime("2025-02-03T02:00:05+01:00", "Europe/Oslo")).toBe("3 februari 2025 kl. 02:00");
    expect(formatDateTime("2024-12-31T23:30:00Z", "Europe/Stockholm")).toBe("1 januari 2025 kl. 00:30");
  });
  it("writes months and dates", () => {
    expect(formatMonth("2024-12")).toBe("december 2024");
    expect(formatDate("2025-01-15")).toBe("15 januari 2025");
  });
  it("rejects what is not a timestamp", () => {
    expect(() => formatDateTime("igår", "Europe/Stockholm")).toThrow("invalid timestamp: igår");
    expect(() => formatMonth("2024-13")).toThrow("invalid month");
  });
});

describe("Kolada rank colours", () => {
  it("colours thirds: green best, yellow middle, red worst", () => {
    expect([1, 2, 3, 4, 5, 6].map((r) => rankClass(r, 6, "higher"))).toEqual(["good", "good", "mid", "mid", "bad", "bad"]);
    expect([1, 2, 3].map((r) => rankClass(r, 3, "lower"))).toEqual(["good", "mid", "bad"]);
    expect([1, 2].map((r) => rankClass(r, 2, "higher"))).toEqual(["good", "bad"]);
    expect([1, 2, 3, 4].map((r) => rankClass(r, 4, "higher"))).toEqual(["good", "mid", "mid", "bad"]);
    expect(rankClass(1, 1, "higher")).toBe("mid");
  });
  it("is grey without a rank; an indicator without a direction has none", () => {
    expect(rankClass(null, 6, "higher")).toBe("missing");
    expect(rankClass(null, 6, "none")).toBe("missing");
    expect(() => rankClass(1, 6, "none")).toThrow("not ranked");
    expect(rankText(1, 6, words("sv"))).toBe("1 av 6");
    expect(rankText(null, null, words("sv"))).toBe("ej rankad");
  });
  it("gives every rank one colour, the best never worse than the worst", () => {
    const order = { good: 0, mid: 1, bad: 2 } as Record<string, number>;
    for (let n = 1; n <= 40; n++) {
      const classes = Array.from({ length: n }, (_, i) => rankClass(i + 1, n, "higher"));
      for (let i = 1; i < n; i++) expect(order[classes[i]]).toBeGreaterThanOrEqual(order[classes[i - 1]]);
      if (n >= 2) expect([classes[0], classes[n - 1]]).toEqual(["good", "bad"]);
    }
  });
  it("rejects a rank outside 1 … ranked", () => {
    expect(() => rankClass(7, 6, "higher")).toThrow("invalid rank: 7 of 6");
  });
});

describe("notation per language (contract §12)", () => {
  const sv = notation("sv"), nb = notation("nb"), en = notation("en");
  it("writes 12,5 and 12 345 in Swedish and Norwegian, 12.5 and 12,345 in English", () => {
    expect([sv.share(12.5), nb.share(12.5), en.share(12.5)]).toEqual(["12,5", "12,5", "12.5"]);
    expect([sv.count(12345), nb.count(12345), en.count(12345)]).toEqual(["12 345", "12 345", "12,345"]);
    expect(en.fixed(1234567.891, 2)).toBe("1,234,567.89");
    expect(nb.fixed(-1234.5, 1)).toBe("\u22121 234,5");
    expect(en.fixed(-0.04, 1)).toBe("0.0");
    expect([sv.percent(3.5, 1), nb.percent(3.5, 1), en.percent(3.5, 1)]).toEqual(["3,5 %", "3,5 %", "3.5%"]);
  });
  it("round-trips English notation: the text is the number rounded to the decimals shown", () => {
    fc.assert(
      fc.property(fc.double({ min: -1e15, max: 1e15, noNaN: true }), fc.integer({ min: 0, max: 2 }), (v, d) => {
        const text = en.fixed(v, d);
        expect(text).toMatch(d === 0 ? /^\u2212?\d{1,3}(,\d{3})*$/ : new RegExp(`^\u2212?\\d{1,3}(,\\d{3})*\\.\\d{${d}}$`));
        expect(Number(text.replace(/,/g, "").replace("\u2212", "-"))).toBe(Number(v.toFixed(d)) + 0);
      })
    );
  });
  it("has each country's symbols: Kolada's .. and -, SSB's : .. and .", () => {
    expect([sv.withheld, sv.noData, sv.notApplicable]).toEqual(["..", "-", "-"]);
    expect([nb.withheld, nb.noData, nb.notApplicable]).toEqual([":", "..", "."]);
    expect([en.withheld, en.noData, en.notApplicable]).toEqual(["..", "-", "-"]);
  });
  it("tells a withheld figure, missing data and a share on 0 apart on a Norwegian page", () => {
    const f = (status: "" | ".." | "-", value: number | null, notApplicable?: boolean) => ({ status, value, ...(notApplicable === undefined ? {} : { notApplicable }) });
    expect(nb.figure(f("..", 7), nb.share)).toBe(":");
    expect(nb.figure(f("-", null), nb.share)).toBe("..");
    expect(nb.figure(f("-", null, true), nb.share)).toBe(".");
    expect(nb.figure(f("", 12.5), nb.share)).toBe("12,5");
    expect(nb.figure(undefined, nb.share)).toBe("..");
    expect(sv.figure(f("-", null, true), sv.share)).toBe("-");
    expect(en.figure(f("-", null, true), en.share)).toBe("-");
    expect(() => nb.figure(f("x" as "", 1), nb.share)).toThrow("invalid status: x");
  });
  it("keeps one decimal for a mean of counts, and withholds small counts outside the reports", () => {
    const count = { kind: "count" as const }, share = { kind: "share" as const };
    expect(en.value(count, f(12345.25), true)).toBe("12,345.3");
    expect(nb.value(count, f(12345), false)).toBe("12 345");
    expect(en.value(share, f(7), false)).toBe("7.0");
    expect([0, 2, 4, 1234].map((v) => nb.withheldCount(v, 3))).toEqual(["0", ":", "4", "1 234"]);
    expect(nb.withheldCount(null, 3)).toBe("..");
    function f(value: number) { return { status: "" as const, value }; }
  });
  it("writes dates in each language's words", () => {
    expect(formatDateTime("2025-03-02T02:15:00+01:00", "Europe/Stockholm", "nb")).toBe("2. mars 2025 kl. 02.15");
    expect(formatDateTime("2025-03-02T02:15:00+01:00", "Europe/Stockholm", "en")).toBe("2 March 2025, 02:15");
    expect(formatMonth("2024-12", "nb")).toBe("desember 2024");
    expect(formatMonth("2024-05", "en")).toBe("May 2024");
    expect(formatDate("2025-02-28", "nb")).toBe("28. februar 2025");
  });
});
