// codes.html: the shared code lists (contract §3), the target groups (§5) and the indicators (§6)
// as the pipeline knows them, rendered from schemas/ so the page can never drift from validation;
// then every check a file may meet, from the findings catalogue (pipeline/contract/findings.ts).
// In the page's language (contract §12); the code lists show every language's label side by side.
import { entries, severities, stages, type Stage } from "../pipeline/contract/findings.js";
import type { Severity } from "../pipeline/contract/finding.js";
import { html, slug, type Html } from "./html.js";
import { layout, tableWrap } from "./frame.js";
import type { Language, RunInfo, Schema } from "./model.js";
import { words, type Words } from "./words.js";

const severityOrder = Object.keys(severities) as Severity[];

/** "Kontroller och meddelanden": per stage of reading a file, every code with its severity, title and fix. */
function checksSection(w: Words): Html {
  const c = w.codes;
  const upper = (s: string) => s.toLocaleUpperCase(w.locale);
  const sections = (Object.keys(stages) as Stage[]).map((stage) => {
    const title = stages[stage][w.language]; // the catalogue has every text in every language
    const rows = entries
      .filter((e) => e.stage === stage)
      .sort((a, b) => severityOrder.indexOf(a.severity) - severityOrder.indexOf(b.severity))
      .map(
        (e) => html`<tr><th scope="row"><code>${e.code}</code></th><td><span class="sev-${e.severity}">${upper(severities[e.severity].label[w.language])}</span> <br><span class="muted">${e.severity}</span></td><td>${e.title[w.language]}</td><td>${e.fix[w.language]}</td></tr>`
      );
    return html`<section aria-labelledby="checks-${slug(stage)}"><h3 id="checks-${slug(stage)}">${title}</h3>
${tableWrap(title, html`<table>
<caption>${title}${c.checksCaption}</caption>
<thead><tr>${c.checksHead.map((h) => html`<th scope="col">${h}</th>`)}</tr></thead>
<tbody>${rows}</tbody>
</table>`)}</section>`;
  });
  return html`<h2 id="checks">${c.checksTitle}</h2>
<p>${c.checksIntro}</p>
<ul>${severityOrder.map((s) => html`<li><span class="sev-${s}">${upper(severities[s].label[w.language])}</span> <span class="muted">${c.inJson(s)}</span>: ${severities[s].meaning[w.language]}</li>`)}</ul>
${sections}`;
}

/** The page in the given language (Swedish unless said). */
export function renderCodes(schema: Schema, run: RunInfo, language: Language = "sv"): string {
  const w = words(language), c = w.codes;
  const lists = Object.entries(schema.lists);
  const groupLabel = (code: string) => {
    const group = schema.lists.reason_group?.codes.find((x) => x.code === code);
    return group ? w.name(group) : code;
  };
  const sections = lists.map(([name, list]) => {
    const hasGroup = list.codes.some((x) => x.group !== undefined);
    const hasWork = list.codes.some((x) => x.work_or_studies !== undefined);
    const rows = list.codes.map(
      (x) => html`<tr><th scope="row"><code>${x.code}</code></th><td lang="sv">${x.sv}</td><td lang="nb">${x.nb}</td><td lang="en">${x.en}</td>${hasGroup ? html`<td>${x.group === undefined ? w.n.notApplicable : html`<code>${x.group}</code> <span class="muted">(${groupLabel(x.group)})</span>`}</td>` : ""}${hasWork ? html`<td>${x.work_or_studies ? c.yes : c.no}</td>` : ""}</tr>`
    );
    const title = w.name(list.title);
    return html`<section aria-labelledby="list-${slug(name)}"><h3 id="list-${slug(name)}">${title} <span class="muted">(<code>${name}</code>)</span></h3>
${tableWrap(title, html`<table>
<caption>${title}${c.listCaption}</caption>
<thead><tr>${c.listHead.map((h) => html`<th scope="col">${h}</th>`)}${hasGroup ? html`<th scope="col">${c.group}</th>` : ""}${hasWork ? html`<th scope="col">${c.workOrStudies}</th>` : ""}</tr></thead>
<tbody>${rows}</tbody>
</table>`)}</section>`;
  });
  const groups = schema.targetGroups.map((t) => html`<tr><th scope="row"><code>${t.id}</code></th><td>${w.name(t)}</td><td>${w.text(t.definition)}</td></tr>`);
  const indicators = schema.indicators.map(
    (i) => html`<tr><th scope="row"><code>${i.id}</code></th><td>${w.name(i)}</td><td>${w.text(i.definition)}</td><td>${w.text(i.numerator)}</td><td>${w.text(i.denominator) || w.n.notApplicable}</td><td>${i.genders.join(", ")}</td></tr>`
  );
  const body = html`<h1>${c.title}</h1>
<p class="lead">${c.lead}</p>
<nav aria-label="${w.quality.contents}"><ul>${lists.map(([name, list]) => html`<li><a href="#list-${slug(name)}">${w.name(list.title)}</a></li>`)}<li><a href="#target-groups">${c.targetGroups}</a></li><li><a href="#indicators">${w.report.indicators}</a></li></ul></nav>
<h2>${w.frame.nav.codes}</h2>
${sections}
<h2 id="target-groups">${c.targetGroups}</h2>
${tableWrap(c.targetGroups, html`<table><caption>${c.targetGroupsCaption}</caption>
<thead><tr>${c.targetGroupsHead.map((h) => html`<th scope="col">${h}</th>`)}</tr></thead><tbody>${groups}</tbody></table>`)}
<h2 id="indicators">${w.report.indicators}</h2>
${tableWrap(w.report.indicators, html`<table><caption>${c.indicatorsCaption}</caption>
<thead><tr>${c.indicatorsHead.map((h) => html`<th scope="col">${h}</th>`)}</tr></thead><tbody>${indicators}</tbody></table>`)}
${checksSection(w)}`;
  return layout({ title: w.frame.nav.codes, current: "codes", run, body, words: w });
}
