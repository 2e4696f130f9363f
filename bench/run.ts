// The benchmark of the nightly batch (`npm run bench -- [--rows N] [--municipalities N] [--keep]`):
// a national data set (generated once, cached in bench/data/), a bare DuckDB load of the same files
// as the baseline, then three `kas run`s as child processes — the first load into a fresh state, a
// run with nothing new, and a run with one corrected file — with wall time, peak memory and the
// seconds per stage. Prints a table, writes the same as JSON to bench/out/. It is a benchmark, not
// a test: a missed target is reported, not failed; the exit code is non-zero only when a measured
// command itself fails (kas exits non-zero, or the baseline load fails).
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { cpus, loadavg, totalmem } from "node:os";
import { dirname, join, relative } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import yargs from "yargs";
import { hideBin } from "yargs/helpers";
import { dialects } from "../data-samples/generate/dialects.js";
import { sampleSeed, sampleYears } from "../data-samples/generate/samples.js";
import { packageRoot } from "../pipeline/system/paths.js";
import type { PublishReport } from "../pipeline/publish/site.js";
import type { RunSummary } from "../pipeline/run.js";
import type { BaselineGroup, BaselinePlan, BaselineResult } from "./baseline.js";
import { ensureCorrection, ensureDataset, type Correction, type Dataset } from "./dataset.js";
import { hasGnuTime, measure, type Measured } from "./measure.js";
import { phasesOf, summariseLog, type LogSummary, type PhaseTime } from "./phases.js";
import { formatResult } from "./table.js";
import type { Trace } from "./trace.js";

export interface Host {
  readonly cpus: number;
  readonly cpuModel: string;
  readonly memoryBytes: number;
  readonly node: string;
  readonly gnuTime: boolean;
  readonly git: { readonly commit: string | null; readonly changedFiles: number | null };
}

/** os.loadavg() at one moment: 1, 5 and 15 minute averages. */
export interface Load {
  readonly at: string;
  readonly loadAverage: readonly [number, number, number];
}

export interface Process {
  readonly exitCode: number | null;
  readonly timedOut: boolean;
  readonly wallSeconds: number;
  readonly peakRssBytes: number | null;
  readonly peakRssSource: string | null;
  readonly cpuSeconds: number | null;
  /** load average just before the command started */
  readonly loadBefore: readonly [number, number, number];
}

export interface KasRun extends Process {
  readonly name: string;
  readonly outcome: string | null;
  readonly files: { readonly accepted: number; readonly rejected: number; readonly unchanged: number } | null;
  readonly rejected: readonly string[];
  readonly rows: { readonly bistand: number; readonly insats: number } | null;
  readonly replacements: number | null;
  readonly stages: readonly { readonly stage: string; readonly seconds: number }[];
  readonly report: { readonly marts: number; readonly protection: number; readonly render: number } | null;
  readonly log: LogSummary | null;
  readonly phases: readonly PhaseTime[] | null;
  /** resident MiB over time: [seconds, MiB], every 2 s */
  readonly rss: readonly (readonly [number, number])[];
  readonly error: string | null;
}

export interface Target {
  readonly name: string;
  readonly value: number | null;
  readonly limit: number;
  readonly unit: string;
  readonly met: boolean | null;
}

export interface BenchResult {
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly params: { readonly rows: number; readonly municipalities: number; readonly seed: number; readonly years: readonly number[]; readonly trace: boolean; readonly floor?: boolean };
  readonly host: Host;
  readonly load: readonly Load[];
  readonly data: {
    readonly dir: string;
    readonly files: number;
    readonly rows: { readonly bistand: number; readonly insats: number };
    readonly bytes: number;
    readonly generatedSeconds: number | null;
    readonly correction: Omit<Correction, "path">;
  };
  readonly baseline: (Process & { readonly load: BaselineResult | null; readonly error: string | null }) | null;
  /** with --floor: the least a load that pseudonymises must do (bench/baseline.ts floorSql), measured like the baseline */
  readonly floor?: BenchResult["baseline"];
  readonly runs: readonly KasRun[];
  /** kas wall time ÷ baseline wall time, first load (the target) */
  readonly ratio: number | null;
  /** the same for CPU time (user + system): less sensitive to other processes on the machine */
  readonly cpuRatio: number | null;
  readonly targets: readonly Target[];
  readonly workDir: string | null;
}

const GiB = 2 ** 30;
const here = dirname(fileURLToPath(import.meta.url));
const cli = join(packageRoot, "dist", "pipeline", "cli.js");

function host(): Host {
  const git = (args: string[]) => {
    const r = spawnSync("git", args, { cwd: packageRoot, encoding: "utf8" });
    return r.status === 0 ? r.stdout : null;
  };
  const status = git(["status", "--porcelain"]);
  return {
    cpus: cpus().length, cpuModel: cpus()[0]?.model ?? "unknown", memoryBytes: totalmem(), node: process.version, gnuTime: hasGnuTime(),
    git: { commit: git(["rev-parse", "--short", "HEAD"])?.trim() ?? null, changedFiles: status === null ? null : status.split("\n").filter(Boolean).length }
  };
}

const loadNow = (): [number, number, number] => loadavg().map((x) => Math.round(x * 100) / 100) as [number, number, number];

/** The run's own inbox: hard links to the cached files (same bytes, same mtime, nothing copied). */
function linkInbox(d: Dataset, inbox: string): void {
  for (const f of d.files) link(join(d.inbox, f.file), join(inbox, f.file));
}

function link(from: string, to: string): void {
  mkdirSync(dirname(to), { recursive: true });
  try {
    linkSync(from, to);
  } catch {
    copyFileSync(from, to);
    const st = statSync(from);
    utimesSync(to, st.atime, st.mtime);
  }
}

function processOf(m: Measured, loadBefore: [number, number, number]): Process {
  return {
    exitCode: m.exitCode, timedOut: m.timedOut, wallSeconds: round(m.wallSeconds), peakRssBytes: m.peakRssBytes, peakRssSource: m.peakRssSource,
    cpuSeconds: m.userSeconds === null || m.systemSeconds === null ? null : round(m.userSeconds + m.systemSeconds), loadBefore
  };
}

async function runBaseline(d: Dataset, work: string, say: (s: string) => void, floor = false): Promise<NonNullable<BenchResult["baseline"]>> {
  const name = floor ? "floor" : "baseline";
  const groups = new Map<string, BaselineGroup & { files: string[] }>();
  for (const f of d.files) {
    const key = `${f.kind}:${f.dialect}`;
    const dialect = dialects[f.dialect];
    if (dialect.file !== "csv") throw new Error(`the baseline reads CSV only, not ${f.dialect}`);
    const g = groups.get(key) ?? { kind: f.kind, dialect: f.dialect, delimiter: dialect.delimiter, decimal: dialect.decimal, files: [] };
    g.files.push(join(d.inbox, f.file));
    groups.set(key, g);
  }
  const plan: BaselinePlan = { db: join(work, `${name}.duckdb`), groups: [...groups.values()], floor };
  const planFile = join(work, `${name}-plan.json`);
  writeFileSync(planFile, JSON.stringify(plan));
  say(`${name}: ${floor ? "pseudonymised" : "bare DuckDB"} load of ${d.files.length} files (${groups.size} dialect groups) …`);
  const loadBefore = loadNow();
  const m = await measure(process.execPath, [join(here, "baseline.js"), planFile], { stderrFile: join(work, `${name}.stderr`) });
  let load: BaselineResult | null = null;
  let error: string | null = null;
  if (m.exitCode === 0) load = JSON.parse(m.stdout) as BaselineResult;
  else error = readFileSync(join(work, `${name}.stderr`), "utf8").trim().slice(0, 2000) || `exit ${m.exitCode ?? m.signal}`;
  rmSync(plan.db, { force: true });
  say(load ? `${name}: ${m.wallSeconds.toFixed(1)} s, ${load.rows.bistand} + ${load.rows.insats} rows, ${load.threads} threads` : `${name} FAILED: ${error}`);
  return { ...processOf(m, loadBefore), load, error };
}

interface KasPaths {
  readonly inbox: string;
  readonly state: string;
  readonly key: string;
  readonly trace: boolean;
  readonly timeoutSeconds: number;
}

function logFiles(dir: string): Set<string> {
  return new Set(existsSync(dir) ? readdirSync(dir).filter((f) => /^run-.*\.log$/.test(f)) : []);
}

async function runKas(name: string, p: KasPaths, say: (s: string) => void): Promise<KasRun> {
  const logDir = join(p.state, "logs");
  const before = logFiles(logDir);
  const tag = name.replace(/\W+/g, "-");
  const traceFile = join(p.state, `..`, `trace-${tag}.json`);
  rmSync(traceFile, { force: true });
  const env: NodeJS.ProcessEnv = { ...process.env, KAS_KEY: p.key, KAS_VERBOSE: "1" };
  const node: string[] = [];
  if (p.trace) {
    env.KAS_BENCH_TRACE = traceFile;
    node.push("--import", pathToFileURL(join(here, "trace.js")).href);
  }
  const args = [...node, cli, "run", "--inbox", p.inbox, "--out", join(p.state, "site"), "--db", join(p.state, "kas.duckdb"), "--json"];
  say(`kas run (${name}) …`);
  const loadBefore = loadNow();
  const m = await measure(process.execPath, args, {
    env, stderrFile: join(p.state, "..", `kas-${tag}.stderr`), timeoutSeconds: p.timeoutSeconds,
    onStderrLine: (line) => {
      if (/^(inläsning|rapporter): \d+\/\d+$/.test(line) || /^(VARNING|FEL): /.test(line)) say(`  kas: ${line}`);
    }
  });
  const newLog = [...logFiles(logDir)].find((f) => !before.has(f));
  const log = newLog ? summariseLog(join(logDir, newLog), m.startedAtMs) : null;
  const phases = p.trace && existsSync(traceFile) ? phasesOf(JSON.parse(readFileSync(traceFile, "utf8")) as Trace) : null;
  let summary: RunSummary | null = null;
  let error: string | null = null;
  try {
    summary = m.stdout.trim() ? (JSON.parse(m.stdout) as RunSummary) : null;
  } catch {
    error = "kas printed no JSON summary";
  }
  if (m.exitCode !== 0) {
    const stderr = readFileSync(join(p.state, "..", `kas-${tag}.stderr`), "utf8");
    error = m.timedOut
      ? `stopped after ${p.timeoutSeconds} s (--timeout)`
      : `exit ${m.exitCode ?? m.signal}: ${stderr.split("\n").filter((l) => l.startsWith("kas:") || l.startsWith("Orsak:") || l.startsWith("FEL")).join(" ").slice(0, 2000) || stderr.slice(-2000)}`;
  }
  const files = summary?.files;
  const run: KasRun = {
    name, ...processOf(m, loadBefore),
    outcome: summary?.outcome ?? null,
    files: files ? { accepted: files.accepted.length, rejected: files.rejected.length, unchanged: files.unchanged } : null,
    rejected: files ? files.rejected.map((f) => `${f.file}: ${[...new Set(f.findings.map((x) => x.code))].join(", ")}`) : [],
    rows: summary?.rows ?? null,
    replacements: summary?.replacements ?? null,
    stages: summary?.stages ?? [],
    report: (summary?.report as PublishReport | null | undefined)?.seconds ?? null,
    log, phases,
    rss: m.rss.filter((_, i) => i % 4 === 0),
    error
  };
  const peak = run.peakRssBytes === null ? "?" : `${(run.peakRssBytes / GiB).toFixed(2)} GiB`;
  say(`kas run (${name}): ${m.wallSeconds.toFixed(1)} s, peak ${peak}, exit ${m.exitCode ?? m.signal}${error ? ` — ${error}` : ""}`);
  return run;
}

function targetsOf(ratio: number | null, runs: readonly KasRun[]): Target[] {
  const [first, unchanged] = runs;
  const t = (name: string, value: number | null | undefined, limit: number, unit: string): Target => ({
    name, value: value ?? null, limit, unit, met: value === null || value === undefined ? null : value <= limit
  });
  const reports = first?.stages.find((s) => s.stage === "rapporter")?.seconds;
  return [
    t("kas / baseline (first run)", ratio, 1.5, "×"),
    t("peak RSS of kas (first run)", first?.exitCode === 0 && first.peakRssBytes !== null ? round(first.peakRssBytes / GiB) : null, 2, "GiB"),
    t("no-change rerun", unchanged?.exitCode === 0 ? unchanged.wallSeconds : null, 2, "s"),
    t("reports: marts + protection + render (first run)", first?.exitCode === 0 ? reports : null, 10, "s")
  ];
}

const round = (x: number) => Math.round(x * 1000) / 1000;

async function main(): Promise<number> {
  const args = await yargs(hideBin(process.argv))
    .scriptName("bench")
    .usage("$0 [--rows N] [--municipalities N] [--keep] [--trace]")
    .option("rows", { type: "number", default: 10_000_000, describe: "bistand person-month rows in all (about)" })
    .option("municipalities", { type: "number", default: 290, describe: "number of municipalities (1–290)" })
    .option("seed", { type: "number", default: sampleSeed, describe: "seed of the generator" })
    .option("keep", { type: "boolean", default: false, describe: "keep the run's inbox, state, database and logs in bench/data/run-*" })
    .option("trace", { type: "boolean", default: false, describe: "time every DuckDB statement of kas (bench/trace.ts) and show where the time goes" })
    .option("timeout", { type: "number", default: 60, describe: "minutes after which a kas run is stopped" })
    .option("floor", { type: "boolean", default: false, describe: "also time the floor: the baseline's load with every person_id pseudonymised, nothing else" })
    .option("show", { type: "string", describe: "print the table of a saved result (bench/out/result-*.json) and stop" })
    .strict()
    .fail((msg, err) => {
      console.error(err?.message ?? msg);
      process.exit(2);
    })
    .parseAsync();
  if (args.show) {
    process.stdout.write(formatResult(JSON.parse(readFileSync(args.show, "utf8")) as BenchResult));
    return 0;
  }
  if (!existsSync(cli)) throw new Error(`${relative(process.cwd(), cli)} is missing: build first (npm run build)`);
  const say = (s: string) => process.stderr.write(`${s}\n`);
  const startedAt = new Date();
  const load: Load[] = [];
  const mark = (at: string) => load.push({ at, loadAverage: loadNow() });
  mark("start");
  const info = host();
  say(`kas benchmark: ${args.municipalities} municipalities, ${args.rows} bistand rows; ${info.cpus} cores, load ${loadNow().join(" ")}`);

  const dataRoot = join(packageRoot, "bench", "data");
  const params = { municipalities: args.municipalities, rows: args.rows, seed: args.seed, years: [...sampleYears] };
  const d = await ensureDataset(dataRoot, params, say);
  const correction = await ensureCorrection(d);
  mark("data ready");

  const stamp = startedAt.toISOString().replace(/[:.]/g, "").slice(0, 17);
  const work = join(dataRoot, `run-${stamp}`);
  rmSync(work, { recursive: true, force: true });
  const inbox = join(work, "inbox");
  const state = join(work, "state");
  mkdirSync(state, { recursive: true });
  linkInbox(d, inbox);

  const baseline = await runBaseline(d, work, say);
  mark("after baseline");
  const floor = args.floor ? await runBaseline(d, work, say, true) : undefined;
  if (floor) mark("after floor");
  const paths: KasPaths = { inbox, state, key: randomBytes(32).toString("hex"), trace: args.trace, timeoutSeconds: args.timeout * 60 };
  const runs: KasRun[] = [];
  runs.push(await runKas("first load", paths, say));
  mark("after first run");
  if (runs[0].exitCode === 0) {
    runs.push(await runKas("no change", paths, say));
    mark("after no-change run");
    link(correction.path, join(inbox, correction.file));
    runs.push(await runKas("one new file", paths, say));
    mark("after one-new-file run");
  }

  const ratio = baseline.load && runs[0].exitCode === 0 ? round(runs[0].wallSeconds / baseline.wallSeconds) : null;
  const cpuRatio = ratio !== null && runs[0].cpuSeconds && baseline.cpuSeconds ? round(runs[0].cpuSeconds / baseline.cpuSeconds) : null;
  const failed = runs.some((r) => r.exitCode !== 0) || !baseline.load || (floor !== undefined && !floor.load);
  const keep = args.keep || failed;
  if (!keep) rmSync(work, { recursive: true, force: true });
  const { path: _path, ...correctionInfo } = correction;
  const result: BenchResult = {
    startedAt: startedAt.toISOString(), finishedAt: new Date().toISOString(),
    params: { ...params, trace: args.trace, floor: args.floor }, host: info, load,
    data: {
      dir: relative(packageRoot, d.dir), files: d.files.length, rows: d.rows, bytes: d.bytes, generatedSeconds: d.generatedSeconds === null ? null : round(d.generatedSeconds),
      correction: correctionInfo
    },
    baseline, floor, runs, ratio, cpuRatio, targets: targetsOf(ratio, runs), workDir: keep ? relative(packageRoot, work) : null
  };
  const outDir = join(packageRoot, "bench", "out");
  mkdirSync(outDir, { recursive: true });
  const outFile = join(outDir, `result-${stamp}.json`);
  writeFileSync(outFile, JSON.stringify(result, null, 2) + "\n");
  process.stdout.write(formatResult(result));
  say(`\nresult: ${relative(process.cwd(), outFile)}${keep ? `; work folder kept: ${relative(process.cwd(), work)}` : ""}`);
  return failed ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (e: Error) => {
    console.error(`bench: ${e.message}`);
    process.exitCode = 1;
  }
);
