// The benchmark's national data set: generated once per (municipalities, rows, seed, generator
// version) into bench/data/ (git-ignored) and reused, plus the one corrected file that the third
// run adds. A data set counts as complete only once its meta.json is written, so an interrupted
// generation is redone rather than measured.
import { createHash } from "node:crypto";
import { createReadStream, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { basename, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { dialects, type DialectName } from "../data-samples/generate/dialects.js";
import { generate } from "../data-samples/generate/generate.js";
import { nationalSpecs } from "../data-samples/generate/national.js";
import type { MunicipalitySpec } from "../data-samples/generate/options.js";

export type Kind = "bistand" | "insats";

export interface DatasetParams {
  readonly municipalities: number;
  readonly rows: number;
  readonly seed: number;
  readonly years: readonly number[];
}

export interface DatasetFile {
  /** path relative to the inbox: <municipality>/<name> */
  readonly file: string;
  readonly municipality: string;
  readonly kind: Kind;
  readonly dialect: DialectName;
  readonly bytes: number;
}

export interface Dataset {
  readonly dir: string;
  readonly inbox: string;
  readonly params: DatasetParams;
  readonly files: readonly DatasetFile[];
  readonly rows: { readonly bistand: number; readonly insats: number };
  readonly bytes: number;
  /** the generator's build this data set came from (a changed generator means new data) */
  readonly generator: string;
  /** seconds the generation took, when it was made by this invocation (null: reused from the cache) */
  readonly generatedSeconds: number | null;
  readonly generatedAt: string;
}

export interface Correction {
  readonly municipality: string;
  /** path relative to the inbox */
  readonly file: string;
  /** the corrected file, ready to be linked into an inbox */
  readonly path: string;
  readonly rows: number;
  readonly months: readonly string[];
}

/** A short hash of the compiled generator (every module of data-samples/generate/), so that the cache follows changes to it. */
export function generatorVersion(): string {
  const dir = fileURLToPath(new URL("../data-samples/generate/", import.meta.url));
  const hash = createHash("sha256");
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".js")).sort()) hash.update(file).update(readFileSync(join(dir, file)));
  return hash.digest("hex").slice(0, 12);
}

export function datasetDir(root: string, p: DatasetParams): string {
  return join(root, `national-m${p.municipalities}-r${p.rows}-s${p.seed}`);
}

function specsOf(p: DatasetParams): MunicipalitySpec[] {
  return nationalSpecs(p.municipalities, p.rows, p.years.length);
}

/** The data set for these parameters: the cached one when it is complete and from this generator, else a new one. */
export async function ensureDataset(root: string, p: DatasetParams, log: (line: string) => void): Promise<Dataset> {
  const dir = datasetDir(root, p);
  const metaFile = join(dir, "meta.json");
  const generator = generatorVersion();
  if (existsSync(metaFile)) {
    const meta = JSON.parse(readFileSync(metaFile, "utf8")) as Dataset;
    if (meta.generator === generator && JSON.stringify(meta.params) === JSON.stringify(p)) {
      log(`data: reusing ${relative(process.cwd(), dir) || dir} (generated ${meta.generatedAt})`);
      return { ...meta, dir, inbox: join(dir, "inbox"), generatedSeconds: null };
    }
    log("data: the cached data set is from another generator version; generating it again");
  }
  rmSync(dir, { recursive: true, force: true });
  const inbox = join(dir, "inbox");
  mkdirSync(inbox, { recursive: true });
  const specs = specsOf(p);
  log(`data: generating ${p.municipalities} municipalities, about ${p.rows} bistand rows, into ${relative(process.cwd(), dir) || dir} …`);
  const t0 = performance.now();
  const result = await generate({ outDir: inbox, seed: p.seed, years: [...p.years], municipalities: specs });
  const generatedSeconds = (performance.now() - t0) / 1000;
  const dialectOf = new Map(specs.map((s) => [s.code, s.dialect]));
  const files = result.files.map((path): DatasetFile => {
    const file = relative(inbox, path);
    const municipality = file.split("/")[0];
    return {
      file, municipality, kind: basename(path).startsWith("insats") ? "insats" : "bistand",
      dialect: dialectOf.get(municipality)!, bytes: statSync(path).size
    };
  });
  const dataset: Dataset = {
    dir, inbox, params: p, files, rows: result.rows, bytes: files.reduce((s, f) => s + f.bytes, 0), generator,
    generatedSeconds, generatedAt: new Date().toISOString()
  };
  writeFileSync(metaFile, JSON.stringify(dataset, null, 2) + "\n");
  log(`data: ${files.length} files, ${result.rows.bistand} bistand + ${result.rows.insats} insats rows in ${generatedSeconds.toFixed(1)} s`);
  return dataset;
}

/**
 * A corrected bistand file (March–May of the last year) for the largest municipality that writes
 * pseudonyms: its people are the same whether it is generated alone or with the others (only
 * personnummer are kept unique across municipalities), so the correction matches the inbox.
 */
export async function ensureCorrection(d: Dataset): Promise<Correction> {
  const dir = join(d.dir, "correction");
  const metaFile = join(dir, "meta.json");
  if (existsSync(metaFile)) return withPath(dir, metaFile);
  const specs = specsOf(d.params);
  const candidates = specs.filter((s) => (s.ids ?? dialects[s.dialect].ids).startsWith("hex"));
  const spec = (candidates.length ? candidates : specs).reduce((a, b) => (b.recipientsPerYear > a.recipientsPerYear ? b : a));
  const year = d.params.years[d.params.years.length - 1];
  const months = [3, 4, 5];
  const scratch = join(dir, "scratch");
  rmSync(dir, { recursive: true, force: true });
  const result = await generate({ outDir: scratch, seed: d.params.seed, years: [...d.params.years], municipalities: [{ ...spec, correction: { year, months } }] });
  const path = result.files.find((f) => basename(f).includes("_rattelse-"));
  if (!path) throw new Error(`the generator wrote no correction for ${spec.code}`);
  const file = relative(scratch, path);
  const target = join(dir, file);
  mkdirSync(join(dir, spec.code), { recursive: true });
  renameSync(path, target);
  rmSync(scratch, { recursive: true, force: true });
  const rows = (await countLines(target)) - 1;
  const correction: Correction = { municipality: spec.code, file, path: target, rows, months: months.map((m) => `${year}-${String(m).padStart(2, "0")}`) };
  writeFileSync(metaFile, JSON.stringify(correction, null, 2) + "\n");
  return correction;
}

function withPath(dir: string, metaFile: string): Correction {
  const c = JSON.parse(readFileSync(metaFile, "utf8")) as Correction;
  return { ...c, path: join(dir, c.file) };
}

async function countLines(path: string): Promise<number> {
  let n = 0;
  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
    for (let i = chunk.indexOf(0x0a); i >= 0; i = chunk.indexOf(0x0a, i + 1)) n++;
  }
  return n;
}
