// The figures of every report indexed once by municipality, for the municipality pages
// (municipality-page.ts): a national network has 290 municipalities and seven reports of some
// 10 000–200 000 figures each, so each report's figures are filed in one pass, never filtered per
// municipality. Only what the pages show is kept: totals of every year and breakdown rows of the
// report's latest year — the municipality's, the network mean's and its comparison groups' means (§13).
import type { Figure, Freshness, Municipality, MunicipalityPage, ReportPage } from "./model.js";

type Report = MunicipalityPage["reports"][number];

interface Filed {
  readonly report: Omit<Report, "figures" | "groups">;
  readonly byMunicipality: ReadonlyMap<string, readonly Figure[]>;
  /** the report's comparison groups in the settings' order, each with its members and its means */
  readonly groups: readonly { id: string; name: string; members: ReadonlySet<string>; figures: readonly Figure[] }[];
}

const groupPrefix = "group:";

export class MunicipalityFigures {
  private readonly reports: Filed[] = [];

  /**
   * Files one report's figures (a report page as published, after the network and group means and
   * ranks), as the `at`-th report of the pages (reports may come in any order; the pages list them by `at`).
   */
  add(page: ReportPage, file: string, at = this.reports.length): void {
    const latest = page.years.length ? Math.max(...page.years) : null;
    const byMunicipality = new Map<string, Figure[]>();
    const network: Figure[] = [];
    for (const f of page.figures) {
      if (f.dimension && f.year !== latest) continue;
      if (f.municipality === "network") network.push(f);
      else {
        let own = byMunicipality.get(f.municipality);
        if (!own) byMunicipality.set(f.municipality, (own = []));
        own.push(f);
      }
    }
    const groups = (page.comparisonGroups ?? []).map((g) => ({
      id: g.id, name: g.name, members: new Set(g.members), figures: byMunicipality.get(`${groupPrefix}${g.id}`) ?? []
    }));
    for (const code of byMunicipality.keys()) if (code.startsWith(groupPrefix)) byMunicipality.delete(code);
    this.reports[at] = { report: { targetGroup: page.targetGroup, file, years: page.years, network, indicators: page.indicators }, byMunicipality, groups };
  }

  /** The page of one municipality, its figures in every report filed so far, in their order (add's `at`). */
  page(municipality: Municipality, common: Pick<MunicipalityPage, "language" | "run" | "threshold" | "indicators" | "dimensions">, freshness: readonly Freshness[]): MunicipalityPage {
    return {
      ...common, municipality,
      freshness: freshness.find((f) => f.municipality === municipality.code) ?? null,
      reports: this.reports.filter(Boolean).map(({ report, byMunicipality, groups }) => ({
        ...report, figures: byMunicipality.get(municipality.code) ?? [],
        groups: groups.filter((g) => g.members.has(municipality.code)).map(({ id, name, figures }) => ({ id, name, figures }))
      }))
    };
  }
}
