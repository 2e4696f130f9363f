// Population files (contract §1, §11) through `kas run`, `kas validate`, `kas status` and `kas rebuild`
// on real folders: read only from <inbox>/network/, one row per municipality, year, gender and age, a
// newer file replacing the municipality-years it contains (recorded), and the archive as the source
// of truth. Every expected number below is counted by hand from the files written here.
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { bistandCsv, bistandRows } from "./helpers/extract.js";
import { freshInstalls, type Install, kas, query, runKas, writeInbox } from "./helpers/kas.js";

const fresh = freshInstalls("population");

const T0 = new Date("2025-06-01T12:00:00Z").getTime();

interface PopulationRow {
  municipality: string;
  year: number;
  gender: string;
  age: number;
  persons: number;
  file: string;
  line: number;
}
const population = (i: Install) =>
  query<PopulationRow>(
    i.db,
    `SELECT p.municipality, p.year, p.gender, p.age, p.persons, f.name AS file, p.line FROM population p JOIN files f USING (file_id)
     ORDER BY p.municipality, p.year, p.gender, p.age`
  );

/** 2023 and 2024 of 0128 and 2024 of 0138: two genders, ages 18 and 19. */
const first = [
  "municipality;year;gender;age;persons",
  "0128;2023;K;18;40",
  "0128;2023;M;18;42",
  "0128;2024;K;18;41",
  "0128;2024;M;18;43",
  "0128;2024;K;19;39",
  "0138;2024;K;18;120",
  "0138;2024;M;18;125",
  ""
].join("\n");

/** A corrected 2024 for 0128 only (one row fewer): it replaces 0128-2024 and nothing else. */
const corrected = ["municipality,year,gender,age,persons", "0128,2024,K,18,44", "0128,2024,M,18,46", ""].join("\n");

describe("a population file in network/", () => {
  const i = fresh("load");
  let r1: Awaited<ReturnType<typeof runKas>>;
  let r2: Awaited<ReturnType<typeof runKas>>;

  beforeAll(async () => {
    writeInbox(i.inbox, { "network/befolkning-2024.csv": first, "0128/bistand.csv": bistandCsv(bistandRows("0128", "2024-01", 5)) }, { "network/befolkning-2024.csv": T0 });
    r1 = await runKas(i);
    writeInbox(i.inbox, { "network/befolkning-2024-rättad.csv": corrected }, { "network/befolkning-2024-rättad.csv": T0 + 1000 });
    r2 = await runKas(i);
  }, 60_000);

  it("is loaded whole, typed, with the network folder as the file's folder", async () => {
    expect(r1.code).toBe(0);
    expect(r1.summary!.files.accepted.find((f) => f.file === "network/befolkning-2024.csv")).toMatchObject({ kind: "population", rowsRead: 7, rowsLoaded: 7, findings: [] });
    expect(r1.summary!.rows).toEqual({ bistand: 5, insats: 0, population: 7 });
    expect(await query(i.db, "SELECT municipality, kind, status FROM files WHERE name = 'befolkning-2024.csv'")).toEqual([
      { municipality: "network", kind: "population", status: "accepted" }
    ]);
    expect(await query(i.db, "SELECT typeof(year) AS y, typeof(age) AS a, typeof(persons) AS p FROM population LIMIT 1")).toEqual([{ y: "SMALLINT", a: "SMALLINT", p: "INTEGER" }]);
  });

  it("a newer file replaces the municipality-years it contains, and only those, and says so", async () => {
    expect(r2.code).toBe(0);
    const f = r2.summary!.files.accepted.find((x) => x.file === "network/befolkning-2024-rättad.csv")!;
    // 0128-2024 had three rows in the first file (K 18, M 18, K 19): all three go, K 19 included
    expect(f.replaced).toEqual([{ file: "befolkning-2024.csv", kind: "population", months: [], years: ["2024"], rows: 3 }]);
    expect(r2.summary!.replacements).toBe(1);
    expect(await population(i)).toEqual([
      { municipality: "0128", year: 2023, gender: "K", age: 18, persons: 40, file: "befolkning-2024.csv", line: 2 },
      { municipality: "0128", year: 2023, gender: "M", age: 18, persons: 42, file: "befolkning-2024.csv", line: 3 },
      { municipality: "0128", year: 2024, gender: "K", age: 18, persons: 44, file: "befolkning-2024-rättad.csv", line: 2 },
      { municipality: "0128", year: 2024, gender: "M", age: 18, persons: 46, file: "befolkning-2024-rättad.csv", line: 3 },
      { municipality: "0138", year: 2024, gender: "K", age: 18, persons: 120, file: "befolkning-2024.csv", line: 7 },
      { municipality: "0138", year: 2024, gender: "M", age: 18, persons: 125, file: "befolkning-2024.csv", line: 8 }
    ]);
    expect(await query(i.db, `SELECT r.municipality, r.kind, r."month", r."year", o.name AS old, n.name AS new, rows_removed FROM replacements r
      JOIN files o ON o.file_id = r.old_file_id JOIN files n ON n.file_id = r.new_file_id`)).toEqual([
      { municipality: "0128", kind: "population", month: null, year: 2024, old: "befolkning-2024.csv", new: "befolkning-2024-rättad.csv", rows_removed: 3 }
    ]);
    // run.json (published) says what was replaced, without row counts
    expect(r2.summary!.files.accepted.map((x) => x.file)).toEqual(["network/befolkning-2024-rättad.csv"]);
  });

  it("a byte-identical upload again changes nothing", async () => {
    const before = await population(i);
    writeInbox(i.inbox, { "network/kopia.csv": first }, { "network/kopia.csv": T0 + 2000 });
    const r = await runKas(i);
    expect(r.code).toBe(0);
    expect(r.summary!.files.duplicates).toEqual(["network/kopia.csv"]);
    expect(r.summary!.files.accepted).toEqual([]);
    expect(await population(i)).toEqual(before);
  });

  it("kas status lists it under network: rows, years, the municipalities counted and the files", async () => {
    const s = await kas(["status", "--db", i.db, "--json"]);
    expect(s.code).toBe(0);
    const status = JSON.parse(s.stdout) as { municipalities: { municipality: string; kinds: { kind: string; rows: number; years?: string[]; municipalities?: string[]; files: { name: string; rows: number }[] }[] }[] };
    expect(status.municipalities.map((m) => m.municipality)).toEqual(["0128", "network"]);
    expect(status.municipalities[1].kinds).toEqual([
      expect.objectContaining({
        kind: "population", rows: 6, months: [], years: ["2023", "2024"], municipalities: ["0128", "0138"], from: "2023", to: "2024",
        files: [expect.objectContaining({ name: "befolkning-2024.csv", rows: 4 }), expect.objectContaining({ name: "befolkning-2024-rättad.csv", rows: 2 })]
      })
    ]);
  });

  it("kas rebuild gives the same population and replacements from the archive", async () => {
    const before = await population(i);
    const replaced = await query(i.db, `SELECT municipality, kind, "year", old_file_id, new_file_id, rows_removed FROM replacements ORDER BY ALL`);
    const rebuilt = await kas(["rebuild", "--db", i.db, "--out", i.site, "--json"]);
    expect(rebuilt.code).toBe(0);
    expect(await population(i)).toEqual(before);
    expect(await query(i.db, `SELECT municipality, kind, "year", old_file_id, new_file_id, rows_removed FROM replacements ORDER BY ALL`)).toEqual(replaced);
  });
});

describe("population rows that break the rules", () => {
  const i = fresh("bad");
  let r: Awaited<ReturnType<typeof runKas>>;
  const bad = [
    "municipality,year,gender,age,persons",
    "0128,2024,K,18,40", // 2
    "0128,2024,K,121,1", // 3: age over 120
    "0128,2024,M,18,-1", // 4: persons below 0
    "0128,2024,X,19,5", // 5: unknown gender
    "0128,24,K,20,5", // 6: no year
    "0128,2024,K,18,41", // 7: the same municipality, year, gender and age as line 2
    "0128,2024,M,20,2.5", // 8: not a whole number
    ""
  ].join("\n");

  beforeAll(async () => {
    writeInbox(i.inbox, {
      "network/fel.csv": bad,
      "0128/befolkning.csv": corrected, // a population file in a municipality's folder
      "network/bistand.csv": bistandCsv(bistandRows("0128", "2024-01", 3)) // an extract in network/
    });
    r = await runKas(i);
  }, 60_000);

  it("rejects the file whole, naming each row, and loads nothing of it", async () => {
    expect(r.code).toBe(1);
    const f = r.summary!.files.rejected.find((x) => x.file === "network/fel.csv")!;
    // (listed per rule and column, as every kind's findings: sorted by line here)
    expect(f.findings.map((x) => [x.line, x.code, x.column, x.value]).sort((a, b) => Number(a[0]) - Number(b[0]))).toEqual([
      [3, "invalid_integer", "age", "121"],
      [4, "invalid_integer", "persons", "-1"],
      [5, "unknown_code", "gender", "X"],
      [6, "invalid_calendar_year", "year", "24"],
      [7, "duplicate_population_row", "age", "0128, 2024, K, 18"],
      [8, "invalid_integer", "persons", "2.5"]
    ]);
    expect(f.findings.find((x) => x.code === "duplicate_population_row")!.message).toMatch(/rad 2 i samma fil/);
    expect(f.findings.find((x) => x.line === 3)!.message).toMatch(/heltal från 0 till 120/);
    expect(f.findings.find((x) => x.line === 4)!.message).toMatch(/heltal från 0 och uppåt/);
    expect(await query(i.db, "SELECT count(*)::INTEGER AS n FROM population")).toEqual([{ n: 0 }]);
    expect(readdirSync(join(i.state, "quarantine", "network")).some((n) => n.endsWith("fel.csv"))).toBe(true);
  });

  it("rejects a population file in a municipality's folder and an extract in network/, whole, with the reason", async () => {
    const wrong = (file: string) => r.summary!.files.rejected.find((x) => x.file === file)!;
    expect(wrong("0128/befolkning.csv")).toMatchObject({ kind: "population", findings: [expect.objectContaining({ severity: "FATAL", code: "wrong_folder", line: null })] });
    expect(wrong("0128/befolkning.csv").findings[0].message).toMatch(/läses bara från mappen network\//);
    expect(wrong("network/bistand.csv")).toMatchObject({ kind: "bistand", findings: [expect.objectContaining({ severity: "FATAL", code: "wrong_folder" })] });
    expect(wrong("network/bistand.csv").findings[0].message).toMatch(/kommunens egen mapp/);
    expect(await query(i.db, "SELECT count(*)::INTEGER AS n FROM bistand")).toEqual([{ n: 0 }]);
  });

  it("kas validate says the same of the files where they lie, and of a loose copy checks only the rows", async () => {
    const v = await kas(["validate", join(i.inbox, "network/fel.csv"), join(i.inbox, "0128/befolkning.csv"), "--json"]);
    expect(v.code).toBe(1);
    const files = (JSON.parse(v.stdout) as { files: { kind: string; valid: boolean; findings: { code: string; line: number | null }[] }[] }).files;
    expect(files.map((f) => [f.kind, f.valid])).toEqual([["population", false], ["population", false]]);
    expect(files[0].findings.map((x) => [x.line, x.code])).toEqual(
      r.summary!.files.rejected.find((x) => x.file === "network/fel.csv")!.findings.map((x) => [x.line, x.code])
    );
    expect(files[1].findings.map((x) => x.code)).toEqual(["wrong_folder"]);
    const loose = fresh("loose").root; // a folder outside any inbox
    writeInbox(loose, { "befolkning.csv": corrected });
    const ok = await kas(["validate", join(loose, "befolkning.csv"), "--json"]);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout).files[0]).toMatchObject({ kind: "population", valid: true, rows: 2, findings: [] });
  });
});
