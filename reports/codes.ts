// codes.html: the shared code lists (contract §3), the target groups (§5) and the indicators (§6)
// as the pipeline knows them, rendered from schemas/ so the page can never drift from validation.
import { html, slug } from "./html.js";
import { layout, tableWrap } from "./frame.js";
import type { RunInfo, Schema } from "./model.js";

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
<thead><tr><th scope="col">Id</th><th scope="col">Namn</th><th scope="col">Definition</th><th scope="col">Täljare</th><th scope="col">Nämnare</th><th scope="col">Kön</th></tr></thead><tbody>${indicators}</tbody></table>`)}`;
  return layout({ title: "Kodlistor", current: "codes", run, body });
}
