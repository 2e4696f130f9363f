// The socio-economic value of exits to work or studies (contract §10): a model, not a measurement,
// computed per municipality and year (T) after withholding, from one report's figures and the network's
// parameters (settings `socioeconomic`, pipeline/settings.ts):
//   A = 12 × amount_per_household_month (exact: numerator ÷ denominator), the yearly assistance of a household;
//   W, S = the exits to work and to studies (exit_reason_share's numerators), C = the cost of the year's exits;
//   V_work = Σ_t p_t (A + R) ÷ (1 + r)^(t−1), V_studies = Σ_t q_t A ÷ (1 + r)^(t−1);
//   value = (W V_work + S V_studies)(1 − d), net = value − C, return = value ÷ C.
// The three figures are withheld where W, S or the year's exits are a count from 1 to the threshold or
// withheld in the report (§10), and where the amount they rest on is withheld (§8: figures computed from
// counts are withheld whenever those counts are). `auditSocioeconomic` checks that from the published rows.
import type { IndicatorRow, PublishedRow } from "../withhold/model.js";
import type { SocioeconomicParameters } from "../settings.js";

export const socioeconomicIds = ["socioeconomic_value", "socioeconomic_net_value", "socioeconomic_return"] as const;

/** What one exit to work and one to studies are worth over the horizon, for a household's yearly assistance A. */
export function valuePerExit(a: number, p: SocioeconomicParameters): { work: number; studies: number } {
  let work = 0;
  let studies = 0;
  for (let t = 1; t <= p.horizon_years; t++) {
    const discount = (1 + p.discount_rate) ** (t - 1);
    work += (p.work_retention[t - 1] * (a + p.public_revenue_per_work_year)) / discount;
    studies += (p.studies_retention[t - 1] * a) / discount;
  }
  return { work, studies };
}

/** The model's three figures for one municipality-year, before rounding; null where there is no value. */
export function socioeconomicFigures(
  i: { readonly a: number | null; readonly work: number; readonly studies: number; readonly cost: number },
  p: SocioeconomicParameters
): { value: number; net: number; ret: number | null } | null {
  if (i.a === null) return null;
  const v = valuePerExit(i.a, p);
  const value = (i.work * v.work + i.studies * v.studies) * (1 - p.deadweight);
  return { value, net: value - i.cost, ret: i.cost === 0 ? null : value / i.cost };
}

/** Half up to `decimals` (half towards +∞, also for a negative net value). */
const round = (v: number, decimals: number) => Math.round(v * 10 ** decimals) / 10 ** decimals;

type Key = { indicator: string; dimension?: string; category?: string; gender: string };
const keyOf = (r: Key) => `${r.indicator}|${r.dimension ?? ""}|${r.category ?? ""}|${r.gender}`;

/** The rows §10's withholding rests on: the year's exits (T), the exits to work and to studies, and the amount. */
const basis = [
  { indicator: "measure_exits", gender: "T" },
  { indicator: "exit_reason_share", dimension: "exit_reason", category: "work", gender: "T" },
  { indicator: "exit_reason_share", dimension: "exit_reason", category: "studies", gender: "T" },
  { indicator: "amount_per_household_month", gender: "T" }
] as const;

/** The indicators whose rows the model reads: the basis and the cost. */
const read = new Set<string>([...basis.map((b) => b.indicator), "cost_per_exit"]);

/** The counts a basis row shows (its numerator, and measure_exits' value), to be checked against 1..threshold. */
const shownCount = (r: { numerator: number | null }) => r.numerator ?? 0;

/** How much a published value rests on the assumptions: the same value with every retention share halved, and with the defaults. */
export interface Sensitivity {
  readonly municipality: string;
  readonly year: number;
  readonly value: number;
  readonly halfRetention: number;
  readonly defaults: number;
}

/**
 * The socio-economic rows of one report: per municipality and year of `truth` (the figures before
 * withholding), T only, withheld as §10 says by what `published` withholds; and, for every published
 * value, its sensitivity to the retention assumptions.
 */
export function socioeconomicRows(
  truth: readonly IndicatorRow[],
  published: readonly PublishedRow[],
  threshold: number,
  p: SocioeconomicParameters,
  defaults: SocioeconomicParameters = p
): { rows: PublishedRow[]; sensitivity: Sensitivity[] } {
  const half = { ...p, work_retention: p.work_retention.map((x) => x / 2), studies_retention: p.studies_retention.map((x) => x / 2) };
  const sensitivity: Sensitivity[] = [];
  const blocks = new Map<string, { truth: Map<string, IndicatorRow>; published: Map<string, PublishedRow> }>();
  const block = (r: { municipality: string; year: number }) => {
    const k = `${r.municipality}|${r.year}`;
    let b = blocks.get(k);
    if (!b) blocks.set(k, (b = { truth: new Map(), published: new Map() }));
    return b;
  };
  // every municipality-year has its rows; only the rows they rest on are looked up (a national report has 10⁵ others)
  for (const r of truth) {
    if (r.gender !== "T") continue;
    const b = block(r);
    if (read.has(r.indicator)) b.truth.set(keyOf(r), r);
  }
  for (const r of published) if (r.gender === "T" && read.has(r.indicator)) block(r).published.set(keyOf(r), r);
  const out: PublishedRow[] = [];
  for (const [k, b] of blocks) {
    const [municipality, y] = k.split("|");
    const year = Number(y);
    const row = (indicator: string, value: number | null, status: PublishedRow["status"]): PublishedRow =>
      ({ indicator, municipality, year, gender: "T", value: status === "" ? value : null, numerator: null, denominator: null, status });
    const [exits, work, studies, amount] = basis.map((x) => b.truth.get(keyOf(x)));
    if (!exits || !work || !studies || !amount || exits.status === "-" || amount.status === "-") {
      out.push(...socioeconomicIds.map((id) => row(id, null, "-")));
      continue;
    }
    const withheld = basis.some((x, n) => {
      const shown = b.published.get(keyOf(x));
      const count = n === 3 ? null : shownCount([exits, work, studies][n]);
      return shown?.status === ".." || (count !== null && count >= 1 && count <= threshold);
    });
    if (withheld) {
      out.push(...socioeconomicIds.map((id) => row(id, null, "..")));
      continue;
    }
    const cost = b.truth.get(keyOf({ indicator: "cost_per_exit", gender: "T" }));
    const input = {
      a: 12 * (amount.numerator! / amount.denominator!),
      // a share of 0 exits is `-`: no exits to work or studies either
      work: work.status === "-" ? 0 : work.numerator!,
      studies: studies.status === "-" ? 0 : studies.numerator!,
      cost: cost && cost.status === "" ? cost.numerator! : 0
    };
    const figures = socioeconomicFigures(input, p)!;
    sensitivity.push({
      municipality, year, value: round(figures.value, 0),
      halfRetention: round(socioeconomicFigures(input, half)!.value, 0), defaults: round(socioeconomicFigures(input, defaults)!.value, 0)
    });
    out.push(
      row("socioeconomic_value", round(figures.value, 0), ""),
      row("socioeconomic_net_value", round(figures.net, 0), ""),
      figures.ret === null ? row("socioeconomic_return", null, "-") : row("socioeconomic_return", round(figures.ret, 2), "")
    );
  }
  return { rows: out, sensitivity };
}

/**
 * The audit of §10's rule on a published report: every published socio-economic figure rests on a
 * published measure_exits (T) and published exits to work and to studies, none of them from 1 to the
 * threshold, and a published amount. Returns what breaks it (empty when nothing does).
 */
export function auditSocioeconomic(rows: readonly PublishedRow[], threshold: number): string[] {
  const at = new Map<string, PublishedRow>();
  for (const r of rows) if (read.has(r.indicator)) at.set(`${r.municipality}|${r.year}|${keyOf(r)}`, r);
  const out: string[] = [];
  for (const r of rows) {
    if (!(socioeconomicIds as readonly string[]).includes(r.indicator) || r.status !== "") continue;
    const none = at.get(`${r.municipality}|${r.year}|${keyOf(basis[0])}`)?.value === 0; // no exits: the shares are `-`
    for (const x of basis) {
      const b = at.get(`${r.municipality}|${r.year}|${keyOf(x)}`);
      const count = x.indicator === "amount_per_household_month" ? null : b ? shownCount(b) : null;
      if (none && b?.status === "-" && x.indicator === "exit_reason_share") continue;
      if (!b || b.status !== "" || (count !== null && count >= 1 && count <= threshold)) {
        out.push(`${r.indicator} ${r.municipality} ${r.year} is published, but ${keyOf(x)} is ${b ? (b.status || b.numerator) : "missing"}`);
      }
    }
  }
  return out;
}
