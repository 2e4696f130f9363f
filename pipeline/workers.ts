// Protection of several reports at once, one worker thread per core (at most the number of tasks).
// Running from source (the tests), where no compiled worker exists, the work is done in this thread.
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

export async function protectInParallel(tasks: readonly ProtectTask[]): Promise<Map<string, BlockResult>[]> {
  const script = new URL("./protect-worker.js", import.meta.url);
  const work = tasks.map((t, id) => ({ ...t, id })).filter((t) => t.rows.length > 0);
  const results: Map<string, BlockResult>[] = tasks.map(() => new Map());
  const threads = Math.min(availableParallelism(), work.length);
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
