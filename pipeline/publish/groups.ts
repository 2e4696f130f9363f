// Comparison groups (contract §13): for every group of the settings with at least one member in the
// network, the group's mean of each figure with the network mean's rules (§6.4: the unweighted mean of
// the members' published values; a withheld value is not averaged), as rows of `municipality` =
// `group:<id>`. The mean is compare()'s network mean over the members' rows, so both follow one rule.
import { compare, type Figure } from "./comparison.js";
import type { PublishedRow } from "../withhold/model.js";
import type { Indicator } from "../contract/schema.js";
import type { Settings } from "../settings.js";

/** The groups with at least one member among the municipalities, each with the members found. */
export function groupsInNetwork(groups: Settings["comparisonGroups"], municipalities: readonly string[]): { id: string; members: string[] }[] {
  const known = new Set(municipalities);
  return Object.entries(groups)
    .map(([id, g]) => ({ id, members: g.municipalities.filter((m) => known.has(m)) }))
    .filter((g) => g.members.length > 0);
}

/** The means of each group over its members' published rows, as `group:<id>` figures. */
export function groupMeans(rows: readonly PublishedRow[], groups: readonly { id: string; members: readonly string[] }[], indicators: readonly Indicator[]): Figure[] {
  const byMunicipality = new Map<string, PublishedRow[]>();
  for (const r of rows) {
    const list = byMunicipality.get(r.municipality);
    if (list) list.push(r);
    else byMunicipality.set(r.municipality, [r]);
  }
  const out: Figure[] = [];
  for (const g of groups) {
    const members = g.members.flatMap((m) => byMunicipality.get(m) ?? []);
    for (const f of compare(members, indicators)) if (f.municipality === "network") out.push({ ...f, municipality: `group:${g.id}` });
  }
  return out;
}
