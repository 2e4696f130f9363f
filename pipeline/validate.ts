// `kas validate FILE… [--profile NAME]`: every check of a run, on loose files, storing nothing. The
// same stages as kas run (inspect → dialect → layout → staging → checks) in an in-memory database,
// with plain hashes instead of keyed pseudonyms since nothing is kept.
import { lstatSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join, relative, resolve } from "node:path";
import { UsageError } from "./config.js";
import type { Context } from "./system/context.js";
import { openDb } from "./db/connection.js";
import { extensionOf, isInboxFolder, shownName, type Candidate } from "./ingest/discover.js";
import { rejects, type Finding } from "./contract/finding.js";
import type { FileKind, Prepared } from "./ingest/intake.js";
import { prepare } from "./ingest/prepare.js";
import { checkBatch } from "./load/load.js";
import { inspectFile } from "./ingest/inspect.js";
import { installMacros } from "./db/macros.js";
import type { Profile, Profiles } from "./contract/profile.js";
import { kindsOf, type Language, type Schema } from "./contract/schema.js";
import { cliWords } from "./cli-words.js";
import { dropStaging, unkeyed } from "./load/stage.js";

/**
 * kas validate prints every problem (§9): every failing row of every rule, up to this many per rule,
 * column and file (then the rest are counted, so that a file wrong on every line stays printable).
 * kas run keeps the first examplesPerRule (pipeline/load/checks.ts) with the count.
 */
export const validateExamples = 100_000;

export interface ValidatedFile {
  readonly file: string;
  readonly kind: FileKind | null;
  readonly profile: string | null;
  readonly encoding: string | null;
  readonly delimiter: string | null;
  readonly rows: number | null;
  readonly valid: boolean;
  readonly findings: readonly Finding[];
}

export async function validateFiles(
  paths: readonly string[],
  o: { profileName?: string; schema: Schema; profiles: Profiles; ctx: Context; cwd?: string; /** a commentary's small numbers (contract §14; default 3) */ threshold?: number; /** the usage errors' (Swedish when absent) */ language?: Language }
): Promise<ValidatedFile[]> {
  const w = cliWords(o.language).usage;
  if (paths.length === 0) throw new UsageError(w.noFiles);
  let forced: Profile | null = null;
  if (o.profileName) {
    forced = o.profiles.byName.get(o.profileName) ?? null;
    if (!forced) throw new UsageError(w.unknownProfile(o.profileName, [...o.profiles.byName.keys()]));
  }
  const cwd = o.cwd ?? process.cwd();
  const prepared: Prepared[] = [];
  const work = mkdtempSync(join(tmpdir(), "kas-validate-"));
  try {
    let id = 1;
    for (const path of paths) {
      const full = resolve(cwd, path);
      const st = lstatSync(full, { throwIfNoEntry: false });
      if (!st) throw new UsageError(w.fileMissing(path));
      if (st.isDirectory()) throw new UsageError(w.isFolder(path, join(path, "*.csv")));
      if (!st.isFile()) throw new UsageError(w.notAFile(path));
      const parent = basename(dirname(full));
      // a file in a municipality's folder, or in network/, is checked as kas run would check it there
      const folder = isInboxFolder(parent) ? parent : null;
      const candidate: Candidate = {
        municipality: folder ?? "", name: basename(full), display: shownName(relative(cwd, full) || path), path: full,
        ext: extensionOf(full), size: st.size, mtimeMs: st.mtimeMs, dev: st.dev, ino: st.ino
      };
      const inspection = await inspectFile(full, { binary: candidate.ext !== "csv", expected: candidate });
      const p: Prepared = {
        candidate, fileId: id, seq: id, sha256: inspection.sha256, archived: "", source: full, folder, firstSeen: o.ctx.clock().toISOString(), inspection, findings: [],
        kind: null, staged: null, text: null, lineOf: null, encoding: inspection.encoding, delimiter: null, profile: null, rowsRead: null, rowsLoaded: null
      };
      id++;
      const profile = forced ?? (folder ? o.profiles.byMunicipality.get(folder) ?? null : null);
      await prepare(p, profile, o.schema, work, o.profiles.byName.values(), o.threshold ?? 3);
      prepared.push(p);
    }
    const db = await openDb(":memory:", { tempDir: join(work, "duckdb") });
    try {
      await installMacros(db);
      for (const kind of kindsOf(o.schema)) {
        const batch = prepared.filter((p) => p.kind === kind && p.staged && !rejects(p.findings));
        if (!batch.length) continue;
        await checkBatch(db, kind, batch, o.schema, unkeyed, o.ctx.clock(), validateExamples);
        await dropStaging(db, kind);
      }
    } finally {
      db.close();
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return prepared.map((p) => ({
    file: p.candidate.display, kind: p.kind, profile: p.profile?.name ?? null, encoding: p.encoding, delimiter: p.delimiter,
    rows: p.rowsRead, valid: !rejects(p.findings), findings: p.findings
  }));
}
