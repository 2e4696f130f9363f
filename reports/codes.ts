// codes.html: the shared code lists (contract §3), the target groups (§5) and the indicators (§6)
// as the pipeline knows them, rendered from schemas/ so the page can never drift from validation;
// then every check a file may meet, from the findings catalogue (pipeline/contract/findings.ts).
import { entries, severities, stages, type Stage } from "../pipeline/contract/findings.js";
import type { Severity } from "../pipeline/contract/finding.js";
import { html, slug, type Html } from "./html.js";
import { layout, tableWrap } from "./frame.js";
import type { RunInfo, Schema } from "./model.js";

const severityOrder = Object.keys(severities) as Severity[];

/** "Kontroller och meddelanden": per stage of reading a file, every code with its severity, title and fix. */
function checksSection(): Html {
  const sections = (Object.keys(stages) as Stage[]).map((stage) => {
    const title = stages[stage].sv;
    const rows = entries
      .filter((e) => e.stage === stage)
      .sort((a, b) => severityOrder.indexOf(a.severity) - severityOrder.indexOf(b.severity))
      .map(
        (e) => html`<tr><th scope="row"><code>${e.code}</code></th><td><span class="sev-${e.severity}">${severities[e.severity].label.sv.toUpperCase()}</span> <br><span class="muted">${e.severity}</span></td><td>${e.title.sv}</td><td>${e.fix.sv}</td></tr>`
      );
    return html`<section aria-labelledby="checks-${slug(stage)}"><h3 id="checks-${slug(stage)}">${title}</h3>
${tableWrap(title, html`<table>
<caption>${title}: kod, allvarlighet, vad kontrollen hittar och hur det rättas</caption>
<thead><tr><th scope="col">Kod</th><th scope="col">Allvar</th><th scope="col">Vad</th><th scope="col">Så rättar du</th></tr></thead>
<tbody>${rows}</tbody>
</table>`)}</section>`;
  });
  return html`<h2 id="checks">Kontroller och meddelanden</h2>
<p>Varje fil kontrolleras innan något av den läses in: först filen själv, sedan rubrikraden, radernas struktur, värdet i varje kolumn och reglerna inom och mellan rader. Varje fynd anger kod, fil, rad, kolumn och värde och ett meddelande om vad som är fel och hur det rättas; <code>kas validate</code> visar fynden för en fil utan att läsa in den. Allvarlighet:</p>
<ul>${severityOrder.map((s) => html`<li><span class="sev-${s}">${severities[s].label.sv.toUpperCase()}</span> <span class="muted">(${s} i --json)</span>: ${severities[s].meaning.sv}</li>`)}</ul>
${sections}`;
}

export function renderCodes(schema: Schema, run: RunInfo): string {
  const lists = Object.entries(schema.lists);
  const groupLabel = (code: string) => schema.lists.reason_group?.codes.find((c) => c.code === code)?.sv ?? code;
  const sections = lists.map(([name, list]) => {
    const hasGroup = list.codes.some((c) => c.group !== undefined);
    const hasWork = list.codes.some((c) => c.work_or_studies !== undefined);
    const rows = list.codes.map(
      (c) => html`<tr><th scope="row"><code>${c.code}</code></th><td lang="sv">${c.sv}</td><td lang="nb">${c.nb}</td><td lang="en">${c.en}</td>${hasGroup ? html`<td>${c.group === undefined ? "-" : html`<code>${c.group}</code> <span class="muted">(${groupLabel(c.group)})</span>`}</td>` : ""}${hasWork ? html`<td>${c.work_or_studies ? "ja" : "nej"}</td>` : ""}</tr>`
    );
    return html`<section aria-labelledby="list-${slug(name)}"><h3 id="list-${slug(name)}">${list.title.sv} <span class="muted">(<code>${name}</code>)</span></h3>
${tableWrap(list.title.sv, html`<table>
<caption>${list.title.sv}: kod och benämning på svenska, norska och engelska</caption>
<thead><tr><th scope="col">Kod</th><th scope="col">Svenska</th><th scope="col">Norska</th><th scope="col">Engelska</th>${hasGroup ? html`<th scope="col">Grupp</th>` : ""}${hasWork ? html`<th scope="col">Räknas som arbete eller studier</th>` : ""}</tr></thead>
<tbody>${rows}</tbody>
</table>`)}</section>`;
  });
  const groups = schema.targetGroups.map((t) => html`<tr><th scope="row"><code>${t.id}</code></th><td>${t.sv}</td><td>${t.definition}</td></tr>`);
  const indicators = schema.indicators.map(
    (i) => html`<tr><th scope="row"><code>${i.id}</code></th><td>${i.sv}</td><td>${i.definition}</td><td>${i.numerator}</td><td>${i.denominator || "-"}</td><td>${i.genders.join(", ")}</td></tr>`
  );
  const body = html`<h1>Kodlistor och definitioner</h1>
<p class="lead">De gemensamma koderna som alla kommuners uttag översätts till, och hur målgrupper och indikatorer definieras. Koderna är stabila nycklar; benämningarna finns på svenska, norska och engelska.</p>
<nav aria-label="Innehåll"><ul>${lists.map(([name, list]) => html`<li><a href="#list-${slug(name)}">${list.title.sv}</a></li>`)}<li><a href="#target-groups">Målgrupper</a></li><li><a href="#indicators">Indikatorer</a></li></ul></nav>
<h2>Kodlistor</h2>
${sections}
<h2 id="target-groups">Målgrupper</h2>
${tableWrap("Målgrupper", html`<table><caption>Målgrupper: id, namn och definition</caption>
<thead><tr><th scope="col">Id</th><th scope="col">Namn</th><th scope="col">Definition</th></tr></thead><tbody>${groups}</tbody></table>`)}
<h2 id="indicators">Indikatorer</h2>
${tableWrap("Indikatorer", html`<table><caption>Indikatorer: id, namn, definition, täljare, nämnare och redovisade kön</caption>
<thead><tr><th scope="col">Id</th><th scope="col">Namn</th><th scope="col">Definition</th><th scope="col">Täljare</th><th scope="col">Nämnare</th><th scope="col">Kön</th></tr></thead><tbody>${indicators}</tbody></table>`)}
${checksSection()}`;
  return layout({ title: "Kodlistor", current: "codes", run, body });
}
