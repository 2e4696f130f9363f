// The network's population file (contract §11: kind `population`, read from <inbox>/network/):
// inhabitants per municipality, year, gender and single year of age at 31 December. The samples'
// figures are MODELLED, not SCB's or SSB's tables (which could not be read offline, see
// data-samples/README.md): each municipality-year's total — a real published total where one was
// found, else a plausible one — is spread over genders and ages 0–120 by one smooth age profile.
// Nothing here is random: the same totals always give the same file.
import { mkdir, utimes, writeFile } from "node:fs/promises";
import { join } from "node:path";

/** The last age of the contract's population kind (schemas/kinds.json: age 0–120). */
export const maxAge = 120;

/** Inhabitants at 31 December of each year, per municipality; `source` says where a total comes from. */
export interface InhabitantTotal {
  readonly municipality: string;
  readonly year: number;
  readonly persons: number;
  /** "published" (a real total, cited in data-samples/README.md) or "modelled" */
  readonly source: "published" | "modelled";
}

/** What the population file holds: its name in <inbox>/network/ and the totals to spread. */
export interface InhabitantsSpec {
  /** file name, e.g. population-2024-2025.csv */
  readonly name: string;
  readonly totals: readonly InhabitantTotal[];
}

/**
 * The age profile: the relative number of people of each age 0–120, per gender. A stationary
 * population — the same number of births every year, 105 boys to 100 girls — thinned by deaths at a
 * Gompertz–Makeham rate μ(a) = 0.0002 + B·e^(0.12·a), with B chosen so that life expectancy at birth
 * is about 84.7 for women (B = 2.53e-6) and 81.8 for men (B = 3.60e-6), near Sweden's and Norway's;
 * then raised by up to 30 % around age 35 (a bell of width 14 years) for the in-migration of
 * working-age adults and their children that suburban and regional-centre municipalities have. The
 * result: about 20 % aged 0–17, 61 % aged 18–66, 21 % aged 65 or more. Smooth by design: no baby
 * booms or echo cohorts, which a real table has, and somewhat too many of the very old (a stationary
 * population has more 80-year-olds than Sweden's real one, about 7 % against 5.5 %).
 */
export function ageProfile(gender: "K" | "M"): number[] {
  const b = gender === "K" ? 2.53e-6 : 3.6e-6;
  const births = gender === "K" ? 100 : 105;
  const out: number[] = [];
  let alive = 1;
  for (let age = 0; age <= maxAge; age++) {
    // people of age a at 31 December have lived a + ½ years on average
    const next = alive * Math.exp(-(0.0002 + b * Math.exp(0.12 * age)));
    const survivors = (alive + next) / 2;
    out.push(births * survivors * (1 + 0.3 * Math.exp(-(((age - 35) / 14) ** 2))));
    alive = next;
  }
  return out;
}

/** One municipality-year's total spread over gender × age by the profile, in whole persons that add up
 *  to the total exactly (largest remainder; ties to the lower age, then K before M). */
export function spread(total: number): { K: number[]; M: number[] } {
  if (!Number.isSafeInteger(total) || total < 0) throw new Error(`invalid population total: ${total}`);
  const cells = (["K", "M"] as const).flatMap((g) => ageProfile(g).map((w, age) => ({ g, age, w })));
  const sum = cells.reduce((s, c) => s + c.w, 0);
  const exact = cells.map((c) => (total * c.w) / sum);
  const whole = exact.map(Math.floor);
  let left = total - whole.reduce((s, x) => s + x, 0);
  const order = exact.map((x, i) => ({ i, rest: x - whole[i] })).sort((a, b) => b.rest - a.rest || a.i - b.i);
  for (const { i } of order) {
    if (left === 0) break;
    whole[i]++;
    left--;
  }
  const n = maxAge + 1;
  return { K: whole.slice(0, n), M: whole.slice(n) };
}

/** Writes <outDir>/network/<name>: the contract's own notation (UTF-8, `,`, LF), one row per municipality,
 *  year, gender and age 0–120, in that order. Returns the path and its data rows. */
export async function writeInhabitants(outDir: string, spec: InhabitantsSpec, mtime: Date): Promise<{ path: string; rows: number }> {
  const lines = ["municipality,year,gender,age,persons"];
  const seen = new Set<string>();
  for (const t of spec.totals) {
    const key = `${t.municipality}:${t.year}`;
    if (seen.has(key)) throw new Error(`two population totals for ${key}`);
    seen.add(key);
    const by = spread(t.persons);
    for (const g of ["K", "M"] as const) by[g].forEach((persons, age) => lines.push(`${t.municipality},${t.year},${g},${age},${persons}`));
  }
  await mkdir(join(outDir, "network"), { recursive: true });
  const path = join(outDir, "network", spec.name);
  await writeFile(path, lines.join("\n") + "\n");
  await utimes(path, mtime, mtime);
  return { path, rows: lines.length - 1 };
}
