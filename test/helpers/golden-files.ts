// Comparing produced files with a golden directory (test/output/<case>) and rewriting it after a
// deliberate change (UPDATE_GOLDEN=1), shared by the golden pipeline runs and the golden report
// pages so that both fail with the same message and rewrite the same way.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { expect } from "vitest";

/** Binary downloads (data/*.xlsx, data/*.arrow): their bytes are not compared, their content is
 *  (test/downloads.test.ts); the golden directory holds an empty file for each, so that the set of
 *  files produced is still checked. */
const notBytewise = (file: string) => /\.(xlsx|arrow)$/.test(file);

/** Replaces expectedDir with exactly the given files (path relative to it → content). */
export function rewriteGolden(expectedDir: string, files: ReadonlyMap<string, string>): void {
  rmSync(expectedDir, { recursive: true, force: true });
  for (const [file, content] of files) {
    mkdirSync(dirname(join(expectedDir, file)), { recursive: true });
    writeFileSync(join(expectedDir, file), notBytewise(file) ? "" : content);
  }
}

/** Expects `content` to be byte for byte expectedDir/file; a difference fails with `around`
 *  characters of context either side of the first differing character. */
export function expectGolden(expectedDir: string, file: string, content: string, around: number): void {
  const path = join(expectedDir, file);
  expect(existsSync(path), `${path} missing; run with UPDATE_GOLDEN=1`).toBe(true);
  if (notBytewise(file)) return;
  const expected = readFileSync(path, "utf8");
  if (content !== expected) {
    const at = [...content].findIndex((c, i) => c !== expected[i]);
    expect.fail(`${file} differs from ${path} at character ${at}: …${content.slice(Math.max(0, at - around), at + around)}…`);
  }
}
