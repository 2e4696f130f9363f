// Raw input (command line, environment) is parsed once, here, into a typed and frozen config.
import { realpathSync } from "node:fs";
import { dirname, isAbsolute, join, relative, resolve } from "node:path";
import { z } from "zod";
import { samplesDir } from "./system/paths.js";
import { deepFreeze } from "./contract/schema.js";
import { defaultSettings, readSettings, type Settings } from "./settings.js";
import { cliWords } from "./cli-words.js";

const RunOptions = z.strictObject({
  inbox: z.string().min(1).optional(),
  out: z.string().min(1).optional(),
  db: z.string().min(1).optional(),
  keyFile: z.string().min(1).optional(),
  json: z.boolean().default(false),
  threshold: z.number().int().min(1).max(100).optional(),
  settings: z.string().min(1).optional(),
  wait: z.boolean().default(false),
  memoryLimit: z.string().regex(/^\d+(\.\d+)?\s*(KB|MB|GB|KiB|MiB|GiB)$/i).optional(),
  cwd: z.string().default(process.cwd())
});
export type RunOptionsInput = z.input<typeof RunOptions>;

export interface RunConfig {
  readonly inbox: string;
  /** the published site */
  readonly out: string;
  /** the published database */
  readonly db: string;
  readonly keyFile: string | undefined;
  /** the key file created beside the database when neither --key-file nor KAS_KEY is given */
  readonly defaultKeyFile: string;
  readonly json: boolean;
  /** --threshold, else the settings' threshold, else 3 (contract §8) */
  readonly threshold: number;
  /** the network settings (--settings FILE, contract §9), every default filled in */
  readonly settings: Settings;
  readonly wait: boolean;
  readonly memoryLimit: string | undefined;
  /** beside the database: archive/, quarantine/, work/, logs/, the lock */
  readonly stateDir: string;
  readonly archiveDir: string;
  readonly quarantineDir: string;
  readonly workDir: string;
  readonly logDir: string;
  readonly lockFile: string;
}

/** What the intake reads and writes: the inbox, the archive, quarantine and the work folder. */
export type IngestPaths = Pick<RunConfig, "inbox" | "archiveDir" | "quarantineDir" | "workDir">;

/** Defaults work on the bundled samples: `kas run` alone reads data-samples/inbox and publishes to out/site. */
export function runConfig(input: RunOptionsInput): RunConfig {
  const parsed = RunOptions.safeParse(input);
  if (!parsed.success) throw new UsageError(z.prettifyError(parsed.error));
  const o = parsed.data;
  const at = (p: string | undefined, fallback: string) => resolve(o.cwd, p ?? fallback);
  const db = at(o.db, "out/kas.duckdb");
  const stateDir = dirname(db);
  const out = at(o.out, "out/site");
  const settings = o.settings ? readSettings(resolve(o.cwd, o.settings)) : defaultSettings;
  // every publication replaces the whole site: a database inside it would be deleted with the old version
  for (const site of [out, `${out}.versions`, real(out)]) {
    if (within(stateDir, site)) throw new UsageError(cliWords(settings.language).cli.dbInSite(db, out, join(dirname(out), "kas.duckdb")));
  }
  return deepFreeze({
    inbox: o.inbox ? resolve(o.cwd, o.inbox) : join(samplesDir, "inbox"),
    out,
    db,
    keyFile: o.keyFile ? resolve(o.cwd, o.keyFile) : undefined,
    defaultKeyFile: join(stateDir, "kas.key"),
    json: o.json,
    threshold: o.threshold ?? settings.threshold ?? 3,
    settings,
    wait: o.wait,
    memoryLimit: o.memoryLimit,
    stateDir,
    archiveDir: join(stateDir, "archive"),
    quarantineDir: join(stateDir, "quarantine"),
    workDir: join(stateDir, "work"),
    logDir: join(stateDir, "logs"),
    lockFile: join(stateDir, "kas.lock")
  });
}

/** True when path is dir or lies inside it. */
function within(path: string, dir: string): boolean {
  const r = relative(dir, path);
  return r === "" || (!r.startsWith("..") && !isAbsolute(r));
}

/** The path with its links resolved, as far as it exists (the published site is a link). */
function real(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

/** Wrong usage of the command line: exit code 2. */
export class UsageError extends Error {
  override name = "UsageError";
}
