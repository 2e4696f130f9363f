// municipality/<code>.html for every municipality of a run, rendered report by report: each report's
// section of every page is rendered as soon as that report is published (publish/site.ts writes the
// reports in the order their protection finishes), and only its markup is kept — not its figures —
// so that once the last report is done, 290 pages are a matter of joining sections. Each page is
// exactly renderMunicipalityPage's of the same figures (municipality-page.ts).
import type { Html } from "./html.js";
import type { Freshness, Municipality, MunicipalityPage, ReportPage } from "./model.js";
import { MunicipalityFigures } from "./municipality-figures.js";
import { municipalitySection, renderMunicipalityPage } from "./municipality-page.js";

type Common = Pick<MunicipalityPage, "language" | "run" | "threshold" | "indicators" | "dimensions">;
type Report = MunicipalityPage["reports"][number];

export class MunicipalityPages {
  /** per report (add's `at`), per municipality code: the report as its page lists it (no figures) and its section */
  private readonly reports: Map<string, { report: Report; section: Html }>[] = [];

  constructor(
    private readonly common: Common,
    private readonly municipalities: readonly Municipality[],
    private readonly freshness: readonly Freshness[],
    private readonly commentary: (code: string) => MunicipalityPage["commentary"]
  ) {}

  /** Renders one report's section of every municipality's page, as the `at`-th report of the pages. */
  add(page: ReportPage, file: string, at: number): void {
    const filed = new MunicipalityFigures();
    filed.add(page, file);
    const byCode = new Map<string, { report: Report; section: Html }>();
    for (const m of this.municipalities) {
      const one = { ...filed.page(m, this.common, this.freshness), commentary: this.commentary(m.code) };
      const [r] = one.reports;
      const report = { ...r, figures: [], network: [], groups: r.groups?.map((g) => ({ ...g, figures: [] })) };
      byCode.set(m.code, { report, section: municipalitySection(one, r) });
    }
    this.reports[at] = byCode;
  }

  /** The page of one municipality: its sections of every report added, in their order (add's `at`). */
  render(municipality: Municipality): string {
    const mine = this.reports.filter(Boolean).map((r) => r.get(municipality.code) ?? missing(municipality));
    const page: MunicipalityPage = {
      ...this.common, municipality, reports: mine.map((x) => x.report),
      freshness: this.freshness.find((f) => f.municipality === municipality.code) ?? null, commentary: this.commentary(municipality.code)
    };
    return renderMunicipalityPage(page, mine.map((x) => x.section));
  }
}

function missing(m: Municipality): never {
  throw new Error(`no section for municipality ${m.code}: it was not among the pages' municipalities`);
}
