// Protection in worker threads gives exactly what it gives in one thread. The compiled CLI uses the
// threads (dist/pipeline/withhold/threads.js and thread.js); tests running from source fall back to
// one thread, so this test loads the compiled module on purpose (npm test compiles first).
import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { IndicatorRow } from "../pipeline/withhold/model.js";
import { packageRoot } from "../pipeline/system/paths.js";
import { withholdBlocks } from "../pipeline/withhold/blocks.js";

const compiled = join(packageRoot, "dist", "pipeline", "withhold", "threads.js");

function report(seed: number): IndicatorRow[] {
  let s = seed;
  const next = (n: number) => ((s = (s * 1103515245 + 12345) % 2 ** 31), s % n);
  const rows: IndicatorRow[] = [];
  for (let m = 0; m < 12; m++) {
    for (const year of [2024, 2025]) {
      const k = next(12), mm = next(12);
      const lk = Math.min(k, next(6)), lm = Math.min(mm, next(6));
      const municipality = String(1000 + m);
      for (const [gender, r, l] of [["K", k, lk], ["M", mm, lm], ["T", k + mm, lk + lm]] as const) {
        rows.push({ indicator: "recipients", municipality, year, gender, value: r, numerator: r, denominator: null, status: "" });
        rows.push(r === 0
          ? { indicator: "long_term_share", municipality, year, gender, value: null, numerator: null, denominator: null, status: "-" }
          : { indicator: "long_term_share", municipality, year, gender, value: Math.round((1000 * l) / r) / 10, numerator: l, denominator: r, status: "" });
      }
    }
  }
  return rows;
}

describe.runIf(existsSync(compiled))("protection in worker threads", () => {
  it("withholds exactly what one thread withholds, for several reports at once", async () => {
    const { Withholding } = await import(compiled);
    const tasks = [1, 2, 3].map((seed) => ({ tg: "all", rows: report(seed), threshold: 3 }));
    const w = new Withholding(2); // two threads, whatever the cores
    let parallel: Map<string, unknown>[];
    try {
      const results = tasks.map((t) => w.add(t));
      w.allAdded();
      parallel = await Promise.all(results);
    } finally {
      await w.close();
    }
    for (const [i, t] of tasks.entries()) {
      const alone = await withholdBlocks(t.tg, t.rows, t.threshold);
      expect([...parallel[i]].sort()).toEqual([...alone].sort());
      expect([...alone.values()].some((b) => b.withheld.length > 0)).toBe(true);
    }
  });

  it("settles each report as it is done, tells a thread's error on that report only, and stops on close", async () => {
    const { Withholding } = await import(compiled);
    const w = new Withholding(2);
    try {
      const good = w.add({ tg: "all", rows: report(4), threshold: 3 });
      // a row that shows a count two values (recipients K twice, 5 and 6): the model refuses it
      const bad = report(5);
      bad.push({ ...bad.find((r) => r.indicator === "recipients" && r.gender === "K")!, value: 99, numerator: 99 });
      const refused = w.add({ tg: "all", rows: bad, threshold: 3 });
      const empty = w.add({ tg: "all", rows: [], threshold: 3 });
      expect(await empty).toEqual(new Map());
      await expect(refused).rejects.toThrow(/two values/);
      // the thread that failed stops the rest: what was still waiting or running is refused too
      await good.then(
        (r: Map<string, unknown>) => expect(r.size).toBe(24),
        (e: Error) => expect(e.message).toMatch(/two values/)
      );
      await expect(w.add({ tg: "all", rows: report(6), threshold: 3 })).rejects.toThrow(/two values/);
    } finally {
      await w.close();
    }
    // closing abandons the work still to do
    const v = new Withholding(1);
    const abandoned = v.add({ tg: "all", rows: report(7), threshold: 3 });
    await v.close();
    await expect(abandoned).rejects.toThrow(/stopped/);
  });
});
