// kas validate on a file in a municipality's own dialect (contract §4): a finding names the column as
// the file itself names it (Försörjningshinder, Kön, Personnummer, Belopp under profile
// case-system-sv; never the contract's reason, gender …), with the line (header = line 1) and value;
// and a file whose header a profile reads, validated without that profile, gets a hint naming it.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { Finding } from "../pipeline/contract/finding.js";
import { loadProfiles } from "../pipeline/contract/profile.js";
import { schema } from "../pipeline/contract/schema.js";
import { samplesDir } from "../pipeline/system/paths.js";
import { testContext } from "../pipeline/system/context.js";
import { formatValidation } from "../pipeline/text.js";
import { validateFiles, type ValidatedFile } from "../pipeline/validate.js";
import { cleanup, tempDir, writeInbox } from "./helpers/kas.js";

const s = schema();
const profiles = loadProfiles(s);
const dirs: string[] = [];
afterAll(() => cleanup(...dirs));

/** The first lines of the Södertälje sample (case-system-sv: Swedish column names and dropdown texts, ';'). */
const sample = readFileSync(join(samplesDir, "inbox", "0181", "bistand-2024.csv"), "latin1")
  .replace(/\x96/g, "–") // Windows-1252's en dash: written again as UTF-8 below
  .split("\r\n");
const header = sample[0];
const cells = (line: number) => sample[line - 1].split(";");
const column = (name: string) => header.split(";").indexOf(name);

/** The sample's lines 1–8, with cells replaced: { line: { column name: value } }. */
function dialectFile(changes: Record<number, Record<string, string>>, head = header): string {
  const lines = [head];
  for (let line = 2; line <= 8; line++) {
    const row = cells(line);
    for (const [name, value] of Object.entries(changes[line] ?? {})) row[column(name)] = value;
    lines.push(row.join(";"));
  }
  return lines.join("\r\n") + "\r\n";
}

async function validate(files: Record<string, string>, profileName?: string): Promise<ValidatedFile[]> {
  const dir = tempDir("validate-dialect");
  dirs.push(dir);
  writeInbox(dir, files);
  return validateFiles(Object.keys(files), { schema: s, profiles, ctx: testContext(), cwd: dir, profileName });
}

const at = (findings: readonly Finding[], code: string, line: number) => findings.find((f) => f.code === code && f.line === line);

describe("a finding names the column as the file does", () => {
  it("sample lines as read: the household of line 3 has a second adult on line 4", () => {
    expect(header).toBe("Kommunkod;Månad;Personnummer;Hushållsnummer;Roll;Kön;Födelseår;Född utomlands;Försörjningshinder;Belopp");
    expect(cells(3)[column("Hushållsnummer")]).toBe(cells(4)[column("Hushållsnummer")]);
    expect(cells(4)[column("Belopp")]).toBe("");
  });

  it("an unknown code in Försörjningshinder, an invalid Kön, an empty Personnummer and two amounts of one household", async () => {
    const file = "0181/bistand-dialekt.csv";
    const [v] = await validate({
      [file]: dialectFile({
        3: { Försörjningshinder: "Arbetslös – okänd" },
        4: { Belopp: "10105,50" },
        5: { Kön: "Kvinn" },
        6: { Personnummer: "" }
      })
    });
    expect(v).toMatchObject({ file, kind: "bistand", profile: "case-system-sv", valid: false });

    const reason = at(v.findings, "unknown_code", 3)!;
    expect(reason).toMatchObject({ severity: "ERROR", column: "Försörjningshinder", value: "Arbetslös – okänd" });
    expect(reason.message).toMatch(/^"Arbetslös – okänd" är ingen känd kod för Försörjningshinder\./);
    // the profile's notations most like the value, not the contract's English keys
    expect(reason.message).toContain("De som liknar värdet mest: Arbetslös – ");
    expect(reason.message).toMatch(/… och \d+ till, se kodlistan: kas-webbplatsens codes\.html\./);

    const gender = at(v.findings, "unknown_code", 5)!;
    expect(gender).toMatchObject({ severity: "ERROR", column: "Kön", value: "Kvinn" });
    expect(gender.message).toMatch(/^"Kvinn" är ingen känd kod för Kön\. Giltiga koder: K, M, eller det profilen case-system-sv översätter: Kvinna, Man\./);
    // the profile's file as the package names it, never the server's path (the message is published)
    expect(gender.message).toContain("(schemas/profiles/case-system-sv.json)");
    expect(gender.message).not.toContain(samplesDir.split("/data-samples")[0]);

    const person = at(v.findings, "missing_person_id", 6)!;
    expect(person).toMatchObject({ column: "Personnummer", value: null });
    expect(person.message).toMatch(/^Personnummer saknas\./);

    const amounts = v.findings.find((f) => f.code === "conflicting_amounts")!;
    // whole kronor without decimals, öre with a decimal comma, as a Swedish export writes them
    expect(amounts).toMatchObject({ column: "Belopp", value: "10105 / 10105,50" });
    expect(amounts.message).toContain("(10105 / 10105,50)");

    // no finding speaks of the contract's names where the file has its own
    for (const f of v.findings) {
      expect([f.column, f.message].join(" "), f.code).not.toMatch(/\b(reason|gender|person_id|household_id|amount_sek)\b/);
    }

    // the terminal: file:line: SEVERITY – title: the file's column = value: message
    const text = formatValidation([v]);
    expect(text).toContain(`${file}:3: FEL – okänd kod: Försörjningshinder = "Arbetslös – okänd": "Arbetslös – okänd" är ingen känd kod för Försörjningshinder.`);
    expect(text).toContain(`${file}:5: FEL – okänd kod: Kön = "Kvinn": "Kvinn" är ingen känd kod för Kön.`);
    expect(text).toContain(`${file}:6: FEL – identitetsnummer saknas: Personnummer: Personnummer saknas.`);
  });

  it("a file in the contract's own notation keeps the contract's names", async () => {
    const contract = ["municipality", "month", "person_id", "household_id", "role", "gender", "birth_year", "born_abroad", "reason", "amount_sek"].join(";");
    const [v] = await validate({ "0181/kontrakt.csv": dialectFile({ 3: { Försörjningshinder: "ekonomi" } }, contract) });
    // the contract's notation loads with every profile (§4): the dropdown texts still map
    expect(at(v.findings, "unknown_code", 3)).toMatchObject({ column: "reason", value: "ekonomi" });
  });
});

describe("a hint naming the profile whose columns fit", () => {
  const clean = dialectFile({});

  it("a loose file with case-system-sv's columns, validated without --profile", async () => {
    const [v] = await validate({ "loose/export.csv": clean });
    expect(v.valid).toBe(false);
    expect(v.findings.map((f) => [f.severity, f.code, f.line])).toEqual([
      ["FATAL", "unknown_kind", 1],
      ["INFO", "profile_fits", 1]
    ]);
    expect(v.findings[1].message).toMatch(/^Kolumnerna liknar profilen case-system-sv \(10 av 10 kolumner\): prova --profile case-system-sv\./);
    expect(formatValidation([v])).toContain("loose/export.csv:1: INFORMATION – kolumnerna liknar en profil: Kolumnerna liknar profilen case-system-sv (10 av 10 kolumner): prova --profile case-system-sv.");
  });

  it("counts the columns the profile reads: 9 of 10 with one column it does not know", async () => {
    const [v] = await validate({ "loose/nio.csv": dialectFile({}, header.replace("Roll", "Ärendetyp")) });
    expect(at(v.findings, "profile_fits", 1)!.message).toContain("Kolumnerna liknar profilen case-system-sv (9 av 10 kolumner): prova --profile case-system-sv.");
  });

  it("names the folder's municipality, for kas run, when its folder has no profile", async () => {
    const [v] = await validate({ "0180/export.csv": clean });
    expect(at(v.findings, "profile_fits", 1)!.message).toContain("när kommunkoden (0180) står under municipalities i schemas/profiles/case-system-sv.json");
  });

  it("gives no hint with the profile, nor to a file in the contract's notation that lacks a column", async () => {
    const [withProfile] = await validate({ "loose/export.csv": clean }, "case-system-sv");
    expect(withProfile.valid).toBe(true);
    const contract = "municipality;month;person_id;household_id;role;gender;birth_year;born_abroad;reason";
    const [missing] = await validate({ "loose/kontrakt.csv": dialectFile({}, contract) });
    expect(missing.findings.map((f) => f.code)).toContain("missing_column");
    expect(missing.findings.map((f) => f.code)).not.toContain("profile_fits");
  });
});
