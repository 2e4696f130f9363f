// survey.html (contract §15): the network's user survey compared across municipalities. Per question
// (its text in the page's language, schemas/codes.json `question`), a chart of the share of positive
// answers (survey-chart.ts) and a table of the municipalities in the latest year — respondents, share
// of answers 5–6 and mean answer for women, men and the total — with the network mean and the
// comparison groups' means. The rule of at least survey_min_respondents respondents is explained, and
// a note lists every figure of the page that is withheld and why (without saying anything that would
// narrow down a withheld count: which of women and men had too few is not told). Written in the
// settings' language (§12) like every page: the words and notation of reports/words.ts (`survey`).
import { meanCount, networkCount } from "./chart.js";
import { layout, runTime, tableWrap } from "./frame.js";
import { html, slug, type Html } from "./html.js";
import type { Category, Figure, Language, Municipality, RunInfo } from "./model.js";
import { renderSurveyChart, type SurveyChartRow } from "./survey-chart.js";
import { words, type Words } from "./words.js";

type Gender = "K" | "M" | "T";
type Reason = "respondents" | "confidentiality";

/** A withheld figure of the page and why (pipeline/publish/survey.ts). */
export interface SurveyNote {
  readonly municipality: string;
  readonly question: string;
  readonly gender: Gender;
  readonly indicator: string;
  readonly reason: Reason;
}

export interface SurveyPageInput {
  readonly language: Language;
  readonly run: RunInfo;
  readonly threshold: number;
  readonly minRespondents: number;
  /** the questions in order, with their texts */
  readonly questions: readonly Category[];
  /** the municipalities with survey data, by code */
  readonly municipalities: readonly Municipality[];
  readonly years: readonly number[];
  /** every published survey figure: municipalities', `network` and `group:<id>` (dimension `question`) */
  readonly figures: readonly Figure[];
  readonly comparisonGroups?: readonly { id: string; name: string; members: readonly string[] }[];
  /** the withheld figures of the latest year, with why */
  readonly withheld: readonly SurveyNote[];
}

/** The three figures of §15, in the tables' order, with the decimals of a municipality's value. */
const figureIds = ["survey_respondents", "survey_positive_share", "survey_mean_score"] as const;
type FigureId = (typeof figureIds)[number];
const decimals: Record<FigureId, number> = { survey_respondents: 0, survey_positive_share: 1, survey_mean_score: 2 };
const genders = ["K", "M", "T"] as const;

type Lookup = (municipality: string, question: string, indicator: FigureId, gender: Gender) => Figure | undefined;

/** The figures of one year by municipality, question, figure and gender. */
function indexFigures(figures: readonly Figure[]): Lookup {
  const byKey = new Map<string, Figure>();
  for (const f of figures) {
    if (f.status !== "" && f.status !== ".." && f.status !== "-") throw new Error(`invalid status: ${String(f.status)}`);
    const key = `${f.municipality}|${f.category}|${f.indicator}|${f.gender}`;
    if (byKey.has(key)) throw new Error(`duplicate figure: ${key}|${f.year}`);
    byKey.set(key, f);
  }
  return (m, q, i, g) => byKey.get(`${m}|${q}|${i}|${g}`);
}

/** A figure as the page shows it: the value, or the language's symbol. A municipality's share or mean
 *  without respondents is "not applicable"; a year without a survey (or a network without values) "no data". */
function cellText(w: Words, f: Figure | undefined, d: number, respondents: Figure | undefined): string {
  if (!f) return w.n.noData;
  if (f.status === "..") return w.n.withheld;
  if (f.status === "-" || f.value === null) return respondents && respondents.status !== "-" ? w.n.notApplicable : w.n.noData;
  return w.n.fixed(f.value, d);
}

interface Row { code: string; name: string; network: boolean }

function questionTable(w: Words, q: Category, text: string, year: number, rows: readonly Row[], get: Lookup): Html {
  const body = rows.map((r) => {
    const cells = genders.map((g) =>
      figureIds.map((id) => {
        const f = get(r.code, q.code, id, g);
        const d = r.network && id === "survey_respondents" ? 1 : decimals[id];
        const value = cellText(w, f, d, r.network ? undefined : get(r.code, q.code, "survey_respondents", g));
        return html`<td><span class="cell-value">${value}</span>${r.network ? networkCount(f, w) : ""}</td>`;
      })
    );
    return html`<tr${r.network ? html` class="network"` : ""}><th scope="row">${r.name}</th>${cells}</tr>`;
  });
  return tableWrap(w.table(text), html`<table class="figs g3">
<caption>${w.survey.caption(text, year)}</caption>
<thead>
<tr><th scope="col" rowspan="2">${w.municipality}</th>${genders.map((g) => html`<th scope="colgroup" colspan="3" class="ystart">${w.gender[g]}</th>`)}</tr>
<tr>${genders.map(() => figureIds.map((id, k) => html`<th scope="col" class="num${k === 0 ? " ystart" : ""}">${w.survey.figures[id]}</th>`))}</tr>
</thead>
<tbody>${body}</tbody>
</table>`, rows.length <= 16);
}

function questionSection(input: SurveyPageInput, w: Words, q: Category, year: number, rows: readonly Row[], get: Lookup): Html {
  const id = `q-${slug(q.code)}`;
  const text = w.name(q);
  const value = (m: string, g: Gender): number | string => {
    const f = get(m, q.code, "survey_positive_share", g);
    if (f && f.status === "" && f.value !== null) return f.value;
    return cellText(w, f, 1, get(m, q.code, "survey_respondents", g));
  };
  const chartRows: SurveyChartRow[] = input.municipalities.map((m) => ({ code: m.code, name: m.name, values: { K: value(m.code, "K"), M: value(m.code, "M"), T: value(m.code, "T") } }));
  const net = get("network", q.code, "survey_positive_share", "T");
  const network = net && net.status === "" && net.value !== null ? { value: net.value, n: meanCount([net.denominator ?? 0], w) } : null;
  return html`<section class="indicator" id="${id}" aria-labelledby="${id}-h">
<h2 id="${id}-h">${text}</h2>
${renderSurveyChart({ id: `${id}-chart`, question: text, year, rows: chartRows, network, number: w.n.fixed, words: w.survey.chart, collator: w.collator })}
${questionTable(w, q, text, year, rows, get)}
</section>`;
}

/** The note: what is withheld for the latest year, and why, one line per municipality, question, reason and set of figures. */
function withheldSection(input: SurveyPageInput, w: Words, year: number): Html {
  const { minRespondents: min, threshold } = input;
  const t = w.survey;
  // a reason that would narrow a withheld count down (the rule's 1 … min − 1 no wider than the threshold) is not told apart
  const distinguished = min - 2 > threshold;
  const notes = input.withheld;
  const names = new Map(input.municipalities.map((m) => [m.code, m.name]));
  const questions = new Map(input.questions.map((q, k) => [q.code, { k, text: w.name(q) }]));
  const groups = new Map<string, { municipality: string; question: string; reason: Reason; genders: Map<Gender, Set<string>> }>();
  for (const n of notes) {
    const reason: Reason = distinguished ? n.reason : "confidentiality";
    const key = `${n.municipality}|${n.question}|${reason}`;
    const g = groups.get(key) ?? groups.set(key, { municipality: n.municipality, question: n.question, reason, genders: new Map() }).get(key)!;
    const set = g.genders.get(n.gender) ?? g.genders.set(n.gender, new Set()).get(n.gender)!;
    set.add(n.indicator);
  }
  const lines = [...groups.values()].sort(
    (a, b) => w.collator.compare(names.get(a.municipality) ?? a.municipality, names.get(b.municipality) ?? b.municipality) ||
      (questions.get(a.question)?.k ?? 0) - (questions.get(b.question)?.k ?? 0) || (a.reason < b.reason ? -1 : a.reason > b.reason ? 1 : 0)
  ).map((g) => {
    // genders with the same figures withheld together: "kvinnor och män: alla uppgifter"
    const bySet = new Map<string, Gender[]>();
    for (const gender of genders) {
      const set = g.genders.get(gender);
      if (!set) continue;
      const ids = figureIds.filter((id) => set.has(id));
      const key = ids.join(",");
      bySet.set(key, [...(bySet.get(key) ?? []), gender]);
    }
    const what = [...bySet].map(([key, gs]) => {
      const ids = key.split(",") as FigureId[];
      const figures = ids.length === figureIds.length ? t.all : w.and(ids.map((id) => t.figures[id].replace(/, %$/, "").toLowerCase()));
      return `${w.and(gs.map((x) => w.gender[x].toLowerCase()))}: ${figures}`;
    }).join("; ");
    const why = !distinguished ? t.reasons.either(min, threshold)
      : g.reason === "confidentiality" ? t.reasons.confidentiality(threshold)
        : g.genders.has("T") ? t.reasons.total(min) : t.reasons.pair(min);
    return html`<tr><th scope="row">${names.get(g.municipality) ?? g.municipality}</th><td>${questions.get(g.question)?.text ?? g.question}</td><td>${what}</td><td>${why}</td></tr>`;
  });
  const respondents = notes.filter((n) => n.reason === "respondents").length;
  const summary = notes.length === 0 ? t.withheldNone(year)
    : t.withheldSummary({ total: notes.length, respondents, confidentiality: notes.length - respondents, year, min, distinguished });
  const [c1, c2, c3, c4] = t.withheldColumns;
  const table = lines.length === 0 ? "" : tableWrap(t.withheldTitle(year), html`<table class="withheld">
<caption>${t.withheldTitle(year)}</caption>
<thead><tr><th scope="col">${c1}</th><th scope="col">${c2}</th><th scope="col">${c3}</th><th scope="col">${c4}</th></tr></thead>
<tbody>${lines}</tbody>
</table>`, lines.length <= 16);
  return html`<section class="indicator" id="skyddat" aria-labelledby="skyddat-h">
<h2 id="skyddat-h">${t.withheldTitle(year)}</h2>
<p>${summary}</p>
${lines.length > 20 ? html`<details><summary>${t.withheldShowAll(lines.length)}</summary>${table}</details>` : table}
</section>`;
}

/** survey.html as one self-contained HTML document, in the page's language. */
export function renderSurveyPage(input: SurveyPageInput): string {
  const w = words(input.language);
  const t = w.survey;
  if (!Number.isInteger(input.threshold) || input.threshold < 0) throw new Error(`invalid threshold: ${input.threshold}`);
  if (!Number.isInteger(input.minRespondents) || input.minRespondents < 1) throw new Error(`invalid minimum of respondents: ${input.minRespondents}`);
  if (input.years.length === 0 || input.figures.length === 0) throw new Error("a survey page needs survey figures");
  const year = Math.max(...input.years);
  const known = new Set(input.municipalities.map((m) => m.code));
  for (const f of input.figures) {
    if (f.municipality !== "network" && !f.municipality.startsWith("group:") && !known.has(f.municipality)) throw new Error(`figure for unknown municipality: ${f.municipality}`);
  }
  const latest = input.figures.filter((f) => f.year === year);
  const get = indexFigures(latest);
  const municipalities = [...input.municipalities].sort((a, b) => w.collator.compare(a.name, b.name) || (a.code < b.code ? -1 : 1));
  const rows: Row[] = [
    ...municipalities.map((m) => ({ code: m.code, name: m.name, network: false })),
    { code: "network", name: w.networkLabel, network: true },
    ...(input.comparisonGroups ?? []).map((g) => ({ code: `group:${g.id}`, name: w.groupLabel(g.name), network: true }))
  ];
  const first = input.questions[0]?.code;
  const without = municipalities.filter((m) => first !== undefined && get(m.code, first, "survey_respondents", "T")?.status === "-");
  const page = { ...input, municipalities };
  const link = (href: string, text: string) => html`<a href="${href}">${text}</a>`;
  const body = html`<h1>${t.title}${input.run.network ? html` <span class="muted">– ${input.run.network}</span>` : ""}</h1>
<p class="lead">${t.lead(year)}</p>
<dl class="meta">
<dt>${w.run}</dt><dd>${w.runLine(runTime(input.run, w), input.run.id)}</dd>
<dt>${w.municipalities}</dt><dd>${municipalities.map((m, k) => html`${k > 0 ? ", " : ""}${m.name}${without.includes(m) ? html` <span class="muted">(${t.noSurvey(year)})</span>` : ""}`)}</dd>
<dt>${w.report.data}</dt><dd>${t.dataLinks(link("data/survey.csv", t.csv), link("data/survey.xlsx", t.xlsx), link("data/survey.arrow", t.arrow))}</dd>
</dl>
<div class="box">
<p><strong>${t.ruleTitle(input.minRespondents)}</strong></p>
<p>${t.rule(input.minRespondents, input.threshold)}</p>
<p><a href="#skyddat">${t.withheldLink}</a></p>
<p><strong>${w.report.symbols}</strong></p>
<ul class="symbols">${t.symbols(input.threshold).map(([s, text]) => html`<li><span class="sym">${w.n[s]}</span> = ${text}</li>`)}</ul>
<p>${t.networkMean}</p>
</div>
<nav aria-label="${t.questions}"><h2>${t.questions}</h2><ol class="toc">${input.questions.map((q) => html`<li><a href="#q-${slug(q.code)}">${w.name(q)}</a></li>`)}<li><a href="#skyddat">${t.withheldTitle(year)}</a></li></ol></nav>
${input.questions.map((q) => questionSection(page, w, q, year, rows, get))}
${withheldSection(page, w, year)}`;
  return layout({ title: t.title, current: "survey", run: input.run, body, words: w });
}
