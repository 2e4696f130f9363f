// The marts (sql/marts/, dbt's layer above the canonical tables), for the municipalities in scope
// (sql/load/mart_scope.sql): each file creates the one table or view it is named after, and they run in the order their references to each other give — no list
// to keep. A temporary mart is dropped as soon as every mart that reads it has run, so the person
// marts of a national first load give their memory back before the reports; what no mart reads
// (indicator_values) is what the reports read.
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { lit, sqlText, type Db } from "../db/connection.js";
import type { Schema } from "../contract/schema.js";
import { sqlDir } from "../system/paths.js";
import { martsFingerprint } from "./fingerprint.js";

export interface Mart {
  readonly name: string;
  /** the marts this one reads */
  readonly reads: readonly string[];
  /** TEMP TABLE / TEMP VIEW marts live for one run; the others are kept in the database */
  readonly temporary: "TABLE" | "VIEW" | null;
}

/** Every mart of sql/marts/, each after the marts it reads. */
export function martsInOrder(dir = join(sqlDir, "marts")): Mart[] {
  const names = readdirSync(dir).filter((f) => f.endsWith(".sql")).map((f) => f.slice(0, -4)).sort();
  const marts = new Map<string, Mart>();
  for (const name of names) {
    const text = sqlText(`marts/${name}`, new Proxy({}, { has: () => true, get: () => "" }) as Record<string, string>).replace(/--.*$/gm, "");
    const created = new RegExp(`CREATE OR REPLACE (TEMP )?(TABLE|VIEW) ${name}\\b|INSERT INTO ${name}\\b`).exec(text);
    if (!created) throw new Error(`sql/marts/${name}.sql creates no ${name}`);
    const reads = names.filter((other) => other !== name && new RegExp(`\\b${other}\\b`).test(text));
    marts.set(name, { name, reads, temporary: created[1] ? (created[2] as "TABLE" | "VIEW") : null });
  }
  const ordered: Mart[] = [];
  const state = new Map<string, "visiting" | "done">();
  const visit = (name: string, path: readonly string[]) => {
    if (state.get(name) === "done") return;
    if (state.get(name) === "visiting") throw new Error(`sql/marts: a cycle ${[...path, name].join(" → ")}`);
    state.set(name, "visiting");
    for (const r of marts.get(name)!.reads) visit(r, [...path, name]);
    state.set(name, "done");
    ordered.push(marts.get(name)!);
  };
  for (const name of names) visit(name, []);
  return ordered;
}

/** The values the marts' SQL takes from the schema (and the run): {{target_groups}}, {{group_ages}} … */
export function martVars(schema: Schema, runId: number | null): Record<string, string> {
  return {
    changed: runId === null ? "TRUE" : `municipality IN (SELECT municipality FROM files WHERE run_id = ${runId} AND status = 'accepted')`,
    target_groups: schema.targetGroups.map((t, bit) => `(${lit(t.id)}, ${bit})`).join(", "),
    // each target group's ages for the rates per 1 000 inhabitants (contract §11)
    group_ages: schema.targetGroups.map((t) => `(${lit(t.id)}, ${t.ages[0]}, ${t.ages[1]})`).join(", "),
    // the columns of sql/marts/measure_events.sql that hold each dimension's category (schemas/breakdowns.json)
    dimensions: schema.dimensions.map((d) => `"${d.id}"`).join(", "),
    bistand_in_scope: runId === null ? "TRUE" : "municipality IN (SELECT municipality FROM mart_scope)"
  };
}

/** Rebuilds the marts for the municipalities whose rows changed in runId (or that the marts lack); every municipality when runId is null. */
export async function refreshMarts(db: Db, schema: Schema, runId: number | null): Promise<void> {
  // new target groups, a changed definition, new SQL: every municipality is recomputed once, into
  // tables made anew (their columns may have changed)
  const fingerprint = martsFingerprint();
  const marts = martsInOrder();
  const [stored] = await db.all<{ value: string }>(sqlText("runs/meta_value"), { key: "marts_fingerprint" });
  if (stored?.value !== fingerprint) {
    runId = null;
    for (const m of marts) if (m.temporary === null) await db.run(`DROP TABLE IF EXISTS ${m.name}`);
  }
  await db.run(sqlText("schema/marts"));
  const vars = martVars(schema, runId);
  await db.run(sqlText("load/mart_scope", vars));
  // how many marts still have to read each one: a temporary mart goes when none is left. A mart that
  // reads a view reads what the view reads, so a table under a view stays until the view's readers ran.
  const byName = new Map(marts.map((m) => [m.name, m]));
  const reads = new Map<string, string[]>();
  const readsOf = (m: Mart): string[] => {
    let out = reads.get(m.name);
    if (!out) {
      out = [...new Set(m.reads.flatMap((r) => (byName.get(r)!.temporary === "VIEW" ? [r, ...readsOf(byName.get(r)!)] : [r])))];
      reads.set(m.name, out);
    }
    return out;
  };
  const readers = new Map(marts.map((m) => [m.name, marts.filter((other) => readsOf(other).includes(m.name)).length]));
  for (const mart of marts) {
    await db.run(sqlText(`marts/${mart.name}`, vars));
    for (const read of readsOf(mart)) {
      readers.set(read, readers.get(read)! - 1);
      const temporary = byName.get(read)!.temporary;
      if (readers.get(read) === 0 && temporary) await db.run(`DROP ${temporary} ${read}`); // its memory goes before the reports
    }
  }
  await db.run(sqlText("runs/meta_set"), { key: "marts_fingerprint", value: fingerprint });
}
