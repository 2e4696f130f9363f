// A first night with nothing usable: an empty inbox, or one whose only file is rejected. The run
// still publishes a whole site (the reports say there is nothing yet; quality.html says why) and the
// next night with good data works as usual.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runConfig } from "../pipeline/config.js";
import { testContext } from "../pipeline/system/context.js";
import { run } from "../pipeline/run.js";

const dir = mkdtempSync(join(tmpdir(), "kas-empty-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const ctx = testContext({ env: { KAS_KEY: "12".repeat(32) } });
const header = "municipality,month,person_id,household_id,gender,birth_year,reason,amount_sek\n";

describe("a run with nothing usable", () => {
  it("publishes a whole site from an empty inbox", async () => {
    const inbox = join(dir, "empty-inbox");
    mkdirSync(inbox);
    const summary = await run(runConfig({ inbox, out: join(dir, "site1"), db: join(dir, "one.duckdb") }), ctx);
    expect(summary.exitCode).toBe(0);
    expect(readFileSync(join(dir, "site1", "all.html"), "utf8")).toMatch(/Inga uppgifter ännu/);
    expect(readFileSync(join(dir, "site1", "data", "all.csv"), "utf8")).toBe("indicator,dimension,category,municipality,year,gender,value,numerator,denominator,status\n");
  });

  it("publishes the reason when the only file is rejected, then loads good data the next night", async () => {
    const inbox = join(dir, "inbox");
    mkdirSync(join(inbox, "0180"), { recursive: true });
    writeFileSync(join(inbox, "0180", "bad.csv"), header + "0180,2024-01,aaaaaaaaaaaaaaaa,h1,X,1980,,100\n");
    const cfg = runConfig({ inbox, out: join(dir, "site2"), db: join(dir, "two.duckdb") });
    const first = await run(cfg, ctx);
    expect(first.exitCode).toBe(1);
    expect(readFileSync(join(dir, "site2", "unemployment.html"), "utf8")).toMatch(/Inga uppgifter ännu/);
    expect(readFileSync(join(dir, "site2", "quality.html"), "utf8")).toMatch(/bad\.csv/);
    const rows = Array.from({ length: 12 }, (_, i) => `0180,2024-${String(i + 1).padStart(2, "0")},bbbbbbbbbbbbbbbb,h2,K,1980,unemployed_no_benefit,5000`);
    writeFileSync(join(inbox, "0180", "good.csv"), header + rows.join("\n") + "\n");
    const second = await run(cfg, ctx);
    expect(second.exitCode).toBe(0);
    const csv = readFileSync(join(dir, "site2", "data", "all.csv"), "utf8");
    expect(csv).toMatch(/^recipients,,,0180,2024,K,,,,\.\.$/m); // one person: withheld
    expect(csv).toMatch(/^recipients,,,0180,2024,M,0,0,,$/m);
  });
});
