// Which "-" figures are not applicable rather than missing (contract §12: a Norwegian page shows "."
// for a share or mean whose denominator is 0 and ".." for no data; Swedish and English pages show
// "-" for both, and the CSV's status stays "-"). sql/marts/indicator_values.sql writes "-" for a share
// or mean both when the municipality delivered no data that year and when the denominator is 0; the
// two are told apart by the row of the indicator's base (the withholding model's `base`, e.g.
// recipients or measure_exits): in a year with data that row is not "-", so the share's "-" means a
// denominator of 0 — exactly what the withholding model already treats as known (knownZeros), so
// saying it reveals nothing the model does not assume a reader knows. A model figure (contract §10)
// that is "-" while another of the same municipality-year is published is a ratio on 0 (the return
// when the cost is 0). A rate per 1 000 inhabitants (contract §11) is "-" where the population is
// missing: no data. A mean (network, comparison group) is not applicable when every municipality
// row it averages is.
import { model, unitId, type PublishedRow, type WithholdingModel } from "../withhold/model.js";
import type { Indicator } from "../contract/schema.js";

/** A figure that may say its "-" is not applicable. */
export type Marked<F> = F & { readonly notApplicable?: boolean };

const meanRow = (municipality: string) => municipality === "network" || municipality.startsWith("group:");

/**
 * The figures with `notApplicable: true` on every "-" row that is a share or mean on 0; the others
 * as given. `groups`: the comparison groups' members (a `group:<id>` row averages those only).
 */
export function markNotApplicable<F extends PublishedRow>(
  figures: readonly F[],
  indicators: readonly Indicator[],
  groups: readonly { id: string; members: readonly string[] }[] = [],
  m: WithholdingModel = model()
): Marked<F>[] {
  const withData = new Set<string>();
  const publishedModel = new Set<string>();
  const models = new Set(indicators.filter((i) => i.kind === "model").map((i) => i.id));
  // a rate's "-" is no data: its population is missing (contract §11); that it is 0 the pipeline cannot tell apart
  const ratios = new Set(indicators.filter((i) => i.kind === "share" || i.kind === "mean").map((i) => i.id));
  // a total's row id, from the fields it needs (not a copy of the whole figure: this runs over every figure of a national report)
  const totalId = (indicator: string, f: F) => unitId({ indicator, municipality: f.municipality, year: f.year, gender: f.gender });
  // the totals own() asks about: the bases of the ratios
  const bases = new Set([...ratios].map((id) => m.base.get(id)).filter((b) => b !== undefined));
  for (const f of figures) {
    if (meanRow(f.municipality)) continue;
    if (f.status !== "-" && !f.dimension && bases.has(f.indicator)) withData.add(totalId(f.indicator, f));
    if (models.has(f.indicator) && f.status === "") publishedModel.add(`${f.municipality}|${f.year}`);
  }
  const own = (f: F): boolean => {
    if (f.status !== "-") return false;
    if (models.has(f.indicator)) return publishedModel.has(`${f.municipality}|${f.year}`);
    const base = ratios.has(f.indicator) ? m.base.get(f.indicator) : undefined;
    // the base is the total's row (a breakdown row is "-" for want of data only when its total's is)
    return base !== undefined && withData.has(totalId(base, f));
  };
  // per mean row's key: whether every municipality row it averages is not applicable
  const key = (f: F, municipality: string) => unitId({ indicator: f.indicator, dimension: f.dimension, category: f.category, municipality, year: f.year, gender: f.gender });
  const notApplicable = new Set<string>();
  const missing = new Set<string>();
  const members = new Map(groups.map((g) => [`group:${g.id}`, new Set(g.members)]));
  for (const f of figures) {
    if (meanRow(f.municipality) || f.status !== "-") continue;
    const into = own(f) ? notApplicable : missing;
    into.add(key(f, "network"));
    for (const [group, of] of members) if (of.has(f.municipality)) into.add(key(f, group));
  }
  return figures.map((f) => {
    if (f.status !== "-") return f;
    const applies = meanRow(f.municipality) ? notApplicable.has(unitId(f)) && !missing.has(unitId(f)) : own(f);
    return applies ? { ...f, notApplicable: true } : f;
  });
}
