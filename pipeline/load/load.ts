// Loading a batch of prepared files of one kind (contract §1–§4): staged in one read per layout
// (load/stage.ts), checked set-based (load/checks.ts), and the files that pass inserted in one
// statement, replacing what a newer file corrects (sql/load/). What the profiles mapped is recorded
// for quality.html.
import { rejects } from "../contract/finding.js";
import { found } from "../contract/findings.js";
import { kindDef, type KindName, type Schema } from "../contract/schema.js";
import { countryOf, type Country } from "../contract/municipalities.js";
import { lit, sqlText, type Db } from "../db/connection.js";
import type { IngestDeps, Prepared } from "../ingest/intake.js";
import { runChecks, type CheckedFile } from "./checks.js";
import { dropStaging, stagePseudonyms, stageRows, type Keyer } from "./stage.js";

/**
 * Files staged together, up to maxBytes of input. The reader tells a batch's files apart by path, so
 * one archived copy (the same bytes uploaded to two municipalities' folders) is read once per batch.
 */
export function* batches(files: Prepared[], maxBytes: number): Generator<Prepared[]> {
  let batch: Prepared[] = [];
  let bytes = 0;
  let paths = new Set<string>();
  for (const f of files) {
    const path = f.staged?.csvPath ?? f.source;
    if (batch.length && (bytes + f.candidate.size > maxBytes || paths.has(path))) {
      yield batch;
      batch = [];
      bytes = 0;
      paths = new Set();
    }
    batch.push(f);
    bytes += f.candidate.size;
    paths.add(path);
  }
  if (batch.length) yield batch;
}

/**
 * How a newer file replaces the earlier rows of its kind (contract §1), as the sql/load/ files that
 * find the replaced rows (recording every replacement) and remove them: bistand per municipality-month,
 * insats per municipality (a snapshot), survey and population per municipality-year.
 */
const replacing: Readonly<Record<KindName, { readonly find: string; readonly remove: string }>> = {
  bistand: { find: "load/load_bistand_replaced", remove: "load/bistand_replace" },
  insats: { find: "load/load_insats_replaced", remove: "load/insats_replace" },
  survey: { find: "load/load_years_replaced", remove: "load/years_replace" },
  population: { find: "load/load_years_replaced", remove: "load/years_replace" }
};

/** Stages a batch, checks it, and loads the files that pass. Returns rows loaded. */
export async function loadBatch(db: Db, kind: KindName, batch: Prepared[], schema: Schema, deps: IngestDeps, now: Date): Promise<number> {
  await checkBatch(db, kind, batch, schema, deps.keyer, now, undefined, countryOf(deps.language));
  const accepted = batch.filter((p) => !rejects(p.findings));
  let loaded = 0;
  if (accepted.length) {
    await db.run(`CREATE OR REPLACE TEMP TABLE stg_accepted AS SELECT * FROM (VALUES ${accepted.map((p) => `(${p.fileId}, ${p.seq})`).join(", ")}) t(file_id, seq)`);
    const how = replacing[kind];
    await db.run(sqlText(how.find, { run_id: String(deps.runId), kind }));
    const [{ n }] = await db.all<{ n: number }>(sqlText("load/replaced_count"));
    if (n > 0) await db.run(sqlText(how.remove, { kind })); // a first load replaces nothing: no scan of the rows
    // the load's order does not matter (rows carry their line): let DuckDB insert in parallel
    await db.run("SET preserve_insertion_order = false");
    try {
      await db.run(sqlText(`load/load_${kind}`));
    } finally {
      await db.run("SET preserve_insertion_order = true");
    }
    const rows = await db.all<{ file_id: number; n: number }>(sqlText("load/rows_loaded", { kind }));
    const byFile = new Map(rows.map((r) => [r.file_id, r.n]));
    for (const p of accepted) {
      p.rowsLoaded = byFile.get(p.fileId) ?? 0;
      loaded += p.rowsLoaded;
    }
    await recordMappings(db, kind, schema, accepted);
  }
  await dropStaging(db, kind);
  return loaded;
}

/** Stages a batch of files of one kind and runs every check; findings land on the files. Leaves stg_* for loading. */
export async function checkBatch(db: Db, kind: KindName, batch: Prepared[], schema: Schema, keyer: Keyer, now: Date, examples?: number, country?: Country): Promise<void> {
  const staged = batch.map((p) => p.staged!);
  const structural = await stageRows(db, kind, staged, schema);
  await stagePseudonyms(db, kind, keyer, schema);
  const counts = new Map((await db.all<{ file_id: number; n: number; blank: number }>(sqlText("staging/stg_file_counts"))).map((r) => [r.file_id, r]));
  const checked = new Map<number, CheckedFile>(
    batch.map((p) => [p.fileId, { fileId: p.fileId, display: p.candidate.display, profile: p.profile, folder: p.folder, lineOf: p.lineOf, layout: p.staged?.layout ?? null, firstSeen: p.firstSeen }])
  );
  const failed = await runChecks(db, kind, checked, schema, now.toISOString().slice(0, 10), examples, country);
  for (const p of batch) {
    const count = counts.get(p.fileId);
    p.rowsRead = count ? count.n - count.blank : 0;
    const s = structural.get(p.fileId);
    if (count?.blank && !s?.length) {
      p.findings.push(found("blank_rows", p.candidate.display, { rows: count.blank }));
    }
    if (s?.length) {
      p.findings.push(...s, found("checks_skipped", p.candidate.display, {}));
    } else {
      p.findings.push(...(failed.get(p.fileId) ?? []));
    }
    if (p.rowsRead === 0 && !s?.length) {
      p.findings.push(found("no_rows", p.candidate.display, {}, { line: 2 }));
    }
  }
}

/** Which codes the profiles mapped, per file and column (for quality.html). */
async function recordMappings(db: Db, kind: KindName, schema: Schema, accepted: Prepared[]): Promise<void> {
  const withProfile = accepted.filter((p) => p.profile).map((p) => p.fileId);
  if (!withProfile.length) return;
  const coded = kindDef(schema, kind).columns.filter((c) => c.type === "code" || c.type === "municipality");
  const parts = coded.map(
    (c) => `SELECT file_id, ${lit(c.name)} AS "column", mapped_${c.name} AS source, "${c.name}"::VARCHAR AS code, count(*) AS rows
            FROM stg_${kind}_rows WHERE file_id IN (${withProfile.join(", ")}) AND mapped_${c.name} IS NOT NULL AND "${c.name}" IS NOT NULL
            GROUP BY ALL`
  );
  await db.run(`INSERT INTO code_mappings ${parts.join(" UNION ALL ")}`);
}
