// Golden-directory tests (test/input/<case> → test/output/<case>): where the cases are, and whether
// UPDATE_GOLDEN=1 asks to rewrite the expected files after a deliberate change.
import { existsSync, readdirSync } from "node:fs";
import { join, relative } from "node:path";

export const inputRoot = join(import.meta.dirname, "..", "input");
export const outputRoot = join(import.meta.dirname, "..", "output");
export const updateGolden = process.env.UPDATE_GOLDEN === "1";

/** The cases whose folder name starts with prefix, sorted. */
export function goldenCases(prefix: string): string[] {
  return readdirSync(inputRoot).filter((d) => d.startsWith(prefix)).sort();
}

/** Every file below dir, as sorted paths relative to it. */
export function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();
}
