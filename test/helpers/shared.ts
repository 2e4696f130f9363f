// Work that several test files need the same result of, done once per `vitest run`: the first file
// to ask builds it in a folder of the run (test/helpers/shared-setup.ts provides it), the others wait
// for it and read it. Test files run in separate processes, so the folder is the only meeting place:
// the folder's creation (atomic) decides who builds, a marker file says it is done, or why it failed.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { inject } from "vitest";

declare module "vitest" {
  export interface ProvidedContext {
    /** a folder for the whole run, removed after it */
    sharedDir: string;
  }
}

/** The folder `name` of this run, built by `build` exactly once (by whichever test file asks first). */
export async function sharedOnce(name: string, build: (dir: string) => Promise<void>, timeoutMs = 300_000): Promise<string> {
  const dir = join(inject("sharedDir"), name);
  const done = join(dir, ".done"), failed = join(dir, ".failed");
  let mine = true;
  try {
    mkdirSync(dir);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
    mine = false;
  }
  if (mine) {
    try {
      await build(dir);
    } catch (e) {
      writeFileSync(failed, (e as Error).stack ?? String(e));
      throw e;
    }
    writeFileSync(done, "");
    return dir;
  }
  for (const t0 = Date.now(); Date.now() - t0 < timeoutMs; await new Promise((r) => setTimeout(r, 100))) {
    if (existsSync(done)) return dir;
    if (existsSync(failed)) throw new Error(`sharedOnce(${name}): another test file failed to build it:\n${readFileSync(failed, "utf8")}`);
  }
  throw new Error(`sharedOnce(${name}): not built after ${timeoutMs} ms`);
}
