// Protection of several reports at once, in worker threads: one per core but one (at most the number
// of tasks). The core left over is V8's: each thread compiles and collects garbage in background
// threads of its own, and two workers on two cores took longer than this thread alone (measured: 3.0
// against 2.5 s for the seven national reports). With two cores or fewer, or running from source (the
// tests), where no compiled worker exists, the work is done in this thread.
import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { IndicatorRow } from "./confidentiality.js";
import { protectBlocks, type BlockResult } from "./protection.js";

export interface ProtectTask {
  readonly tg: string;
  readonly rows: readonly IndicatorRow[];
  readonly threshold: number;
}

export async function protectInParallel(tasks: readonly ProtectTask[], threadsWanted = availableParallelism() - 1): Promise<Map<string, BlockResult>[]> {
  const script = new URL("./protect-worker.js", import.meta.url);
  const work = tasks.map((t, id) => ({ ...t, id })).filter((t) => t.rows.length > 0);
  const results: Map<string, BlockResult>[] = tasks.map(() => new Map());
  const threads = Math.min(threadsWanted, work.length);
  if (threads <= 1 || !existsSync(fileURLToPath(script))) {
    for (const t of work) results[t.id] = await protectBlocks(t.tg, t.rows, t.threshold);
    return results;
  }
  // the biggest tasks first, so the two threads finish together
  const queue = [...work].sort((a, b) => b.rows.length - a.rows.length);
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
