// A night with nothing new in the inbox changes nothing — unless what the site is made with changed:
// a new --threshold must withhold (or release) figures at once, not when the next file arrives.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runConfig } from "../pipeline/config.js";
import { testContext } from "../pipeline/system/context.js";
import { run } from "../pipeline/run.js";

const dir = mkdtempSync(join(tmpdir(), "kas-republish-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const ctx = testContext({ env: { KAS_KEY: "34".repeat(32) } });

describe("publishing again when the threshold changes", () => {
  it("withholds at the new threshold on a run with nothing new, then is unchanged again", async () => {
    const inbox = join(dir, "inbox");
    mkdirSync(join(inbox, "0181"), { recursive: true });
    const rows = ["municipality,month,person_id,household_id,gender,birth_year,reason,amount_sek"];
    for (let p = 0; p < 5; p++) rows.push(`0181,2024-03,${"c".repeat(15)}${p},h${p},K,1980,unemployed_no_benefit,5000`);
    writeFileSync(join(inbox, "0181", "b.csv"), rows.join("\n") + "\n");
    const at = (threshold: number) => runConfig({ inbox, out: join(dir, "site"), db: join(dir, "kas.duckdb"), threshold });
    const csv = () => readFileSync(join(dir, "site", "data", "all.csv"), "utf8");

    expect((await run(at(3), ctx)).outcome).toBe("published");
    expect(csv()).toMatch(/^recipients,,,0181,2024,K,5,5,,$/m);

    const stricter = await run(at(10), ctx);
    expect(stricter.outcome).toBe("published");
    expect(csv()).toMatch(/^recipients,,,0181,2024,K,,,,\.\.$/m);

    expect((await run(at(10), ctx)).outcome).toBe("unchanged");
    expect((await run(at(3), ctx)).outcome).toBe("published");
    expect(csv()).toMatch(/^recipients,,,0181,2024,K,5,5,,$/m);
  });
});

describe("protection remembered per municipality and year", () => {
  it("protects only the blocks of a new file's municipality, and publishes what a fresh run publishes", async () => {
    const file = (m: string, n: number) => {
      const rows = ["municipality,month,person_id,household_id,gender,birth_year,reason,amount_sek"];
      for (let p = 0; p < n; p++) rows.push(`${m},2024-03,${m}${"d".repeat(12)}${p},h${p},${p % 2 ? "K" : "M"},1980,unemployed_no_benefit,5000`);
      return rows.join("\n") + "\n";
    };
    const write = (inbox: string, m: string, n: number) => {
      mkdirSync(join(inbox, m), { recursive: true });
      writeFileSync(join(inbox, m, "b.csv"), file(m, n));
    };
    const at = (name: string) => runConfig({ inbox: join(dir, name, "inbox"), out: join(dir, name, "site"), db: join(dir, name, "kas.duckdb") });
    const protectedBlocks = (name: string) =>
      JSON.parse(readFileSync(join(dir, name, "site", "run.json"), "utf8")).report.reports.map((r: { blocksProtected: number; blocks: number }) => [r.blocksProtected, r.blocks]);

    write(join(dir, "cached", "inbox"), "0181", 12);
    write(join(dir, "cached", "inbox"), "0128", 2);
    await run(at("cached"), ctx);
    expect(protectedBlocks("cached")).toEqual(Array(7).fill([2, 2]));
    write(join(dir, "cached", "inbox"), "0183", 7);
    await run(at("cached"), ctx);
    expect(protectedBlocks("cached")).toEqual(Array(7).fill([1, 3])); // 0183 2024 only

    for (const [m, n] of [["0181", 12], ["0128", 2], ["0183", 7]] as const) write(join(dir, "fresh", "inbox"), m, n);
    await run(at("fresh"), ctx);
    for (const group of ["all", "unemployment", "young_adults"]) {
      const csv = (name: string) => readFileSync(join(dir, name, "site", "data", `${group}.csv`), "utf8");
      expect(csv("cached")).toBe(csv("fresh"));
      if (group !== "young_adults") expect(csv("cached")).toMatch(/^recipients,,,0128,2024,T,,,,\.\.$/m); // 2 recipients, born 1980
    }
  });
});
