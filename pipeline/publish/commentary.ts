// The municipalities' commentary (contract §14) for the pages: each municipality's newest commentary
// (sql/site/commentary.sql) split into its intro and sections (pipeline/contract/commentary.ts), by
// report for the report pages and whole for the municipality's own page. Only municipalities of the
// reports are kept: a commentary from a municipality without data in the network is not shown. The
// text stays Markdown; reports/commentary-html.ts alone renders it.
import { commentarySections } from "../contract/commentary.js";
import type { Schema } from "../contract/schema.js";
import { sqlText, type Db } from "../db/connection.js";
import type { Municipality, MunicipalityPage, ReportCommentary } from "../../reports/model.js";

export interface PageCommentary {
  /** the sections on one report (target group id), in the order of the municipalities given */
  report(targetGroup: string): ReportCommentary[];
  /** a municipality's intro and sections, or null without commentary */
  municipality(code: string): NonNullable<MunicipalityPage["commentary"]> | null;
}

/** The commentary of the given municipalities, read from the database. */
export async function commentaryOf(db: Db, schema: Schema, municipalities: readonly Municipality[]): Promise<PageCommentary> {
  const rows = await db.all<{ municipality: string; text: string; first_seen: string }>(sqlText("site/commentary"));
  const byCode = new Map(rows.map((r) => [r.municipality, r]));
  const indicators = new Map(schema.indicators.map((i) => [i.id, i]));
  const parsed = new Map<string, NonNullable<MunicipalityPage["commentary"]>>();
  for (const m of municipalities) {
    const r = byCode.get(m.code);
    if (!r) continue;
    const { intro, sections } = commentarySections(r.text, schema);
    parsed.set(m.code, {
      firstSeen: r.first_seen,
      intro,
      sections: sections.filter((s) => s.text.trim() !== "").map(({ targetGroup, indicator, text }) => ({ targetGroup, indicator, text }))
    });
  }
  return {
    report: (targetGroup) =>
      municipalities.flatMap((m) => {
        const c = parsed.get(m.code);
        if (!c) return [];
        return c.sections
          .filter((s) => s.targetGroup === targetGroup)
          .map((s) => {
            const ind = s.indicator === null ? undefined : indicators.get(s.indicator);
            return { municipality: m, firstSeen: c.firstSeen, indicator: s.indicator, text: s.text, ...(ind ? { indicatorName: { sv: ind.sv, nb: ind.nb, en: ind.en } } : {}) };
          });
      }),
    municipality: (code) => parsed.get(code) ?? null
  };
}
