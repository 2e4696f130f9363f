// Withholding per report, remembered per block (blocks.ts). A block whose figures did not change keeps
// its withheld rows from the last run, and only changed blocks are protected and audited again: a run
// with one new file protects that municipality's blocks. The cache is keyed by the block's figures, the
// threshold, the code of the confidentiality modules and the model the schemas declare, so a change to
// any of them recomputes.
import { listValue } from "@duckdb/node-api";
import { createHash } from "node:crypto";
import { blockKey, rowKey, type BlockResult } from "./blocks.js";
import { modelDigest, type IndicatorRow, type PublishedRow } from "./model.js";
import { sqlText, type Db } from "../db/connection.js";
import { withholdingFingerprint } from "../publish/fingerprint.js";

export interface ReportWithholding {
  readonly rows: PublishedRow[];
  readonly withheld: number;
  readonly primary: number;
  readonly secondary: number;
  /** the checker's view: withheld counts, and the narrowest range an attacker can deduce for one */
  readonly hidden: number;
  readonly narrowest: number | null;
  /** blocks protected in this run (the rest came from the cache) */
  readonly computed: number;
  readonly blocks: number;
}

interface BlockEntry {
  municipality: string;
  year: number;
  digest: string;
  withheld: string[];
  primary_n: number;
  secondary_n: number;
  hidden_n: number;
  narrowest: number | null;
}

function digestOf(rows: readonly IndicatorRow[], tg: string, threshold: number): string {
  const h = createHash("sha256").update(`${withholdingFingerprint()}|${modelDigest()}|${tg}|${threshold}`);
  for (const r of rows) h.update(`|${r.indicator},${r.dimension ?? ""},${r.category ?? ""},${r.gender},${r.status},${r.value},${r.numerator},${r.denominator}`);
  return h.digest("hex");
}

export interface WithholdingPlan {
  readonly tg: string;
  readonly threshold: number;
  readonly rows: readonly IndicatorRow[];
  readonly blocks: ReadonlyMap<string, IndicatorRow[]>;
  readonly cached: ReadonlyMap<string, BlockEntry>;
  readonly digests: ReadonlyMap<string, string>;
  /** the blocks to protect in this run, and their rows */
  readonly stale: readonly string[];
  readonly staleRows: readonly IndicatorRow[];
}

/** Which blocks of a report changed since the cache was written. */
export async function planWithholding(db: Db, tg: string, rows: readonly IndicatorRow[], threshold: number): Promise<WithholdingPlan> {
  const blocks = new Map<string, IndicatorRow[]>();
  for (const r of rows) {
    const list = blocks.get(blockKey(r));
    if (list) list.push(r);
    else blocks.set(blockKey(r), [r]);
  }
  const cached = new Map(
    (await db.all<Omit<BlockEntry, "withheld"> & { withheld: string }>(sqlText("site/protection_blocks_cached"), { tg })).map((e) => [
      blockKey(e), { ...e, withheld: e.withheld === "" ? [] : e.withheld.split("\n") }
    ])
  );
  const digests = new Map([...blocks].map(([k, b]) => [k, digestOf(b, tg, threshold)]));
  const stale = [...blocks.keys()].filter((k) => cached.get(k)?.digest !== digests.get(k));
  return { tg, threshold, rows, blocks, cached, digests, stale, staleRows: stale.flatMap((k) => blocks.get(k)!) };
}

/** Stores the new decisions and applies every block's decisions to the report's rows. */
export async function finishWithholding(db: Db, plan: WithholdingPlan, computed: ReadonlyMap<string, BlockResult>): Promise<ReportWithholding> {
  const { tg, blocks, cached, digests, stale } = plan;
  const fresh = new Map<string, BlockEntry>();
  for (const k of stale) {
    const r = computed.get(k);
    if (!r) throw new Error(`no protection computed for block ${k}`);
    fresh.set(k, { municipality: k.split("|")[0], year: Number(k.split("|")[1]), digest: digests.get(k)!, ...r });
  }
  // the stale blocks' old decisions, and blocks that no longer exist (a municipality's rows all gone), leave the cache
  const leaving = [...stale.filter((k) => cached.has(k)), ...[...cached.keys()].filter((k) => !blocks.has(k))];
  if (leaving.length) {
    await db.run(sqlText("site/protection_blocks_leave"), {
      tg, keys: listValue(leaving)
    });
  }
  if (fresh.size) {
    // appended, not parsed: thousands of blocks at a first load, their withheld row keys a text each (a
    // line per key: no key is empty or holds a line break) that DuckDB splits into the list
    await db.run(sqlText("site/protection_blocks_stage"));
    const appender = await db.conn.createAppender("protection_blocks_staged", "main", "temp");
    try {
      for (const e of fresh.values()) {
        appender.appendVarchar(tg);
        appender.appendVarchar(e.municipality);
        appender.appendInteger(e.year);
        appender.appendVarchar(e.digest);
        const odd = e.withheld.find((k) => k === "" || k.includes("\n")); // would not split back into itself
        if (odd !== undefined) throw new Error(`finishWithholding: a withheld row key that is empty or holds a line break: ${JSON.stringify(odd)}`);
        appender.appendVarchar(e.withheld.join("\n"));
        appender.appendInteger(e.primary_n);
        appender.appendInteger(e.secondary_n);
        appender.appendInteger(e.hidden_n);
        if (e.narrowest === null) appender.appendNull();
        else appender.appendDouble(e.narrowest);
        appender.endRow();
      }
      appender.flushSync();
    } finally {
      appender.closeSync();
    }
    await db.run(sqlText("site/protection_blocks_store"));
  }

  const entry = (k: string) => fresh.get(k) ?? cached.get(k)!;
  // the withheld rows, looked for only in the blocks that withhold any (most withhold none)
  const hide = new Set<IndicatorRow>();
  for (const [k, rows] of blocks) {
    const withheld = entry(k).withheld;
    if (withheld.length === 0) continue;
    const keys = new Set(withheld);
    for (const r of rows) if (keys.has(rowKey(r))) hide.add(r); // a covered share's `-` too (model.ts coveredShares)
  }
  const out = plan.rows.map((r): PublishedRow => (hide.has(r) ? { ...r, value: null, numerator: null, denominator: null, status: ".." } : r));
  let primary = 0, secondary = 0, hidden = 0, narrowest: number | null = null;
  for (const k of blocks.keys()) {
    const e = entry(k);
    primary += e.primary_n;
    secondary += e.secondary_n;
    hidden += e.hidden_n;
    if (e.narrowest !== null && (narrowest === null || e.narrowest < narrowest)) narrowest = e.narrowest;
  }
  return {
    rows: out, withheld: primary + secondary, primary, secondary, hidden,
    narrowest: narrowest !== null && Number.isFinite(narrowest) ? narrowest : null, computed: stale.length, blocks: blocks.size
  };
}
