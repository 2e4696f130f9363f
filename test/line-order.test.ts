// Staged rows know their line by their position (rowid = record number): nothing between the CSV
// reader and the batch table may reorder rows. DuckDB runs several threads over row groups of
// 122 880 rows, so a file well past that size, with errors in early, middle and late row groups,
// tells whether the order held (a long IN list once turned into a join and scrambled it).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { testContext } from "../pipeline/system/context.js";
import { loadProfiles } from "../pipeline/contract/profile.js";
import { schema } from "../pipeline/contract/schema.js";
import { validateFiles } from "../pipeline/validate.js";

const dir = mkdtempSync(join(tmpdir(), "kas-order-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const rows = 300_000;
const bad = [5, 150_000, 299_999]; // records → physical lines 7, 150002, 300001

function bistand(path: string): void {
  const lines = ["municipality,month,person_id,household_id,role,gender,birth_year,born_abroad,reason,amount_sek"];
  for (let i = 0; i < rows; i++) {
    const gender = bad.includes(i) ? "X" : i % 2 ? "K" : "M";
    lines.push(`0181,2024-01,${(0xa000000000000000n + BigInt(i)).toString(16)},h${i},applicant,${gender},1980,0,unemployed_no_benefit,1000`);
  }
  writeFileSync(path, lines.join("\n") + "\n");
}

function insats(path: string): void {
  const lines = ["municipality,person_id,gender,birth_year,measure,need_category,referred_by,start_date,end_date,exit_reason,cost_sek"];
  for (let i = 0; i < rows; i++) {
    const measure = bad.includes(i) ? "juggling" : "job_search";
    lines.push(`0181,${(0xb000000000000000n + BigInt(i)).toString(16)},K,1980,${measure},A_ready,social_services,2024-01-02,2024-03-04,work,500`);
  }
  writeFileSync(path, lines.join("\n") + "\n");
}

describe("line numbers in files larger than DuckDB's row groups", () => {
  it("names the right lines in a 300 000-row bistand and insats file, read together", async () => {
    mkdirSync(join(dir, "0181"));
    bistand(join(dir, "0181", "b.csv"));
    insats(join(dir, "0181", "i.csv"));
    const s = schema();
    const files = await validateFiles([join(dir, "0181", "b.csv"), join(dir, "0181", "i.csv")], { schema: s, profiles: loadProfiles(s), ctx: testContext() });
    for (const f of files) {
      const lines = f.findings.filter((x) => x.code === "unknown_code").map((x) => x.line);
      expect(lines, f.file).toEqual([7, 150_002, 300_001]);
    }
  }, 120_000);
});
