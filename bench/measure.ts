// Runs a command as a child process and measures it: wall time, peak resident memory and CPU time.
// With GNU time (/usr/bin/time) the peak is the kernel's exact maximum (ru_maxrss); the child's
// /proc/<pid>/status is also sampled twice a second, for the peak when GNU time is missing and for
// a memory curve that shows in which stage the peak falls.
import { spawn, spawnSync } from "node:child_process";
import { createWriteStream, existsSync, readFileSync, rmSync } from "node:fs";
import { createInterface } from "node:readline";

export interface Measured {
  /** the command's exit code; null when it was killed */
  readonly exitCode: number | null;
  readonly signal: string | null;
  readonly timedOut: boolean;
  readonly wallSeconds: number;
  /** peak resident set size of the command's process */
  readonly peakRssBytes: number | null;
  readonly peakRssSource: "gnu-time" | "proc-status" | null;
  readonly userSeconds: number | null;
  readonly systemSeconds: number | null;
  readonly stdout: string;
  /** [seconds since start, resident MiB], one sample per interval */
  readonly rss: readonly (readonly [number, number])[];
  /** when the command started (ms since the epoch): log timestamps are relative to it */
  readonly startedAtMs: number;
}

export interface MeasureOptions {
  readonly env?: NodeJS.ProcessEnv;
  readonly cwd?: string;
  /** standard error goes here (the command's log lines) */
  readonly stderrFile: string;
  /** called with each line of standard error as it comes */
  readonly onStderrLine?: (line: string) => void;
  readonly timeoutSeconds?: number;
  readonly sampleMs?: number;
}

let gnuTimeCache: boolean | undefined;

/** Whether /usr/bin/time is GNU time (which has -f and -o). */
export function hasGnuTime(): boolean {
  if (gnuTimeCache === undefined) {
    const r = existsSync("/usr/bin/time") ? spawnSync("/usr/bin/time", ["--version"], { encoding: "utf8" }) : null;
    gnuTimeCache = !!r && `${r.stdout}${r.stderr}`.includes("GNU");
  }
  return gnuTimeCache;
}

/** Parses what `/usr/bin/time -f "%M %e %U %S"` wrote: the last line holds the figures. */
export function parseGnuTime(text: string): { maxRssKiB: number; wall: number; user: number; system: number } | null {
  const lines = text.trim().split("\n");
  const m = /^(\d+) ([\d.]+) ([\d.]+) ([\d.]+)$/.exec(lines[lines.length - 1] ?? "");
  return m ? { maxRssKiB: Number(m[1]), wall: Number(m[2]), user: Number(m[3]), system: Number(m[4]) } : null;
}

/** VmRSS and VmHWM (peak) of a process, in bytes; null once it is gone. */
export function procMemory(pid: number): { rss: number; hwm: number } | null {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/status`, "utf8");
  } catch {
    return null;
  }
  const kib = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, "m").exec(text)?.[1] ?? NaN) * 1024;
  const rss = kib("VmRSS");
  const hwm = kib("VmHWM");
  return Number.isFinite(rss) && Number.isFinite(hwm) ? { rss, hwm } : null;
}

function childOf(pid: number): number | null {
  try {
    const first = readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim().split(/\s+/)[0];
    return first ? Number(first) : null;
  } catch {
    return null;
  }
}

/** Runs command with args and measures it. Never throws for the command's own failure. */
export async function measure(command: string, args: readonly string[], o: MeasureOptions): Promise<Measured> {
  const gnu = hasGnuTime();
  const timeFile = `${o.stderrFile}.time`;
  rmSync(timeFile, { force: true });
  const [cmd, argv] = gnu ? ["/usr/bin/time", ["-f", "%M %e %U %S", "-o", timeFile, command, ...args]] : [command, [...args]];
  const startedAtMs = Date.now();
  const t0 = performance.now();
  // its own process group, so that a time-out ends the command and not only GNU time
  const child = spawn(cmd, argv, { cwd: o.cwd, env: o.env, stdio: ["ignore", "pipe", "pipe"], detached: true });
  const stdout: Buffer[] = [];
  child.stdout.on("data", (b: Buffer) => stdout.push(b));
  const err = createWriteStream(o.stderrFile);
  child.stderr.pipe(err);
  if (o.onStderrLine) createInterface({ input: child.stderr }).on("line", o.onStderrLine);

  const rss: [number, number][] = [];
  let hwm = 0;
  let target: number | null = gnu ? null : child.pid ?? null;
  const sample = () => {
    if (target === null && child.pid !== undefined) target = childOf(child.pid);
    if (target === null) return;
    const m = procMemory(target);
    if (!m) return;
    hwm = Math.max(hwm, m.hwm);
    rss.push([Math.round(performance.now() - t0) / 1000, Math.round(m.rss / 2 ** 20)]);
  };
  const timer = setInterval(sample, o.sampleMs ?? 500);
  let timedOut = false;
  const killer = o.timeoutSeconds
    ? setTimeout(() => {
        timedOut = true;
        if (child.pid !== undefined) process.kill(-child.pid, "SIGKILL");
      }, o.timeoutSeconds * 1000)
    : null;

  const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) => child.on("close", (c, s) => resolve([c, s])));
  const wallSeconds = (performance.now() - t0) / 1000;
  clearInterval(timer);
  if (killer) clearTimeout(killer);
  await new Promise<void>((resolve) => err.end(resolve));

  const timed = gnu && existsSync(timeFile) ? parseGnuTime(readFileSync(timeFile, "utf8")) : null;
  rmSync(timeFile, { force: true });
  const peak = timed ? timed.maxRssKiB * 1024 : hwm || null;
  return {
    exitCode: timedOut ? null : code,
    signal: timedOut ? "SIGKILL" : signal,
    timedOut,
    wallSeconds,
    peakRssBytes: peak,
    peakRssSource: timed ? "gnu-time" : hwm ? "proc-status" : null,
    userSeconds: timed?.user ?? null,
    systemSeconds: timed?.system ?? null,
    stdout: Buffer.concat(stdout).toString("utf8"),
    rss,
    startedAtMs
  };
}
