// The generator of realistic synthetic extracts (contract §1–§4), as a library: the bundled samples
// (samples.ts), the benchmark's national data set (national.ts) and the inboxes some tests make all
// come from generate(). Deterministic: everything random comes from seeded streams keyed by (seed,
// municipality, purpose), so a municipality's files do not change when another one is added, and
// rows are written as they are made (only the people model is kept in memory, never a file's rows).
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { writeCommentary } from "./commentary.js";
import { dialects } from "./dialects.js";
import { writeInhabitants } from "./inhabitants.js";
import { fileTime, MunicipalityWriter } from "./municipality-writer.js";
import type { GenerateOptions, GenerateResult } from "./options.js";
import { IdMaker } from "./person-ids.js";
import { PopulationBuilder } from "./population.js";
import { Random } from "./random.js";
import { surveyRows, writeSurvey } from "./survey.js";

function check(options: GenerateOptions): void {
  const { years, municipalities } = options;
  if (!Number.isSafeInteger(options.seed)) throw new Error(`invalid seed: ${options.seed}`);
  if (years.length === 0 || years.some((y, i) => !Number.isInteger(y) || (i > 0 && y !== years[i - 1] + 1))) {
    throw new Error(`years must be consecutive: ${years.join(",")}`);
  }
  const seen = new Set<string>();
  for (const m of municipalities) {
    if (!/^\d{4}$/.test(m.code)) throw new Error(`invalid municipality code: ${m.code}`);
    if (seen.has(m.code)) throw new Error(`duplicate municipality: ${m.code}`);
    seen.add(m.code);
    if (!dialects[m.dialect]) throw new Error(`unknown dialect: ${m.dialect}`);
    if (!(m.recipientsPerYear >= 1)) throw new Error(`invalid recipientsPerYear: ${m.recipientsPerYear}`);
    if (m.correction && (!years.includes(m.correction.year) || m.correction.months.some((x) => !(x >= 1 && x <= 12)))) {
      throw new Error(`invalid correction of ${m.code}: ${JSON.stringify(m.correction)}`);
    }
    const sy = m.survey?.years ?? [];
    if (new Set(sy.map((y) => y.year)).size !== sy.length || sy.some((y) => ![y.year, y.K, y.M, y.unsaid].every((x) => Number.isSafeInteger(x) && x >= 0))) {
      throw new Error(`invalid survey of ${m.code}: ${JSON.stringify(sy)}`);
    }
  }
}

/** Writes each municipality's extracts to <outDir>/<code>/: one bistand file per year (plus a
 *  correction where asked), one insats snapshot, and where the spec asks a survey file per survey
 *  year and a commentary; then the network's population file where the options ask. Deterministic
 *  for the same options. */
export async function generate(options: GenerateOptions): Promise<GenerateResult> {
  check(options);
  const result: GenerateResult = { files: [], rows: { bistand: 0, insats: 0, survey: 0, population: 0 } };
  const mtime = fileTime(options);
  const ids = new IdMaker();
  for (const spec of options.municipalities) {
    const dir = join(options.outDir, spec.code);
    await mkdir(dir, { recursive: true });
    const key = `${options.seed}:${spec.code}`;
    const pop = new PopulationBuilder(spec, options.years, new Random(`${key}:people`), ids, dialects[spec.dialect]).build();
    const w = new MunicipalityWriter(spec, options, dir, result);
    const all = Array.from({ length: 12 }, (_, m) => m);
    for (let yi = 0; yi < options.years.length; yi++) {
      const year = options.years[yi];
      const fix = spec.correction?.year === year ? new Set(spec.correction.months.map((m) => m - 1)) : new Set<number>();
      await w.bistand(pop, yi, all, `bistand-${year}`, fix);
      if (fix.size > 0) {
        // "_" sorts after "." in byte order, so the correction comes after bistand-<year>.csv
        const months = [...fix].sort((a, b) => a - b);
        const span = `${String(months[0] + 1).padStart(2, "0")}-${String(months[months.length - 1] + 1).padStart(2, "0")}`;
        await w.bistand(pop, yi, months, `bistand-${year}_rattelse-${span}`, new Set());
      }
    }
    if (spec.insats !== false) await w.insats(pop, new Random(`${key}:insats`), new Random(`${key}:insats-durations`), ids);
    if (spec.survey) {
      // a stream of its own: the answers change nothing in the other files
      const rng = new Random(`${key}:survey`);
      for (let yi = 0; yi < spec.survey.years.length; yi++) {
        const year = spec.survey.years[yi].year;
        const written = await writeSurvey(dir, spec.code, dialects[spec.dialect], surveyRows(spec.survey, yi, rng), year, mtime);
        result.files.push(written.path);
        result.rows.survey += written.rows;
      }
    }
    if (spec.commentary) result.files.push(await writeCommentary(dir, spec.commentary, mtime));
  }
  if (options.inhabitants) {
    const written = await writeInhabitants(options.outDir, options.inhabitants, mtime);
    result.files.push(written.path);
    result.rows.population += written.rows;
  }
  return result;
}
