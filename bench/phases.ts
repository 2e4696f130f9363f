// Where a kas run spends its time, from two sources: the run log (timestamped lines; progress of
// ingest in 10 % steps, and with KAS_VERBOSE one line per file) and, with --trace, the statement
// trace (bench/trace.ts). The trace is split into the run's phases at statements that mark them:
// ingest (from its first look at what was seen before to the run's row being finished), the reports (from the first marts statement) and the
// final CHECKPOINT; within a phase, time not spent waiting for DuckDB is JavaScript (reading,
// hashing and copying files, rendering HTML) or the disk.
import { readFileSync } from "node:fs";
import type { Trace } from "./trace.js";

export interface LogSummary {
  /** progress and other plain lines: [seconds since the command started, line] */
  readonly timeline: readonly (readonly [number, string])[];
  /** per-file lines (KAS_VERBOSE): how many */
  readonly fileLines: number;
  readonly warnings: readonly string[];
}

const fileLine = /^\d{4}\/[^:]+: (inläst|avvisad)/;

/** Reads a kas run log; times are relative to startedAtMs (when the command was started). */
export function summariseLog(path: string, startedAtMs: number): LogSummary {
  const timeline: [number, string][] = [];
  const warnings: string[] = [];
  let fileLines = 0;
  for (const raw of readFileSync(path, "utf8").split("\n")) {
    // INFO, or a warning's or an error's level word in the run's language (VARNING, ADVARSEL, WARNING …)
    const m = /^(\S+) ([A-ZÄÅÖÆØ]+) (.*)$/.exec(raw);
    if (!m) continue;
    const t = Math.round(Date.parse(m[1]) - startedAtMs) / 1000;
    if (m[2] !== "INFO") warnings.push(`${m[2]}: ${m[3]}`);
    if (fileLine.test(m[3])) fileLines++;
    else timeline.push([t, m[3]]);
  }
  return { timeline, fileLines, warnings: warnings.slice(0, 20) };
}

export interface PhaseTime {
  readonly phase: string;
  /** wall time of the phase, measured between its marker statements */
  readonly seconds: number;
  /** of which waiting for DuckDB */
  readonly sqlSeconds: number;
  /** the statements that took the most time in this phase */
  readonly top: readonly { readonly label: string; readonly calls: number; readonly seconds: number }[];
}

const markers: readonly [string, (label: string) => boolean][] = [
  // statements read from sql/ are labelled by their file (bench/trace.ts labelOf)
  ["ingest", (l) => l === "sql/runs/inbox_seen.sql" || l === "sql/runs/next_file_ids.sql"],
  ["after ingest", (l) => l === "sql/runs/finish_run.sql"],
  ["reports", (l) => l === "sql/schema/marts.sql"],
  ["checkpoint and close", (l) => l === "CHECKPOINT"]
];

/** Splits a trace into the run's phases (a run with nothing new has only the first one). */
export function phasesOf(trace: Trace, topN = 8): PhaseTime[] {
  const bounds: { phase: string; at: number }[] = [{ phase: "start and setup", at: 0 }];
  let next = 0;
  for (const [at, , label] of trace.calls) {
    if (next < markers.length && markers[next][1](label)) {
      bounds.push({ phase: markers[next][0], at });
      next++;
    }
  }
  bounds.push({ phase: "", at: trace.processSeconds });
  const out: PhaseTime[] = [];
  for (let i = 0; i + 1 < bounds.length; i++) {
    const { phase, at } = bounds[i];
    const end = bounds[i + 1].at;
    const byLabel = new Map<string, { calls: number; seconds: number }>();
    let sql = 0;
    for (const [t, s, label] of trace.calls) {
      if (t < at || t >= end) continue;
      sql += s;
      const e = byLabel.get(label) ?? { calls: 0, seconds: 0 };
      e.calls++;
      e.seconds += s;
      byLabel.set(label, e);
    }
    const top = [...byLabel.entries()]
      .map(([label, e]) => ({ label, calls: e.calls, seconds: round(e.seconds) }))
      .sort((a, b) => b.seconds - a.seconds)
      .slice(0, topN);
    out.push({ phase, seconds: round(end - at), sqlSeconds: round(sql), top });
  }
  return out;
}

const round = (x: number) => Math.round(x * 1000) / 1000;
