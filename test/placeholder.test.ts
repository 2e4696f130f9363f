// Placeholder identity numbers such as 000000-0000 pass the Luhn check, but every such number would
// give one pseudonym to many people: a warning (the rows load), never showing the value.
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ValidatedFile } from "../pipeline/validate.js";
import { bistandCsv, bistandRows, personnummer } from "./helpers/extract.js";
import { cleanup, kas, tempDir, writeInbox } from "./helpers/kas.js";

const real = personnummer({ year: 1985, month: 1, day: 1 }, 123);
let root: string;
let file: ValidatedFile;
let text: string;
beforeAll(async () => {
  root = tempDir("placeholder");
  // a Swedish placeholder, a real number, a Norwegian placeholder (eleven zeros pass mod 11), a pseudonym
  const rows = bistandRows("0180", "2024-03", 4).map((r, i) => ({ ...r, person_id: ["000000-0000", real.ten, "00000000000", r.person_id][i] }));
  writeInbox(root, { "0180/b.csv": bistandCsv(rows) });
  const r = await kas(["validate", join(root, "0180/b.csv"), "--json"]);
  expect(r.code).toBe(0); // a warning rejects nothing
  [file] = JSON.parse(r.stdout).files;
  text = r.stdout;
}, 60_000);
afterAll(() => cleanup(root));

describe("placeholder identity numbers", () => {
  it("warns for a number whose month or day is 00, at its line, and only there", () => {
    const found = file.findings.filter((f) => f.code === "person_id_placeholder");
    expect(found.map((f) => [f.severity, f.line, f.column, f.value])).toEqual([["WARNING", 2, "person_id", null], ["WARNING", 4, "person_id", null]]);
    expect(found[0].message).toMatch(/månad eller dag 00.*samma pseudonym/);
  });

  it("never shows the number", () => {
    expect(text).not.toContain("000000-0000");
    expect(text).not.toContain("00000000000");
    expect(text).not.toContain(real.ten);
  });
});
