// The municipalities' commentary on a report page (contract §14): a section `## <target group>` of a
// municipality's commentary is shown beside the report — near the top, after the target group's
// definition, under "what the municipalities say" — and a section `## <target group> / <indicator>`
// in that indicator's section of the page (report.ts, breakdown-section.ts, socioeconomic-section.ts).
// An indicator the page has no section for (one of other reports, or without figures) is commented on
// beside the report, under its name. Every block is commentaryBlock's: the municipality's own words
// under its name and the date its file was first seen, never HTML of the file.
import { commentaryBlock } from "./commentary-html.js";
import { html, type Html } from "./html.js";
import type { Indicator, ReportCommentary, RunInfo } from "./model.js";
import type { Words } from "./words.js";

/** More municipalities than this commenting on the report as a whole: their comments are folded. */
const foldAbove = 3;

export class ReportComments {
  private readonly byIndicator = new Map<string | null, ReportCommentary[]>();

  /** The page's commentary by indicator (null: the report as a whole), each list by municipality name. */
  constructor(commentary: readonly ReportCommentary[] | undefined, private readonly run: RunInfo, private readonly w: Words) {
    for (const c of commentary ?? []) {
      const list = this.byIndicator.get(c.indicator) ?? this.byIndicator.set(c.indicator, []).get(c.indicator)!;
      list.push(c);
    }
    for (const list of this.byIndicator.values()) {
      list.sort((a, b) => w.collator.compare(a.municipality.name, b.municipality.name) || a.municipality.code.localeCompare(b.municipality.code));
    }
  }

  /** How many municipalities comment on an indicator. */
  count(indicator: string): number {
    return this.byIndicator.get(indicator)?.length ?? 0;
  }

  /** The blocks of one list, in order, each on a line of its own (a page without commentary keeps its bytes). */
  private blocks(list: readonly ReportCommentary[]): Html {
    return html`${list.map((c) => html`
${commentaryBlock({ municipalityName: c.municipality.name, municipality: c.municipality.code, firstSeen: c.firstSeen, text: c.text, lang: this.w.language, timeZone: this.run.timeZone })}`)}`;
  }

  /** The comments on one indicator, for its section of the page. */
  indicator(id: string): Html {
    const list = this.byIndicator.get(id);
    return list ? this.blocks(list) : html``;
  }

  /** "What the municipalities say": the comments on the report as a whole, then those on indicators
   *  without a section of their own on the page (`shown`: the ids of those with one), each under its
   *  name. Nothing where there are none. */
  report(indicators: readonly Indicator[], shown: ReadonlySet<string>): Html {
    const w = this.w, c = w.commentary;
    const whole = this.byIndicator.get(null) ?? [];
    const names = new Map(indicators.map((i) => [i.id, w.name(i)]));
    const name = (id: string, list: readonly ReportCommentary[]) => names.get(id) ?? (list[0].indicatorName ? w.name(list[0].indicatorName) : id);
    const others = [...this.byIndicator].filter((e): e is [string, ReportCommentary[]] => e[0] !== null && !shown.has(e[0]));
    if (whole.length === 0 && others.length === 0) return html``;
    const municipalities = new Set([...whole, ...others.flatMap(([, list]) => list)].map((x) => x.municipality.code)).size;
    const content = html`${this.blocks(whole)}${others.map(([id, list]) => html`
<h3>${c.about(name(id, list))}</h3>${this.blocks(list)}`)}`;
    return html`
<section class="commentaries" id="kommentarer" aria-labelledby="kommentarer-h">
<h2 id="kommentarer-h">${c.title}</h2>
<p class="muted">${c.intro}</p>${municipalities > foldAbove ? html`
<details><summary>${c.fold(municipalities)}</summary>${content}
</details>` : content}
</section>`;
  }

  /** After an indicator in the page's contents: how many comment on it, if any. */
  mark(id: string): Html {
    const k = this.count(id);
    return k === 0 ? html`` : html` <span class="muted">(${this.w.commentary.mark(k)})</span>`;
  }
}
