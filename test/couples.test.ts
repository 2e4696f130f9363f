// Couples coded for one adult only (source 001): a warning per file, published on quality.html, so it
// names a share in whole tens of per cent — never the counts, which could be small — and only for files
// with at least 40 couple-months.
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ValidatedFile } from "../pipeline/validate.js";
import { bistandCsv, bistandRows, type Row } from "./helpers/extract.js";
import { cleanup, kas, tempDir, writeInbox } from "./helpers/kas.js";

/** n couple households of one month: applicant coded, co-applicant uncoded in the first `uncoded`. */
function couples(n: number, uncoded: number): Row[] {
  const applicants = bistandRows("0180", "2024-03", n);
  return applicants.flatMap((a, i) => [
    a,
    { ...a, person_id: a.person_id.replace(/^0/, "f"), role: "co_applicant", gender: a.gender === "K" ? "M" : "K", reason: i < uncoded ? "" : a.reason, amount_sek: "" }
  ]);
}

let root: string;
let files: ValidatedFile[];
beforeAll(async () => {
  root = tempDir("couples");
  writeInbox(root, {
    "0180/many.csv": bistandCsv(couples(45, 43)), // 43 of 45 ≈ 96 %
    "0180/few.csv": bistandCsv(couples(39, 39)) // below 40 couple-months: no warning
  });
  const r = await kas(["validate", join(root, "0180/many.csv"), join(root, "0180/few.csv"), "--json"]);
  expect(r.code).toBe(0);
  files = JSON.parse(r.stdout).files;
}, 60_000);
afterAll(() => cleanup(root));

const findingsOf = (name: string) => files.find((f) => f.file.endsWith(name))!.findings.filter((f) => f.code === "couples_one_coded");

describe("couples coded for one adult only", () => {
  it("warns for a file where most couple-months have one adult coded, with a share in tens and no counts", () => {
    const [f] = findingsOf("many.csv");
    expect(f.severity).toBe("WARNING");
    expect(f.value).toBeNull(); // the share is in the message: the value column is for cells
    expect(f.message).toContain("omkring 100 %");
    expect(f.message).not.toMatch(/\b(43|45|90)\b/);
  });

  it("says nothing for a file with fewer than 40 couple-months", () => {
    expect(findingsOf("few.csv")).toEqual([]);
  });
});
