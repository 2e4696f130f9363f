// Protection of several reports at once, in worker threads: each report is protected as soon as it is
// added, and settled as soon as it is done, so that the caller reads the next report's rows and writes
// a finished report's pages meanwhile (on two cores the national reports' pages and protection then
// share the cores instead of taking turns). Running from source (the tests), where no compiled worker
// exists, the work is done in this thread.
import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { isPrimary, type IndicatorRow } from "./model.js";
import { withholdBlocks, type BlockResult } from "./blocks.js";
import { rowColumns } from "./row-columns.js";

export interface WithholdTask {
  readonly tg: string;
  readonly rows: readonly IndicatorRow[];
  readonly threshold: number;
}

/**
 * Primary rows (all tasks) from which every core is worth a thread; below, one core is left to V8.
 * Lowered from 8 000 with the breakdowns of contract §6.3: a block now holds ~200 counts instead of ~45
 * and a primary costs several times the LP work it did, so the bundled samples (7 180 primaries, ~7 s of
 * protection CPU) are already worth both cores. Not below 3 000: a network of two municipalities over
 * two years (1 713 primaries, ~1 s of protection) ran as fast on one thread as on two, and the second
 * thread's start (its modules, the LP solver's WebAssembly) cost 0.6 s of CPU (three runs each).
 */
const largeWithholding = 3000;

type Result = Map<string, BlockResult>;

/**
 * The protections of several reports, each started as soon as it is added (in worker threads, the
 * smallest waiting task first; or in this thread one after another) and settled as soon as it is done:
 * the caller can query the next report, or write a report's pages, while the threads protect the others.
 * close() when no longer needed.
 */
export class Withholding {
  private readonly script = new URL("./thread.js", import.meta.url);
  private readonly inThread: boolean;
  private readonly queue: { id: number; task: WithholdTask; primaries: number; resolve: (r: Result) => void; reject: (e: Error) => void }[] = [];
  private readonly workers: { worker: Worker; busy: number | null }[] = [];
  private readonly running = new Map<number, (typeof this.queue)[number]>();
  private primaries = 0;
  private next = 0;
  private chain: Promise<void> = Promise.resolve();
  private failed: Error | null = null;
  /** no more tasks will come: a thread with nothing left to do stops (and gives its memory back) */
  private last = false;

  constructor(private readonly threadsWanted?: number) {
    this.inThread = (threadsWanted !== undefined && threadsWanted <= 1) || !existsSync(fileURLToPath(this.script));
  }

  add(task: WithholdTask): Promise<Result> {
    if (this.last) throw new Error("Withholding: a task added after allAdded()");
    let resolve!: (r: Result) => void;
    let reject!: (e: Error) => void;
    const promise = new Promise<Result>((yes, no) => ((resolve = yes), (reject = no)));
    promise.catch(() => {}); // a task the caller never awaits (it stopped at an earlier one) must not be an unhandled rejection
    if (this.failed) reject(this.failed);
    else if (task.rows.length === 0) resolve(new Map());
    else if (this.inThread) {
      this.chain = this.chain.then(async () => {
        if (this.failed) return reject(this.failed);
        try {
          resolve(await withholdBlocks(task.tg, task.rows, task.threshold));
        } catch (e) {
          reject(e as Error);
        }
      });
    } else {
      // the work of a task is its primary rows: blocks without one are not modelled (pipeline/withhold/blocks.ts)
      const primaries = task.rows.filter((r) => isPrimary(r, task.threshold)).length;
      this.primaries += primaries;
      this.queue.push({ id: this.next++, task, primaries, resolve, reject });
      this.dispatch();
    }
    return promise;
  }

  /**
   * Gives waiting tasks to idle threads, the smallest first, starting threads as the work grows: one,
   * and every core once the primaries reach largeWithholding (below, a core is left to V8's compiler
   * and collector).
   */
  private dispatch(): void {
    const wanted = this.threadsWanted ?? (this.primaries >= largeWithholding ? availableParallelism() : Math.max(1, availableParallelism() - 1));
    if (this.last && this.queue.length === 0) {
      for (const w of this.workers.filter((x) => x.busy === null)) {
        this.workers.splice(this.workers.indexOf(w), 1);
        void w.worker.terminate();
      }
      return;
    }
    // while tasks are still being added, one thread fewer: a core is the caller's, reading the next
    // report's rows — and the smallest of the tasks gets the next thread once all are known
    const busy = this.last ? wanted : Math.max(1, wanted - 1);
    while (this.queue.length > 0 && this.workers.filter((x) => x.busy !== null).length < busy) {
      let w = this.workers.find((x) => x.busy === null);
      if (!w && this.workers.length < wanted) w = this.start();
      if (!w) return;
      this.queue.sort((a, b) => a.primaries - b.primaries);
      const job = this.queue.shift()!;
      w.busy = job.id;
      this.running.set(job.id, job);
      // the rows as columns, their arrays moved to the thread (row-columns.ts): a clone of 10⁵ objects is slow on both sides
      const { columns, transfer } = rowColumns(job.task.rows);
      w.worker.postMessage({ id: job.id, tg: job.task.tg, columns, threshold: job.task.threshold }, transfer);
    }
  }

  private start(): { worker: Worker; busy: number | null } {
    const w = { worker: new Worker(this.script), busy: null as number | null };
    w.worker.on("message", (m: { id: number; result?: [string, BlockResult][]; error?: string }) => {
      const job = this.running.get(m.id);
      this.running.delete(m.id);
      w.busy = null;
      if (!job) return; // refused already: another thread failed
      if (m.error) {
        const e = new Error(m.error);
        job.reject(e);
        return this.fail(e);
      }
      job.resolve(new Map(m.result));
      this.dispatch();
    });
    w.worker.on("error", (e) => this.fail(e));
    this.workers.push(w);
    return w;
  }

  private fail(e: Error): void {
    this.failed ??= e;
    for (const job of [...this.queue.splice(0), ...this.running.values()]) job.reject(e);
    this.running.clear();
  }

  /** Says that every task has been added: each thread stops once it has nothing left to do. */
  allAdded(): void {
    this.last = true;
    this.dispatch();
  }

  /** Stops the threads (the tasks still waiting or running are abandoned). */
  async close(): Promise<void> {
    this.fail(new Error("protection stopped"));
    await Promise.all(this.workers.map((w) => w.worker.terminate()));
    await this.chain;
  }
}
