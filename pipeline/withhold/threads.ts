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

export async function withholdInParallel(tasks: readonly WithholdTask[], threadsWanted?: number): Promise<Map<string, BlockResult>[]> {
  const script = new URL("./thread.js", import.meta.url);
  // the work of a task is its primary rows: blocks without one are not modelled (pipeline/withhold/blocks.ts)
  const work = tasks
    .map((t, id) => ({ ...t, id, primaries: t.rows.filter((r) => isPrimary(r, t.threshold)).length }))
    .filter((t) => t.rows.length > 0);
  const primaries = work.reduce((n, t) => n + t.primaries, 0);
  threadsWanted ??= availableParallelism() - (primaries >= largeWithholding ? 0 : 1);
  const results: Map<string, BlockResult>[] = tasks.map(() => new Map());
  const threads = Math.min(threadsWanted, work.length);
  if (threads <= 1 || !existsSync(fileURLToPath(script))) {
    for (const t of work) results[t.id] = await withholdBlocks(t.tg, t.rows, t.threshold);
    return results;
  }
  // the biggest tasks first, so the threads finish together
  const queue = [...work].sort((a, b) => b.primaries - a.primaries);
  const workers = Array.from({ length: threads }, () => new Worker(script));
  try {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            const next = () => {
              const t = queue.shift();
              if (!t) return resolve();
              worker.postMessage({ id: t.id, tg: t.tg, rows: t.rows, threshold: t.threshold });
            };
            worker.on("message", (m: { id: number; result?: [string, BlockResult][]; error?: string }) => {
              if (m.error) return reject(new Error(m.error));
              results[m.id] = new Map(m.result);
              next();
            });
            worker.on("error", reject);
            next();
          })
      )
    );
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return results;
}
