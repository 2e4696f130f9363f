// Running kas in temporary folders: write an inbox of real files, run the command line in-process with a
// fixed clock (main() returns the exit code), and read back what it stored and published.
import { spawn } from "node:child_process";
import { afterAll } from "vitest";
import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { main, type ExitCode } from "../../pipeline/cli.js";
import { collectingLogger } from "../../pipeline/system/context.js";
import { openDb } from "../../pipeline/db/connection.js";
import { packageRoot } from "../../pipeline/system/paths.js";
import type { RunSummary } from "../../pipeline/run.js";

export const testKey = "5a".repeat(32);
export const fixedNow = new Date("2026-01-15T02:00:00+01:00");
export const cliPath = join(packageRoot, "dist", "pipeline", "cli.js");

/** A fresh folder under the system temp dir; remove it with cleanup(). */
export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `kas-${prefix}-`));
}

export function cleanup(...dirs: string[]): void {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
}

/** Writes files (path relative to the inbox → bytes); an mtime (ms or Date) per file is optional. */
export function writeInbox(inbox: string, files: Record<string, string | Buffer>, mtimes: Record<string, number | Date> = {}): void {
  for (const [rel, content] of Object.entries(files)) {
    const path = join(inbox, rel);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content);
    const t = mtimes[rel];
    if (t !== undefined) utimesSync(path, new Date(t), new Date(t));
  }
}

export interface KasResult {
  readonly code: ExitCode;
  readonly stdout: string;
  /** what main wrote to process.stderr itself (usage errors, failures) */
  readonly stderr: string;
  /** the run log, one line per entry */
  readonly log: string[];
}

/** `kas …` in-process: silent, fixed clock, KAS_KEY set unless env says otherwise. */
export async function kas(args: readonly string[], o: { env?: NodeJS.ProcessEnv; clock?: () => Date } = {}): Promise<KasResult> {
  const out: string[] = [];
  const err: string[] = [];
  const log = collectingLogger();
  const write = process.stderr.write;
  process.stderr.write = ((chunk: string | Uint8Array) => {
    err.push(typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8"));
    return true;
  }) as typeof process.stderr.write;
  try {
    const code = await main(args, { clock: o.clock ?? (() => fixedNow), env: o.env ?? { KAS_KEY: testKey }, print: (t) => out.push(t), log });
    return { code, stdout: out.join(""), stderr: err.join(""), log: log.lines };
  } finally {
    process.stderr.write = write;
  }
}

/** The state of one installation: inbox, published database and site, and what is kept beside the database. */
export interface Install {
  readonly root: string;
  readonly inbox: string;
  readonly db: string;
  readonly site: string;
  readonly state: string;
}

/** A fresh install per call, in a temporary folder named `<prefix>-<name>`; every one is removed after the test file's tests. */
export function freshInstalls(prefix: string): (name: string) => Install {
  const dirs: string[] = [];
  afterAll(() => cleanup(...dirs));
  return (name) => {
    const root = tempDir(`${prefix}-${name}`);
    dirs.push(root);
    return install(root);
  };
}

export function install(root: string): Install {
  const state = join(root, "state");
  return { root, inbox: join(root, "inbox"), db: join(state, "kas.duckdb"), site: join(root, "site"), state };
}

/** `kas run --json` on an installation; returns the exit code and the parsed summary (null if none was printed). */
export async function runKas(i: Install, extra: readonly string[] = [], o: { env?: NodeJS.ProcessEnv; clock?: () => Date } = {}) {
  const r = await kas(["run", "--inbox", i.inbox, "--db", i.db, "--out", i.site, "--json", ...extra], o);
  const summary = r.stdout ? (JSON.parse(r.stdout) as RunSummary) : null;
  return { ...r, summary };
}

/** Rows of a query on a database file, opened read-only and closed again. */
export async function query<T = Record<string, unknown>>(dbPath: string, sql: string): Promise<T[]> {
  const db = await openDb(dbPath, { readOnly: true, threads: 1 });
  try {
    return await db.all<T>(sql);
  } finally {
    db.close();
  }
}

/** A published data CSV (contract §7) as objects; values have no quotes or delimiters inside. */
export function readFigures(path: string): Record<string, string>[] {
  const [head, ...lines] = readFileSync(path, "utf8").trim().split("\n");
  const cols = head.split(",");
  return lines.map((l) => Object.fromEntries(l.split(",").map((v, k) => [cols[k], v])));
}

export const sha256 = (bytes: Buffer | string) => createHash("sha256").update(bytes).digest("hex");

/** Every regular file under dir, recursively. */
export function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...filesUnder(p));
    else if (e.isFile()) out.push(p);
  }
  return out;
}

export const mode = (path: string) => statSync(path).mode & 0o777;

/** The real command, `node dist/pipeline/cli.js …`, in a child process. */
export function spawnKas(
  args: readonly string[],
  o: { cwd: string; env?: NodeJS.ProcessEnv; cli?: string }
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const env = { ...o.env, PATH: process.env.PATH, TZ: "Europe/Stockholm" };
    const child = spawn(process.execPath, [o.cli ?? cliPath, ...args], { cwd: o.cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on("data", (b: Buffer) => out.push(b));
    child.stderr.on("data", (b: Buffer) => err.push(b));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout: Buffer.concat(out).toString("utf8"), stderr: Buffer.concat(err).toString("utf8") }));
  });
}
