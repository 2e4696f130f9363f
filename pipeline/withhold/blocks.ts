// Withholding per block. A report's rows fall into independent blocks — one municipality and year:
// every count, relation and row of §8's model stays inside one — which are protected
// (pipeline/withhold/model.ts) and audited a chunk at a time. Pure, rows in and decisions out, so that
// it runs in a worker thread (threads.ts) without loading the database; which blocks need it, and
// their decisions remembered from run to run, are block-cache.ts's.
import { blockOfCount, checkPublished, isPrimary, unitId, withholdReport, type IndicatorRow } from "./model.js";

export const blockKey = (r: { municipality: string; year: number }) => `${r.municipality}|${r.year}`;
/** A row within its block: indicator|gender, indicator.dimension.category|gender for a breakdown row. */
export const rowKey = (r: { indicator: string; dimension?: string; category?: string; gender: string }) =>
  `${r.dimension ? `${r.indicator}.${r.dimension}.${r.category}` : r.indicator}|${r.gender}`;

/** What is withheld in one block, and what the checker found for it. */
export interface BlockResult {
  readonly withheld: string[];
  readonly primary_n: number;
  readonly secondary_n: number;
  readonly hidden_n: number;
  readonly narrowest: number | null;
}

/**
 * Protects and audits the given blocks of one report (pure: rows in, decisions out), so it can run in
 * a worker thread. Throws when the audit finds a withheld count that can be pinned down.
 */
export async function withholdBlocks(tg: string, all: readonly IndicatorRow[], threshold: number): Promise<Map<string, BlockResult>> {
  const out = new Map<string, { -readonly [K in keyof BlockResult]: BlockResult[K] }>();
  for (const r of all) if (!out.has(blockKey(r))) out.set(blockKey(r), { withheld: [], primary_n: 0, secondary_n: 0, hidden_n: 0, narrowest: null });
  // a block without a primary row withholds nothing and hides nothing: only the others are modelled,
  // CHUNK_BLOCKS at a time (independent: one model of a national report held ~500 MB per thread)
  const withPrimary = [...new Set(all.filter((r) => isPrimary(r, threshold)).map(blockKey))];
  for (let from = 0; from < withPrimary.length; from += CHUNK_BLOCKS) {
    const chunk = new Set(withPrimary.slice(from, from + CHUNK_BLOCKS));
    const rows = all.filter((r) => chunk.has(blockKey(r)));
    const protection = await withholdReport(rows, threshold, { targetGroup: tg });
    // the protection's points as witnesses: the checker believes none it has not verified itself
    const check = await checkPublished(protection.rows, rows, threshold, { targetGroup: tg }, protection.witnesses);
    if (!check.ok) {
      throw new Error(`confidentiality check failed for ${tg}: ${check.failures.length} withheld counts can be deduced to within ${threshold}`);
    }
    for (const r of protection.rows) {
      if (r.status !== "..") continue;
      const e = out.get(blockKey(r))!;
      e.withheld.push(rowKey(r));
      if (protection.primaryUnits.has(unitId(r))) e.primary_n++;
      else e.secondary_n++;
    }
    for (const [id, range] of check.ranges) {
      const e = out.get(blockOfCount(id))!;
      e.hidden_n++;
      const width = range.hi - range.lo;
      if (e.narrowest === null || width < e.narrowest) e.narrowest = width;
    }
  }
  return out;
}

/**
 * Blocks modelled at once: enough parts side by side for the LPs to be stacked, few enough that the
 * model of a national report (580 blocks) is not held whole.
 */
const CHUNK_BLOCKS = 64;

