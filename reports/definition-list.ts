// The definition of an indicator as the report's sections show it (report.ts, breakdown-section.ts):
// its definition, numerator and denominator in the page's language, then what the section adds.
import { html, type Html } from "./html.js";
import type { Indicator } from "./model.js";
import type { Words } from "./words.js";

/** The definition list of an indicator: its definition, numerator and denominator (not for a count), and `more`. */
export function definitionList(ind: Indicator, w: Words, more: readonly [term: string, text: Html | string][]): Html {
  const r = w.report;
  return html`<dl class="definition">
<dt>${r.definition}</dt><dd>${w.text(ind.definition)}</dd>
${ind.kind === "count" ? "" : html`<dt>${r.numerator}</dt><dd>${w.text(ind.numerator)}</dd><dt>${r.denominator}</dt><dd>${w.text(ind.denominator)}</dd>`}
${more.map(([term, text]) => html`<dt>${term}</dt><dd>${text}</dd>`)}
</dl>`;
}
