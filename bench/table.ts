// The benchmark's printed result: a summary table with the targets, the seconds per stage of the
// three kas runs, ingest progress from the run log and, with --trace, where the time went.
import type { BenchResult, KasRun, Target } from "./run.js";

const GiB = 2 ** 30;

const int = (n: number) => Math.round(n).toLocaleString("en-US").replaceAll(",", " ");
const sec = (s: number | null | undefined) => (s === null || s === undefined ? "–" : s < 10 ? s.toFixed(2) : s.toFixed(1));
const gib = (b: number | null | undefined) => (b === null || b === undefined ? "–" : (b / GiB).toFixed(2));
const load = (l: readonly number[]) => l.map((x) => x.toFixed(2)).join(" ");

function row(cells: readonly string[], widths: readonly number[]): string {
  return cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ").trimEnd();
}

function verdict(t: Target | undefined): string {
  if (!t) return "";
  return t.met === null ? "not measured" : t.met ? "met" : "MISSED";
}

/** When the sampled memory curve peaks, and in which traced phase. */
function whenPeak(run: KasRun | undefined): string | null {
  if (!run?.rss.length) return null;
  const [t, mib] = run.rss.reduce((a, b) => (b[1] > a[1] ? b : a));
  let phase: string | null = null;
  let start = 0;
  for (const p of run.phases ?? []) {
    if (t >= start && t < start + p.seconds) phase = p.phase;
    start += p.seconds;
  }
  return `at ${sec(t)} s${phase ? ` (${phase})` : ""}: ${(mib / 1024).toFixed(2)} GiB sampled`;
}

export function formatResult(r: BenchResult): string {
  const out: string[] = [];
  const [first, unchanged, added] = [r.runs[0], r.runs[1], r.runs[2]] as (KasRun | undefined)[];
  const target = (name: string) => r.targets.find((t) => t.name.startsWith(name));
  const b = r.baseline?.load;

  out.push("");
  out.push(`kas benchmark — ${r.startedAt.slice(0, 16).replace("T", " ")} UTC, commit ${r.host.git.commit ?? "?"}` +
    (r.host.git.changedFiles ? ` (+${r.host.git.changedFiles} uncommitted changes)` : ""));
  out.push(`host: ${r.host.cpus} × ${r.host.cpuModel.trim()}, ${(r.host.memoryBytes / GiB).toFixed(1)} GiB RAM, Node ${r.host.node}` +
    (b ? `, DuckDB ${b.duckdb} (${b.threads} threads, memory limit ${b.memoryLimit})` : ""));
  out.push(`load average (1/5/15 min): ${r.load.map((l) => `${l.at} ${load(l.loadAverage)}`).join(" · ")}`);
  out.push(`data: ${r.params.municipalities} municipalities, ${r.data.files} files, ${(r.data.bytes / 1e6).toFixed(0)} MB; ` +
    `${int(r.data.rows.bistand)} bistand + ${int(r.data.rows.insats)} insats rows ` +
    (r.data.generatedSeconds === null ? "(cached)" : `(generated in ${sec(r.data.generatedSeconds)} s)`));
  out.push("");

  const w = [46, 14, 8, 12];
  const line = (label: string, value: string, t?: Target) => out.push(row([label, value, t ? `≤ ${t.limit}` : "", verdict(t)], w));
  out.push(row(["", "value", "target", ""], w));
  line("rows (bistand + insats)", int(r.data.rows.bistand + r.data.rows.insats));
  if (first?.rows) line("  rows loaded by kas", int(first.rows.bistand + first.rows.insats));
  if (b) line("  rows loaded by the baseline", int(b.rows.bistand + b.rows.insats));
  line("files", String(r.data.files));
  line("baseline: bare DuckDB load, s", sec(r.baseline?.wallSeconds));
  if (b) line(`  bistand ${sec(b.seconds.bistand)} · insats ${sec(b.seconds.insats)} · checkpoint ${sec(b.seconds.checkpoint)}`, "");
  const f = r.floor;
  if (f) {
    line("floor: the baseline pseudonymised, s", f.load ? sec(f.wallSeconds) : "failed");
    const ratio = f.load && r.baseline?.wallSeconds ? `${(f.wallSeconds / r.baseline.wallSeconds).toFixed(2)} × the baseline · ` : "";
    if (f.load) line(`  ${ratio}bistand ${sec(f.load.seconds.bistand)} · insats ${sec(f.load.seconds.insats)} · checkpoint ${sec(f.load.seconds.checkpoint)}`, "");
  }
  line("kas run, first load, s", sec(first?.wallSeconds));
  line("ratio kas / baseline", r.ratio === null ? "–" : `${r.ratio.toFixed(2)} ×`, target("kas / baseline"));
  const cpuRatio = r.cpuRatio ?? (first?.cpuSeconds && r.baseline?.cpuSeconds && r.ratio !== null ? first.cpuSeconds / r.baseline.cpuSeconds : null);
  if (cpuRatio !== null) line(`  CPU time: ${sec(first?.cpuSeconds)} s / ${sec(r.baseline?.cpuSeconds)} s = ${cpuRatio.toFixed(2)} ×`, "");
  line("peak RSS of kas (first load), GiB", gib(first?.peakRssBytes), target("peak RSS"));
  const peakAt = whenPeak(first);
  if (peakAt) line(`  resident memory peaks ${peakAt}`, "");
  line("no-change rerun, s", sec(unchanged?.wallSeconds), target("no-change"));
  line(`one new file, s`, sec(added?.wallSeconds));
  line(`  (${r.data.correction.file}, ${int(r.data.correction.rows)} rows)`, "");
  line("reports stage (first load), s", sec(first?.stages.find((s) => s.stage === "rapporter")?.seconds), target("reports"));
  if (first?.report) line(`  marts ${sec(first.report.marts)} · protection ${sec(first.report.protection)} · render ${sec(first.report.render)}`, "");
  if (r.baseline?.peakRssBytes) line("peak RSS of the baseline, GiB", gib(r.baseline.peakRssBytes));
  out.push("");

  const runs = r.runs;
  if (runs.length) {
    const cw = [28, ...runs.map(() => 14)];
    out.push(row(["seconds per stage", ...runs.map((x) => x.name)], cw));
    const stages = [...new Set(runs.flatMap((x) => x.stages.map((s) => s.stage)))];
    for (const st of stages) out.push(row([`  ${st}`, ...runs.map((x) => sec(x.stages.find((s) => s.stage === st)?.seconds))], cw));
    out.push(row(["  (report: marts)", ...runs.map((x) => sec(x.report?.marts))], cw));
    out.push(row(["  (report: protection)", ...runs.map((x) => sec(x.report?.protection))], cw));
    out.push(row(["  (report: render)", ...runs.map((x) => sec(x.report?.render))], cw));
    out.push(row(["process wall time", ...runs.map((x) => sec(x.wallSeconds))], cw));
    out.push(row(["CPU time (user + system)", ...runs.map((x) => sec(x.cpuSeconds))], cw));
    out.push(row(["peak RSS, GiB", ...runs.map((x) => gib(x.peakRssBytes))], cw));
    out.push(row(["outcome", ...runs.map((x) => `${x.exitCode ?? "killed"} ${x.outcome ?? ""}`.trim())], cw));
    out.push(row(["files new / rejected / same", ...runs.map((x) => (x.files ? `${x.files.accepted + x.files.rejected} / ${x.files.rejected} / ${x.files.unchanged}` : "–"))], cw));
    out.push(row(["replacements", ...runs.map((x) => (x.replacements === null ? "–" : String(x.replacements)))], cw));
    out.push(row(["load average before (1 min)", ...runs.map((x) => x.loadBefore[0].toFixed(2))], cw));
    for (const x of runs) {
      if (x.error) out.push(`${x.name}: ${x.error}`);
      for (const f of x.rejected.slice(0, 10)) out.push(`${x.name}: rejected ${f}`);
    }
    out.push("");
  }

  if (first?.log) {
    out.push(`first load, from the run log (seconds after the command started):`);
    const progress = first.log.timeline.filter(([, l]) => /^inläsning: /.test(l));
    out.push(`  ${progress.map(([t, l]) => `${l.replace("inläsning: ", "")} files at ${sec(t)}`).join(" · ") || "no ingest progress lines"}`);
    const rep = first.log.timeline.filter(([, l]) => /^rapporter: /.test(l));
    if (rep.length) out.push(`  reports ${rep.map(([t, l]) => `${l.replace("rapporter: ", "")} at ${sec(t)}`).join(" · ")}`);
    for (const wline of first.log.warnings.slice(0, 5)) out.push(`  ${wline}`);
    out.push("");
  }

  for (const x of runs) {
    if (!x.phases) continue;
    out.push(`where the time goes — ${x.name} (--trace; "other" is JavaScript and the disk: reading, hashing, copying, rendering)`);
    const pw = [52, 9, 10, 9];
    out.push(row(["  phase / statement", "wall s", "DuckDB s", "other s"], pw));
    for (const p of x.phases) {
      out.push(row([`  ${p.phase}`, sec(p.seconds), sec(p.sqlSeconds), sec(Math.max(0, p.seconds - p.sqlSeconds))], pw));
      for (const s of p.top.filter((s) => s.seconds >= 0.05 || p.top.length <= 3)) {
        const label = s.label.length > 38 ? `${s.label.slice(0, 37)}…` : s.label;
        out.push(row([`      ${label} ×${s.calls}`, "", sec(s.seconds), ""], pw));
      }
    }
    out.push("");
  }
  return out.join("\n") + "\n";
}
