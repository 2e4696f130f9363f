// The years of one indicator for a large network, where one facet per municipality would be
// unreadable: per year and gender (women, the total and men side by side, each with its symbol and
// line pattern) the network mean (symbol, joined by a line) and the spread of the municipalities'
// published values (a bar from the first to the third quartile, so half of the municipalities lie
// within it); under each year how many municipalities the means average. The axis comes from the
// data; without any published value there is no chart (the row charts below say so). The row charts of dot-chart.ts show each municipality's latest
// change; this shows the years. Written as SVG text like the row charts (no DOM).
import { axisLabel, chartGenders, chartWidth, genderStyle, meanCount, swatchLine, tick, valueScale, type ChartInput, type Gender } from "./chart.js";
import { html, raw, type Html } from "./html.js";

const height = 250;
const plotLeft = 58;
const plotRight = chartWidth - 12;
const plotTop = 30;
const plotBottom = height - 46;

/** The q-quantile of ascending values, interpolated between neighbours (R's type 7, d3.quantile). */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) throw new Error("quantile of no values");
  const h = (sorted.length - 1) * q;
  const lo = Math.floor(h);
  return lo + 1 < sorted.length ? sorted[lo] + (h - lo) * (sorted[lo + 1] - sorted[lo]) : sorted[lo];
}

const round = (v: number) => Math.round(v * 10) / 10;

interface Point { gender: Gender; year: number; mean: number | null; q1: number | null; q3: number | null; n: number }

/** A <figure> with the network's mean and quartiles per year, or nothing for a single year. */
export function renderNetworkTrend(input: ChartInput): Html {
  const { indicator, years, words: w } = input;
  const c = w.chart;
  const meanText = (v: number) => w.n.valueOf(indicator, v, true);
  if (years.length < 2) return html``;
  const id = `${input.id}-trend`;
  const genders = chartGenders(indicator);
  const values = new Map<string, number[]>();
  const means = new Map<string, number>();
  const averaged = new Map<number, number[]>(); // per year: how many municipalities each gender's mean averages
  for (const f of input.figures) {
    if (f.status !== "" || f.value === null) continue;
    const key = `${f.year}|${f.gender}`;
    if (f.municipality === "network") {
      if (!genders.includes(f.gender)) continue;
      means.set(key, f.value);
      averaged.set(f.year, [...(averaged.get(f.year) ?? []), f.denominator ?? 0]);
    }
    else {
      let list = values.get(key);
      if (!list) values.set(key, (list = []));
      list.push(f.value);
    }
  }
  const points: Point[] = genders.flatMap((gender) =>
    years.map((year) => {
      const v = (values.get(`${year}|${gender}`) ?? []).sort((a, b) => a - b);
      return { gender, year, mean: means.get(`${year}|${gender}`) ?? null, q1: v.length ? quantile(v, 0.25) : null, q3: v.length ? quantile(v, 0.75) : null, n: v.length };
    })
  );
  const all = points.flatMap((p) => [p.mean, p.q1, p.q3].filter((v): v is number => v !== null));
  const scale = valueScale(indicator, all, 4);
  if (scale === null) return html``;
  const { domain, ticks } = scale;
  const y = (v: number) => round(plotBottom - ((v - domain[0]) / (domain[1] - domain[0])) * (plotBottom - plotTop));
  const band = (plotRight - plotLeft) / years.length;
  const step = Math.min(band / 4.5, 46);
  const offset = (g: Gender) => (genders.length === 1 ? 0 : Math.sign(genderStyle[g].dodge) * step);
  // every year's labels fit where a year is wide enough for three side by side
  const labelEvery = band >= 190 || genders.length === 1 && band >= 120;
  const x = (year: number, g: Gender) => round(plotLeft + band * (years.indexOf(year) + 0.5) + offset(g));

  const parts: string[] = [];
  const labels: string[] = []; // drawn last, over every line
  parts.push(`<path stroke="#d4d4d4" d="${ticks.map((t) => `M${plotLeft},${y(t)}H${plotRight}`).join("")}"/>`);
  parts.push(`<g text-anchor="end" fill="currentColor">${ticks.map((t) => html`<text x="${plotLeft - 6}" y="${round(y(t) + 3.8)}">${tick(t, w)}</text>`.value).join("")}</g>`);
  parts.push(html`<text x="${plotLeft - 50}" y="14" fill="currentColor">${axisLabel(indicator, w)}</text>`.value);
  parts.push(`<g text-anchor="middle" fill="currentColor">${years.map((yr) => `<text x="${round(plotLeft + band * (years.indexOf(yr) + 0.5))}" y="${plotBottom + 18}">${yr}</text>`).join("")}</g>`);
  parts.push(`<g class="counts" text-anchor="middle" fill="currentColor" font-size="10">${years.map((yr) => html`<text x="${round(plotLeft + band * (years.indexOf(yr) + 0.5))}" y="${plotBottom + 32}">${meanCount(averaged.get(yr) ?? [], w)}</text>`.value).join("")}</g>`);
  for (const g of genders) {
    const s = genderStyle[g];
    const own = points.filter((p) => p.gender === g);
    // the spread: first to third quartile
    parts.push(`<g class="spread-${g}" fill="${s.colour}" fill-opacity="0.18" stroke="${s.colour}" stroke-width="1.2">`);
    for (const p of own) if (p.q1 !== null && p.q3 !== null) parts.push(`<rect x="${round(x(p.year, g) - 7)}" y="${y(p.q3)}" width="14" height="${round(Math.max(1, y(p.q1) - y(p.q3)))}"/>`);
    parts.push("</g>");
    // the mean: a line through the years (broken where a year has none) and a labelled symbol
    const segments: string[] = [];
    own.forEach((p, i) => {
      if (p.mean === null) return;
      const prev = own[i - 1];
      segments.push(`${prev && prev.mean !== null ? "L" : "M"}${x(p.year, g)},${y(p.mean)}`);
    });
    if (segments.length > 1) parts.push(`<path fill="none" stroke="${s.colour}" stroke-width="2"${s.dash ? ` stroke-dasharray="${s.dash}"` : ""} d="${segments.join("")}"/>`);
    parts.push(`<g class="mean-${g}" fill="${s.colour}" stroke="#ffffff" stroke-width="0.8">`);
    for (const p of own) {
      if (p.mean === null) continue;
      const cx = x(p.year, g), cy = y(p.mean);
      parts.push(s.symbol === "circle" ? `<circle cx="${cx}" cy="${cy}" r="4.5"/>` : s.symbol === "square" ? `<rect x="${round(cx - 4.2)}" y="${round(cy - 4.2)}" width="8.4" height="8.4"/>` : `<path d="M${cx},${round(cy - 6)}l6,6l-6,6l-6,-6z"/>`);
    }
    parts.push("</g>");
    // labels beside their symbol, off the lines that run through it: women's to the left, men's to
    // the right, the total's above; where years are too narrow for a label each, only the latest
    // year is labelled
    const labelled = labelEvery ? own : own.slice(-1);
    const side = genders.length === 1 ? 0 : Math.sign(genderStyle[g].dodge);
    const anchor = side < 0 ? "end" : side > 0 ? "start" : "middle";
    labels.push(`<g class="label-${g}" fill="currentColor" text-anchor="${anchor}" font-weight="600" stroke="#ffffff" stroke-width="3" paint-order="stroke">`);
    for (const p of labelled) if (p.mean !== null) labels.push(html`<text x="${round(x(p.year, g) + side * 8)}" y="${round(y(p.mean) - (side === 0 ? 9 : 6))}">${meanText(p.mean)}</text>`.value);
    labels.push("</g>");
  }
  parts.push(...labels);

  const span = `${years[0]}–${years[years.length - 1]}`;
  const title = w.breakdown.networkTitle(w.name(indicator), span);
  const svg = `<svg class="kas-chart kas-trend" width="${chartWidth}" height="${height}" viewBox="0 0 ${chartWidth} ${height}" role="img" aria-label="${html`${c.diagram(title)}`.value}" aria-describedby="${id}-desc" focusable="false" font-size="11" style="background:#ffffff;color:#1b1b1b">${parts.join("")}</svg>`;
  const legend = [
    ...genders.map((g) => html`<li>${raw(swatchLine(genderStyle[g].colour, genderStyle[g].symbol, genderStyle[g].dash))}${c.networkMean}, ${w.gender[g].toLowerCase()}</li>`),
    html`<li>${raw(`<svg width="28" height="14" viewBox="0 0 28 14" aria-hidden="true" focusable="false"><rect x="9" y="1" width="10" height="12" fill="#333333" fill-opacity="0.18" stroke="#333333" stroke-width="1.2"/></svg>`)}${c.middleHalf}</li>`
  ];
  const counts = genders.map((g) => points.filter((p) => p.gender === g).map((p) => p.n));
  const fewest = Math.min(...counts.flat());
  return html`<figure class="chart chart-trend" id="${id}">
${raw(svg)}
<ul class="legend" aria-label="${c.legend}">${legend}</ul>
<figcaption id="${id}-desc"><strong>${title}</strong>: ${c.trendHow(labelEvery ? null : years[years.length - 1], fewest > 0 ? fewest : null)}</figcaption>
</figure>`;
}
