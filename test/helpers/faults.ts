// The nightly batch under faults (issue 4), shared by test/faults-*.test.ts: runs are real child
// processes of the built CLI (npm test builds it first) on a small generated network of two
// municipalities over two years. A test starts from a copy of a state that kas published once (the
// first year, or both years), not from a run of its own: a copy is a few milliseconds, a run seconds.
// The two states are published once per `vitest run`, by the first faults file to start, for all three.
// To kas the copy's inbox files are files at new paths, which it reads once and finds archived
// ("duplicates"): what it publishes is the same.
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect } from "vitest";
import { generate } from "../../data-samples/generate/generate.js";
import { openDb } from "../../pipeline/db/connection.js";
import { packageRoot } from "../../pipeline/system/paths.js";
import { sharedOnce } from "./shared.js";

export const cli = join(packageRoot, "dist/pipeline/cli.js");
export const key = "ab".repeat(32);

export interface Result { code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }

/** `kas …` as a child process; `shell` runs first in the same bash (e.g. a ulimit). */
export function kas(args: string[], env: Record<string, string> = {}, shell?: string): Promise<Result> {
  return new Promise((resolve) => {
    const child = shell
      ? spawn("bash", ["-c", `${shell}; exec node ${cli} ${args.map((a) => `'${a}'`).join(" ")}`], { env: { ...process.env, KAS_KEY: key, ...env } })
      : spawn(process.execPath, [cli, ...args], { env: { ...process.env, KAS_KEY: key, ...env } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("close", (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

export interface State { dir: string; inbox: string; out: string; db: string; args: string[] }

/** The published CSVs of a site, by file name. */
export function csvs(out: string): Record<string, string> {
  const dir = join(out, "data");
  return Object.fromEntries(readdirSync(dir).sort().map((f) => [f, readFileSync(join(dir, f), "utf8")]));
}

const sha = (path: string) => createHash("sha256").update(readFileSync(path)).digest("hex");

function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name));
}

/** Every file that was ever put in the inbox is in the archive, byte for byte. */
export function assertArchived(s: State): void {
  const archived = new Set(listFiles(join(s.dir, "state", "archive")).filter((p) => !p.endsWith(".jsonl")).map((p) => sha(p)));
  for (const f of listFiles(s.inbox)) expect(archived.has(sha(f)), f).toBe(true);
}

export interface Faults {
  /** data/*.csv of a run that never failed, over both years */
  readonly expected: Record<string, string>;
  /** how long a run that loads the second year took on this machine when the templates were built (ms) */
  readonly runMs: number;
  /** a new, empty state named `name` */
  state(name: string): State;
  /** a state with the first year published (run 1) and the second year waiting in the inbox */
  published(name: string): State;
  /** a state with both years published (runs 1 and 2), nothing new in the inbox */
  complete(name: string): State;
  /** the published state is whole: one complete site, a database that opens and knows that run; its run id */
  assertIntact(s: State, allowed: number[]): Promise<number>;
}

/** The two published states every test starts from, built once per `vitest run` (test/helpers/shared.ts):
 *  the network's two halves (first/, second/), template-first/ and template-both/, and run.json with
 *  how long the second run took. */
async function templates(): Promise<string> {
  return sharedOnce("faults", async (root) => {
    const all = join(root, "generated");
    await generate({
      outDir: all, seed: 7, years: [2024, 2025],
      municipalities: [
        { code: "0128", recipientsPerYear: 60, dialect: "contract" },
        { code: "0192", recipientsPerYear: 50, dialect: "excel-csv" }
      ]
    });
    for (const m of ["0128", "0192"]) {
      for (const f of readdirSync(join(all, m))) {
        const to = join(root, f.includes("2024") ? "first" : "second", m);
        mkdirSync(to, { recursive: true });
        cpSync(join(all, m, f), join(to, f), { preserveTimestamps: true });
      }
    }
    const first = stateIn(root, "template-first");
    cpSync(join(root, "first"), first.inbox, { recursive: true, preserveTimestamps: true });
    const r1 = await kas(first.args);
    if (r1.code !== 0) throw new Error(`the first year's run failed (${r1.code}): ${r1.stderr}`);
    const both = copyIn(root, root, "template-first", "template-both");
    cpSync(join(root, "second"), both.inbox, { recursive: true, preserveTimestamps: true });
    const t0 = performance.now();
    const r2 = await kas(both.args);
    if (r2.code !== 0) throw new Error(`the second year's run failed (${r2.code}): ${r2.stderr}`);
    writeFileSync(join(root, "run.json"), JSON.stringify({ runMs: performance.now() - t0 }));
  });
}

function stateIn(root: string, name: string): State {
  const dir = join(root, name);
  const inbox = join(dir, "inbox");
  mkdirSync(inbox, { recursive: true });
  const out = join(dir, "site");
  const db = join(dir, "state", "kas.duckdb");
  return { dir, inbox, out, db, args: ["run", "--inbox", inbox, "--out", out, "--db", db] };
}

// the whole folder (inbox, site and its versions, state with archive and key), timestamps kept so
// the inbox files are the ones kas saw; the site's link is relative and stays one
function copyIn(fromRoot: string, toRoot: string, from: string, name: string): State {
  cpSync(join(fromRoot, from), join(toRoot, name), { recursive: true, preserveTimestamps: true, verbatimSymlinks: true });
  return stateIn(toRoot, name);
}

/** Call at the top of a test file: its own folder for states copied from the run's shared templates. */
export function useFaults(): Faults {
  let root = "";
  let shared = "";
  let expected: Record<string, string> = {};
  let runMs = 0;

  beforeAll(async () => {
    shared = await templates();
    root = mkdtempSync(join(tmpdir(), "kas-faults-"));
    expected = csvs(join(shared, "template-both", "site"));
    runMs = JSON.parse(readFileSync(join(shared, "run.json"), "utf8")).runMs;
  }, 300_000);

  afterAll(() => rmSync(root, { recursive: true, force: true }));

  return {
    get expected() { return expected; },
    get runMs() { return runMs; },
    state: (name) => stateIn(root, name),
    published(name) {
      const s = copyIn(shared, root, "template-first", name);
      cpSync(join(shared, "second"), s.inbox, { recursive: true, preserveTimestamps: true });
      return s;
    },
    complete: (name) => copyIn(shared, root, "template-both", name),
    async assertIntact(s, allowed) {
      expect(existsSync(join(s.out, "index.html"))).toBe(true);
      const site = JSON.parse(readFileSync(join(s.out, "run.json"), "utf8"));
      expect(allowed).toContain(site.runId);
      const pages = readdirSync(s.out).filter((f) => f.endsWith(".html"));
      expect(pages.length).toBe(10); // 7 target groups, index, quality, codes
      for (const f of Object.keys(expected).filter((f) => f.endsWith(".csv"))) expect(readFileSync(join(s.out, "data", f), "utf8").startsWith("indicator,dimension,category,municipality,year")).toBe(true);
      const db = await openDb(s.db, { readOnly: true });
      try {
        const [{ last }] = await db.all<{ last: number }>("SELECT max(run_id) AS last FROM runs WHERE status = 'published'");
        expect(allowed).toContain(last);
      } finally {
        db.close();
      }
      return site.runId;
    }
  };
}
