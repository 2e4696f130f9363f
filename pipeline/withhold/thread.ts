// A worker thread that protects blocks of a report (pipeline/withhold/blocks.ts): the LPs of one target
// group run beside another's on the second core.
import { parentPort } from "node:worker_threads";
import { withholdBlocks } from "./blocks.js";
import { columnRows, type RowColumns } from "./row-columns.js";

parentPort!.on("message", async (task: { id: number; tg: string; columns: RowColumns; threshold: number }) => {
  try {
    const result = await withholdBlocks(task.tg, columnRows(task.columns), task.threshold);
    parentPort!.postMessage({ id: task.id, result: [...result] });
  } catch (e) {
    parentPort!.postMessage({ id: task.id, error: (e as Error).message });
  }
});
