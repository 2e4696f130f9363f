// What a published site was made with: the threshold and the files that decide its figures and
// pages (schemas, SQL, and the code that runs). A run with nothing new in the inbox still publishes
// again when any of them changed — a new --threshold, a new target group, a new kas version.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { packageRoot } from "../system/paths.js";

function files(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.(json|sql|js|ts)$/.test(e.name))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

/** A digest of the given folders of the package (relative to its root) and extra words. */
export function digestOf(folders: readonly string[], extra: readonly (string | number)[] = []): string {
  return digestOfFiles(folders.flatMap((folder) => files(join(packageRoot, folder))), extra);
}

function digestOfFiles(paths: readonly string[], extra: readonly (string | number)[] = []): string {
  const h = createHash("sha256");
  for (const x of extra) h.update(`${x}\0`);
  for (const f of paths) h.update(relative(packageRoot, f)).update("\0").update(readFileSync(f)).update("\0");
  return h.digest("hex");
}

/** The code: its sources (the same whether this process runs them or their build), else the build. */
const codeFolders = (): string[] => {
  if (existsSync(join(packageRoot, "pipeline", "run.ts"))) return ["pipeline", "reports"];
  const built = relative(packageRoot, join(dirname(fileURLToPath(import.meta.url)), "..", "..")); // dist (this is dist/pipeline/publish/)
  return [join(built, "pipeline"), join(built, "reports")];
};

/** Everything a published site depends on besides the data. */
export function siteFingerprint(threshold: number, settings = ""): string {
  return digestOf(["schemas", "sql", ...codeFolders()], [`threshold=${threshold}`, `settings=${settings}`]);
}

let protection: string | undefined;
/** The confidentiality code: the protection decisions remembered per block (pipeline/withhold/block-cache.ts) go when it changes. */
export function withholdingFingerprint(): string {
  const [code] = codeFolders();
  protection ??= digestOf([join(code, "withhold")]);
  return protection;
}

/** Everything the marts depend on besides the data: when it changes, every municipality is recomputed. */
export function martsFingerprint(): string {
  return digestOf(["schemas", "sql/marts", "sql/schema"]);
}
