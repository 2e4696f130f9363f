// A preload for the benchmark's `--trace`: `node --import <this file> dist/pipeline/cli.js run …`.
// It times every statement kas sends to DuckDB, without touching the pipeline: DuckDBConnection.run
// and .stream (through which every query of @duckdb/node-api goes) are wrapped, and on exit every
// call (start, duration, label) is written as JSON to the file named by KAS_BENCH_TRACE. A statement read
// from sql/ is named by its file; any other by its first words with every literal (and every
// quoted name that is not a plain word) replaced by "?", so no value — a path, a code, let alone an
// identity number — reaches the trace.
import { DuckDBConnection, DuckDBInstance } from "@duckdb/node-api";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { sqlDir } from "../pipeline/system/paths.js";

/** One call: [start, seconds, label], start in seconds after the process started. */
export type TraceCall = readonly [number, number, string];

export interface Trace {
  /** process uptime when the trace was written: the whole run as this process saw it */
  readonly processSeconds: number;
  /** every statement, database open and close, in the order they started */
  readonly calls: readonly TraceCall[];
}

interface Signature {
  readonly label: string;
  readonly prefix: string;
}

/** The text of each sql/ file up to its first placeholder, longest first (the most specific match wins). */
export function sqlSignatures(dir = sqlDir): Signature[] {
  const out: Signature[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!e.isFile() || !e.name.endsWith(".sql")) continue;
    const path = join(e.parentPath, e.name);
    const text = readFileSync(path, "utf8");
    const cut = text.indexOf("{{");
    const prefix = (cut < 0 ? text : text.slice(0, cut)).trimStart();
    if (prefix.length >= 12) out.push({ label: `sql/${relative(dir, path)}`, prefix });
  }
  return out.sort((a, b) => b.prefix.length - a.prefix.length);
}

/** A name for a statement that carries no data: its sql/ file, or its first words without literals. */
export function labelOf(sql: string, signatures: readonly Signature[]): string {
  const text = sql.trimStart();
  for (const s of signatures) if (text.startsWith(s.prefix)) return s.label;
  const words = text
    .replace(/--[^\n]*/g, " ")
    .replace(/'(?:[^']|'')*'/g, "?")
    .replace(/"((?:[^"]|"")*)"/g, (q, name: string) => (/^\w+$/.test(name) ? q : '"?"'))
    .replace(/\b\d+(\.\d+)?\b/g, "?")
    .replace(/\s+/g, " ")
    .trim();
  return words.length > 72 ? `${words.slice(0, 72)}…` : words;
}

type Method = (...args: unknown[]) => unknown;

function install(target: string): void {
  const signatures = sqlSignatures();
  const calls: [number, number, string][] = [];
  const add = (label: string, t0: number) => calls.push([round(t0 / 1000), round((performance.now() - t0) / 1000), label]);
  // every query of @duckdb/node-api goes through run (runAndRead…) or stream (streamAndRead…)
  const conn = DuckDBConnection.prototype as unknown as Record<string, Method>;
  for (const method of ["run", "stream"]) {
    const original = conn[method];
    conn[method] = async function (this: unknown, ...args: unknown[]) {
      const t0 = performance.now();
      try {
        return await original.apply(this, args);
      } finally {
        add(labelOf(String(args[0]), signatures), t0);
      }
    };
  }
  // opening a database file, and closing it (which may checkpoint)
  const statics = DuckDBInstance as unknown as Record<string, Method>;
  const create = statics.create;
  statics.create = async function (this: unknown, ...args: unknown[]) {
    const t0 = performance.now();
    try {
      return await create.apply(this, args);
    } finally {
      add("(open database)", t0);
    }
  };
  const instance = DuckDBInstance.prototype as unknown as Record<string, Method>;
  const closeSync = instance.closeSync;
  instance.closeSync = function (this: unknown, ...args: unknown[]) {
    const t0 = performance.now();
    try {
      return closeSync.apply(this, args);
    } finally {
      add("(close database)", t0);
    }
  };
  process.on("exit", () => {
    calls.sort((x, y) => x[0] - y[0]);
    const trace: Trace = { processSeconds: round(performance.now() / 1000), calls };
    writeFileSync(target, JSON.stringify(trace) + "\n");
  });
}

const round = (x: number) => Math.round(x * 1000) / 1000;

if (process.env.KAS_BENCH_TRACE) install(process.env.KAS_BENCH_TRACE);
