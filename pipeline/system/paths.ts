// Where the package lives, whether running from source (vitest) or from dist/ (the kas command).
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

function findRoot(start: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    const pkg = join(dir, "package.json");
    if (existsSync(pkg) && JSON.parse(readFileSync(pkg, "utf8")).name === "kas") return dir;
    if (dirname(dir) === dir) throw new Error(`kas package root not found above ${start}`);
  }
}

export const packageRoot = findRoot(dirname(fileURLToPath(import.meta.url)));
export const sqlDir = join(packageRoot, "sql");
export const schemasDir = join(packageRoot, "schemas");
export const samplesDir = join(packageRoot, "data-samples");
