// The nightly batch under faults (issue 4): a corrupt database, files growing or uploaded again during
// and between runs, kas rebuild killed or on a cut manifest. After every fault the published database
// and site are whole (the previous or the new version), the next run succeeds, nothing in the archive
// is lost, and the end result equals a run that never failed. test/helpers/faults.ts: the network, the
// runs as child processes, the published states a test starts from.
import { appendFileSync, cpSync, mkdirSync, readFileSync, renameSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { assertArchived, csvs, kas, useFaults } from "./helpers/faults.js";

const f = useFaults();

describe("a corrupt database at start", () => {
  it("says so clearly and points to kas rebuild, which recovers the same figures from the archive", async () => {
    const s = f.complete("corrupt");
    const before = csvs(s.out);
    const bytes = readFileSync(s.db);
    bytes.fill(0x5a, 0, 4096 * 3);
    writeFileSync(s.db, bytes);
    const broken = await kas(s.args.concat([]), {});
    // nothing new in the inbox is not trusted over a database that cannot be read
    expect(broken.code).toBe(3);
    expect(broken.stderr).toMatch(/kas rebuild/);
    expect(csvs(s.out)).toEqual(before); // the published site is untouched
    const rebuilt = await kas(["rebuild", "--out", s.out, "--db", s.db]);
    expect(rebuilt.code, rebuilt.stderr).toBe(0);
    expect(csvs(s.out)).toEqual(f.expected);
    const after = await kas(s.args);
    expect(after.code, after.stderr).toBe(0);
    expect(csvs(s.out)).toEqual(f.expected);
  });
});

describe("uploads during and between runs", () => {
  it("a file still growing is left for the next run, then loaded whole", async () => {
    const s = f.published("growing");
    const target = join(s.inbox, "0128", "bistand-2025.csv");
    const full = readFileSync(target);
    rmSync(target);
    // the first 20 lines, then a writer appending a line every 10 ms for as long as kas runs (an upload
    // written in place, against the protocol): the file grows from before kas starts until after it ends
    const cut = (n: number) => full.indexOf(0x0a, n) + 1 || full.length;
    let written = cut(0);
    for (let l = 0; l < 20; l++) written = cut(written);
    writeFileSync(target, full.subarray(0, written));
    const lines = full.toString("latin1").split("\n").length;
    const writer = setInterval(() => {
      const next = cut(written);
      if (next >= full.length) return; // the last line waits until kas has ended
      appendFileSync(target, full.subarray(written, next));
      written = next;
    }, 10);
    const during = await kas([...s.args, "--json"]);
    clearInterval(writer);
    expect(written, `the file (${lines} lines) was complete before kas ended: it did not grow during the run`).toBeLessThan(full.length);
    appendFileSync(target, full.subarray(written));
    expect([0, 1]).toContain(during.code);
    // kas either saw it change while reading and deferred it, or read a consistent prefix (whole lines),
    // which the complete file replaces month by month in the next run
    const summary = JSON.parse(during.stdout);
    const shown = "0128/bistand-2025.csv";
    expect([...summary.files.deferred, ...summary.files.accepted.map((f: { file: string }) => f.file)]).toContain(shown);
    const after = await kas(s.args);
    expect(after.code, after.stderr).toBe(0);
    expect(readFileSync(target)).toEqual(full);
    expect(csvs(s.out)).toEqual(f.expected);
    assertArchived(s);
  });

  it("a byte-identical re-upload changes nothing; a corrected file replaces its months", async () => {
    const s = f.complete("reupload");
    // a copy's inbox files are new paths to kas: it reads them once, finds them archived, loads nothing
    const settle = await kas([...s.args, "--json"]);
    expect(settle.code).toBe(0);
    expect(JSON.parse(settle.stdout).files.duplicates).toHaveLength(6);
    cpSync(join(s.inbox, "0128", "bistand-2025.csv"), join(s.inbox, "0128", "bistand-2025-again.csv"));
    const again = await kas([...s.args, "--json"]);
    expect(again.code).toBe(0);
    const summary = JSON.parse(again.stdout);
    expect(summary.files.duplicates).toEqual(["0128/bistand-2025-again.csv"]);
    expect(summary.rows).toEqual({ bistand: 0, insats: 0 });
    expect(csvs(s.out)).toEqual(f.expected);
    // a correction of March 2025 (same rows, so the same figures) replaces exactly that month
    const original = readFileSync(join(s.inbox, "0128", "bistand-2025.csv"), "utf8").split("\n");
    const march = [original[0], ...original.filter((l) => l.includes(",2025-03,"))];
    const tmp = join(s.dir, "upload.csv.part");
    writeFileSync(tmp, march.join("\n") + "\n");
    renameSync(tmp, join(s.inbox, "0128", "bistand-2025-mars-rattelse.csv"));
    const corrected = await kas([...s.args, "--json"]);
    expect(corrected.code, corrected.stderr).toBe(0);
    expect(JSON.parse(corrected.stdout).replacements).toBe(1);
    expect(csvs(s.out)).toEqual(f.expected);
  });
});

describe("the archive as the source of truth (kas rebuild)", () => {
  it("a rebuild killed after writing its site leaves the published site as it was", async () => {
    const s = f.complete("rebuild-killed");
    // after a rebuild the published run is run 1 again: the next rebuild's run 1 must build elsewhere
    expect((await kas(["rebuild", "--out", s.out, "--db", s.db])).code).toBe(0);
    const before = csvs(s.out);
    const runJson = readFileSync(join(s.out, "run.json"), "utf8");
    const killed = await kas(["rebuild", "--out", s.out, "--db", s.db, "--threshold", "20"], { KAS_FAULT: "after-site" });
    expect(killed.signal).toBe("SIGKILL");
    expect(csvs(s.out)).toEqual(before);
    expect(readFileSync(join(s.out, "run.json"), "utf8")).toBe(runJson);
    const next = await kas(s.args);
    expect(next.code, next.stderr).toBe(0);
    expect(csvs(s.out)).toEqual(f.expected);
  });

  it("counts a file where the published database counted it, not where a killed run first archived it", async () => {
    const s = f.state("manifest-order");
    const header = "municipality,month,person_id,household_id,gender,birth_year,reason,amount_sek\n";
    const rows = (reason: string) =>
      header + Array.from({ length: 12 }, (_, i) => `0128,2024-02,${"d".repeat(14)}${String(i).padStart(2, "0")},h${i},K,1980,${reason},4000`).join("\n") + "\n";
    mkdirSync(join(s.inbox, "0128"), { recursive: true });
    writeFileSync(join(s.inbox, "0128", "base.csv"), rows("unemployed_no_benefit").replace(/2024-02/g, "2024-01"));
    expect((await kas(s.args)).code).toBe(0);
    // A (newer by mtime) is archived by a run that dies before publishing
    writeFileSync(join(s.inbox, "0128", "a.csv"), rows("social_reasons"));
    utimesSync(join(s.inbox, "0128", "a.csv"), new Date("2026-03-01"), new Date("2026-03-01"));
    expect((await kas(s.args, { KAS_FAULT: "after-ingest" })).signal).toBe("SIGKILL");
    // B (older by mtime) arrives; the next run reads A and B together: A is newer and wins February
    writeFileSync(join(s.inbox, "0128", "b.csv"), rows("sick_certified_no_benefit"));
    utimesSync(join(s.inbox, "0128", "b.csv"), new Date("2026-02-01"), new Date("2026-02-01"));
    expect((await kas(s.args)).code).toBe(0);
    const live = csvs(s.out);
    expect(live["social_reasons.csv"]).toMatch(/^recipients,,,0128,2024,K,12,12,,$/m);
    expect((await kas(["rebuild", "--out", s.out, "--db", s.db])).code).toBe(0);
    expect(csvs(s.out)).toEqual(live);
  });

  it("a manifest line cut short by a crash does not swallow the next file", async () => {
    const s = f.published("manifest-cut");
    appendFileSync(join(s.dir, "state", "archive", "manifest.jsonl"), '{"sha256":"0123');
    expect((await kas(s.args)).code).toBe(0);
    expect((await kas(["rebuild", "--out", s.out, "--db", s.db])).code).toBe(0);
    expect(csvs(s.out)).toEqual(f.expected);
  });
});
