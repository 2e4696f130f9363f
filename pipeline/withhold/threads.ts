// Protection of several reports at once, in worker threads. Each thread's V8 compiles and collects
// garbage in background threads of its own, so a core is left to them unless the work is large: on
// two cores the seven national reports of 10 M rows (4 900 primary rows) took 2.5 s in this thread and
// 3.0 s in two workers, those of 1 M rows (17 000 primary rows, small municipalities) 15 s in this
// thread and 12.7 s in two workers. Running from source (the tests), where no compiled worker exists,
// the work is done in this thread.
import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { isPrimary, type IndicatorRow } from "./model.js";
import { withholdBlocks, type BlockResult } from "./blocks.js";

export interface WithholdTask {
  readonly tg: string;
  readonly rows: readonly IndicatorRow[];
  readonly threshold: number;
}

/**
 * Primary rows (all tasks) from which every core is worth a thread; below, one core is left to V8.
 * Lowered from 8 000 with the breakdowns of contract §6.3: a block now holds ~200 counts instead of ~45
 * and a primary costs several times the LP work it did, so the bundled samples (7 180 primaries, ~7 s of
 * protection CPU) are already worth both cores.
 */
export const largeWithholding = 1000;

/** The protections of several reports, each settled as soon as it is done; close() when no longer needed. */
export interface Withholding {
  /** per task, in the tasks' order: its blocks' decisions */
  readonly results: readonly Promise<Map<string, BlockResult>>[];
  /** stops the threads (after an error of the caller's, the remaining work is abandoned) */
  close(): Promise<void>;
}

/**
 * Starts protecting every task: in worker threads, or in this thread one after another. The caller can use a report's decisions — write its
 * pages — while the threads protect the others.
 */
export function withholdEach(tasks: readonly WithholdTask[], threadsWanted?: number): Withholding {
  const script = new URL("./thread.js", import.meta.url);
  const settle = tasks.map(() => {
    let resolve!: (m: Map<string, BlockResult>) => void;
    let reject!: (e: Error) => void;
    const promise = new Promise<Map<string, BlockResult>>((yes, no) => ((resolve = yes), (reject = no)));
    promise.catch(() => {}); // a task the caller never awaits (it stopped at an earlier one) must not be an unhandled rejection
    return { promise, resolve, reject };
  });
  const results = settle.map((s) => s.promise);
  // the work of a task is its primary rows: blocks without one are not modelled (pipeline/withhold/blocks.ts)
  const work = tasks
    .map((t, id) => ({ ...t, id, primaries: t.rows.filter((r) => isPrimary(r, t.threshold)).length }))
    .filter((t) => t.rows.length > 0);
  for (const [id, t] of tasks.entries()) if (t.rows.length === 0) settle[id].resolve(new Map());
  const primaries = work.reduce((n, t) => n + t.primaries, 0);
  threadsWanted ??= availableParallelism() - (primaries >= largeWithholding ? 0 : 1);
  const threads = Math.min(threadsWanted, work.length);
  if (threads <= 1 || !existsSync(fileURLToPath(script))) {
    let stopped = false;
    const done = (async () => {
      for (const t of work) {
        if (stopped) return settle[t.id].reject(new Error("protection stopped"));
        try {
          settle[t.id].resolve(await withholdBlocks(t.tg, t.rows, t.threshold));
        } catch (e) {
          settle[t.id].reject(e as Error);
        }
      }
    })();
    return { results, close: async () => ((stopped = true), await done) };
  }
  // the smallest first: the caller writes a report's pages as soon as it is done, so that this thread
  // works from early on, and the biggest last, beside the pages of the others
  const queue = [...work].sort((a, b) => a.primaries - b.primaries);
  const workers = Array.from({ length: threads }, () => new Worker(script));
  const failAll = (e: Error) => {
    for (const t of queue.splice(0)) settle[t.id].reject(e);
    for (const s of settle) s.reject(e); // settled ones stay as they were
  };
  const done = Promise.all(
    workers.map(
      (worker) =>
        new Promise<void>((resolve) => {
          const next = () => {
            const t = queue.shift();
            if (!t) return resolve();
            worker.postMessage({ id: t.id, tg: t.tg, rows: t.rows, threshold: t.threshold });
          };
          worker.on("message", (m: { id: number; result?: [string, BlockResult][]; error?: string }) => {
            if (m.error) {
              failAll(new Error(m.error));
              return resolve();
            }
            settle[m.id].resolve(new Map(m.result));
            next();
          });
          worker.on("error", (e) => {
            failAll(e);
            resolve();
          });
          next();
        })
    )
  );
  void done.then(() => Promise.all(workers.map((w) => w.terminate())));
  return {
    results,
    close: async () => {
      failAll(new Error("protection stopped"));
      await Promise.all(workers.map((w) => w.terminate()));
    }
  };
}

/** Protects every task and waits for all of them. */
export async function withholdInParallel(tasks: readonly WithholdTask[], threadsWanted?: number): Promise<Map<string, BlockResult>[]> {
  const w = withholdEach(tasks, threadsWanted);
  try {
    return await Promise.all(w.results);
  } finally {
    await w.close();
  }
}
