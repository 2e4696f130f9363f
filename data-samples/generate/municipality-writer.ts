// Writing one municipality's extracts from its people model: a bistand file per year (and a
// corrected file, whose months the year's file then holds in a flawed first version) and the insats
// snapshot, in its dialect. The CSV path is the benchmark's hot loop, so it is kept free of per-row
// strings.
import { utimes } from "node:fs/promises";
import { join } from "node:path";
import { CsvFile } from "./csv-file.js";
import { dialects, type CodedColumn, type Dialect } from "./dialects.js";
import { measuresOf } from "./measures.js";
import type { GenerateOptions, GenerateResult, MunicipalitySpec } from "./options.js";
import type { IdMaker } from "./person-ids.js";
import { amountOre, moneyLevels, type Household, type Person, type Population } from "./population.js";
import { unit, type Random } from "./random.js";
import { groupOf, NONE, reasonCodes } from "./reasons.js";
import { XlsxFile, type Cell } from "./xlsx-file.js";

/** The pieces of a bistand CSV row that do not depend on the person or month, encoded once. */
interface RowCells {
  roles: string[];
  genders: string[];
  abroad: string[];
  sep: string;
  reasons: Buffer[];
  emptyReason: Buffer;
  eol: Buffer;
  decimal: number;
  fixed: boolean;
}

/** A CSV cell, quoted only where it must be (none of the generated values needs it today). */
const csvCell = (v: string, sep: string) => (v.includes(sep) || v.includes('"') || v.includes("\n") || v.includes("\r") ? `"${v.replaceAll('"', '""')}"` : v);
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The modification time every file of a run gets: the options' mtime, else 15 January after the last
 *  year (UTC), so that a run compares like a fresh checkout, where all files share one mtime. */
export const fileTime = (options: GenerateOptions): Date => options.mtime ?? new Date(Date.UTC(options.years[options.years.length - 1] + 1, 0, 15, 6, 0, 0));

/** Writes one municipality's files into its folder, adding each file and its rows to `result`. */
export class MunicipalityWriter {
  private readonly d: Dialect;
  private readonly reasonText: string[];
  private readonly fixed: Date;

  constructor(
    private readonly spec: MunicipalitySpec,
    private readonly options: GenerateOptions,
    private readonly dir: string,
    private readonly result: GenerateResult
  ) {
    this.d = dialects[spec.dialect];
    this.reasonText = reasonCodes.map((c) => this.code("reason", c));
    this.fixed = fileTime(options);
  }

  private code(column: CodedColumn, code: string): string {
    return this.d.codes[column]?.[code] ?? code;
  }

  private amount(ore: number): string {
    const kr = Math.floor(ore / 100);
    const rest = ore % 100;
    if (rest === 0 && !this.d.fixedDecimals) return String(kr);
    let dec = String(rest).padStart(2, "0");
    if (!this.d.fixedDecimals && dec.endsWith("0")) dec = dec[0];
    return `${kr}${this.d.decimal}${dec}`;
  }

  /** One of the values the system writes for a code where it has several, picked by a stateless draw
   *  from (a, b), so the streams of random numbers stay as they were. */
  private codeOf(column: CodedColumn, code: string, a: number, b: number): string {
    const alternatives = this.d.alternatives?.[column]?.[code];
    return alternatives ? alternatives[Math.floor(unit(a, b) * alternatives.length)] : this.code(column, code);
  }

  private month(year: number, m: number): string {
    const mm = String(m + 1).padStart(2, "0");
    return this.d.month === "YYYYMM" ? `${year}${mm}` : this.d.month === "MMYYYY" ? `${mm}${year}` : `${year}-${mm}`;
  }

  private date(ms: number | null): Cell {
    if (ms === null) return null;
    if (this.d.date === "excel") return new Date(ms);
    const d = iso(ms);
    if (this.d.date === "ddmmyyyy") return `${d.slice(8, 10)}${d.slice(5, 7)}${d.slice(0, 4)}`;
    return this.d.date === "compact" ? d.replaceAll("-", "") : d;
  }

  private async finish(path: string): Promise<void> {
    await utimes(path, this.fixed, this.fixed);
    this.result.files.push(path);
  }

  /** Writes the bistand file `name` with months `months` (0–11) of year index yi; a month in `flawed`
   *  is written as its first, flawed version. */
  async bistand(pop: Population, yi: number, months: readonly number[], name: string, flawed: ReadonlySet<number>): Promise<void> {
    const year = this.options.years[yi];
    const path = join(this.dir, `${name}.${this.d.file}`);
    const { d } = this;
    const muni = this.spec.code;
    let rows = 0;
    if (d.file === "xlsx") {
      const f = XlsxFile.create(path, "Bistånd", this.fixed, false);
      f.addRow(d.headers.bistand);
      for (const m of months) {
        const month = this.month(year, m);
        const gm = yi * 12 + m;
        for (const h of pop.households) {
          if (!(h.active[yi] & (1 << m)) || (flawed.has(m) && this.dropped(h, gm))) continue;
          const ore = this.monthOre(h, gm, flawed.has(m));
          h.members.forEach((p, i) => {
            const r = this.reasonOf(p, i, gm, flawed.has(m));
            f.addRow([
              muni, month, p.id, h.id, this.code("role", i === 0 ? "applicant" : "co_applicant"), this.code("gender", p.female ? "K" : "M"),
              p.birthYear, p.bornAbroad ? 1 : 0, r === NONE ? null : this.reasonText[r], i === 0 ? ore / 100 : null
            ]);
            rows++;
          });
        }
      }
      await f.close();
    } else {
      // The hot loop of the benchmark: rows are put together from bytes encoded once (the
      // columns that never change for a person, the month, the reason texts), no strings per row.
      const f = await CsvFile.create(path, d.encoding);
      const sep = d.delimiter;
      const roles = [this.code("role", "applicant"), this.code("role", "co_applicant")];
      const genders = [this.code("gender", "K"), this.code("gender", "M")];
      const abroad = [this.code("born_abroad", "0"), this.code("born_abroad", "1")];
      const reasonCells = this.reasonText.map((t) => f.encode(t + sep));
      const emptyReason = f.encode(sep);
      const eol = f.encode(d.eol);
      const decimal = d.decimal.charCodeAt(0);
      f.write(d.headers.bistand.map((h) => csvCell(h, sep)).join(sep) + d.eol);
      const cells: RowCells = { roles, genders, abroad, sep, reasons: reasonCells, emptyReason, eol, decimal, fixed: d.fixedDecimals };
      for (const m of months) {
        const prefix = f.encode(muni + sep + this.month(year, m) + sep);
        const fl = flawed.has(m);
        // synchronous runs of rows until a chunk is full (V8 optimises a plain loop far better
        // than one inside an async function)
        for (let next = 0; next < pop.households.length; ) {
          next = this.monthRows(f, pop.households, next, yi, m, fl, prefix, cells);
          await f.flush();
        }
      }
      rows = f.rows;
      await f.close();
    }
    this.result.rows.bistand += rows;
    await this.finish(path);
  }

  /** Writes the rows of month m of households from index `from` until a chunk is full; returns
   *  the index to go on from. */
  private monthRows(f: CsvFile, households: readonly Household[], from: number, yi: number, m: number, fl: boolean, prefix: Buffer, c: RowCells): number {
    const gm = yi * 12 + m;
    const bit = 1 << m;
    for (let k = from; k < households.length; k++) {
      const h = households[k];
      if (!(h.active[yi] & bit) || (fl && this.dropped(h, gm))) continue;
      const members = h.members;
      for (let i = 0; i < members.length; i++) {
        const p = members[i];
        const tail = (p.tail ??= f.encode(p.id + c.sep + h.id + c.sep + c.roles[i === 0 ? 0 : 1] + c.sep + c.genders[p.female ? 0 : 1] + c.sep + p.birthYear + c.sep + c.abroad[p.bornAbroad ? 1 : 0] + c.sep));
        const r = this.reasonOf(p, i, gm, fl);
        const reason = r === NONE ? c.emptyReason : c.reasons[r];
        f.reserve(prefix.length + tail.length + reason.length + 24);
        f.put(prefix);
        f.put(tail);
        f.put(reason);
        if (i === 0) f.putMoney(this.monthOre(h, gm, fl), c.decimal, c.fixed);
        f.put(c.eol);
      }
      f.rows += members.length;
      if (f.full) return k + 1;
    }
    return households.length;
  }

  // A flawed month is the first version of a month that a correction later replaces: a few
  // household-months are missing, some amounts lack a later addition, more reasons are left out.
  // All three are drawn from (household or person, month), so the correction sees the same people.

  private dropped(h: Household, gm: number): boolean {
    return unit(h.seed ^ 0x5bd1e995, gm) < 0.03;
  }

  private monthOre(h: Household, gm: number, flawed: boolean): number {
    const ore = amountOre(h, gm);
    return flawed && unit(h.seed ^ 0x1b873593, gm) < 0.08 ? Math.round(ore * 0.85) : ore;
  }

  /** The reason index written for member i of a household in a month, or NONE. */
  private reasonOf(p: Person, i: number, gm: number, flawed: boolean): number {
    const r = p.reasons[gm] - 1;
    if (r === NONE || (i > 0 && this.spec.reasonApplicantOnly)) return NONE;
    if (flawed && unit(p.no * 31 + 7, gm) < 0.1) return NONE;
    return r;
  }

  /** Writes the insats snapshot taken on 31 December of the last year: who takes part and their
   *  measures from `rng`; the long measures running before the first year and the measures broken
   *  off early from `more` (see measuresOf). */
  async insats(pop: Population, rng: Random, more: Random, ids: IdMaker): Promise<void> {
    const years = this.options.years;
    const first = Date.UTC(years[0], 0, 1);
    const snapshot = Date.UTC(years[years.length - 1], 11, 31);
    const path = join(this.dir, `insats-${iso(snapshot)}.${this.d.file}`);

    // Who takes part: recipients, more often the unemployed, plus ≈ 15 % who never had assistance.
    const participants: { p: Person; h: Household | null }[] = [];
    for (const h of pop.households) {
      for (const p of h.members) {
        const group = p.neverCoded ? null : groupOf(reasonCodes[p.base]);
        const pr = group === "unemployment" ? 0.36 : group === "social_reasons" ? 0.22 : group === "ill_health" ? 0.15 : group === null ? 0.12 : 0.08;
        if (rng.chance(pr)) participants.push({ p, h });
      }
    }
    let outsiders = Math.round((participants.length * 0.15) / 0.85);

    const { d } = this;
    const sep = d.delimiter;
    const xlsx = d.file === "xlsx" ? XlsxFile.create(path, "Insatser", this.fixed, true) : null;
    const csv = d.file === "csv" ? await CsvFile.create(path, d.encoding) : null;
    const put = (cells: readonly Cell[]) => {
      if (xlsx) xlsx.addRow(cells);
      else csv!.write(cells.map((c) => csvCell(c === null ? "" : String(c), sep)).join(sep) + d.eol);
    };
    put(d.headers.insats);
    let rows = 0;
    let next = 0;
    while (next < participants.length || outsiders > 0) {
      const left = participants.length - next;
      let who: { p: Person; h: Household | null };
      if (outsiders > 0 && rng.float() * (left + outsiders) < outsiders) {
        outsiders--;
        const female = rng.chance(0.45);
        const birthYear = years[0] - rng.int(18, 62);
        const p: Person = {
          no: 0, id: ids.make(this.spec.ids ?? d.ids, rng, birthYear, female, false), female, birthYear, bornAbroad: rng.chance(0.45),
          newlyArrived: false, neverCoded: true, base: 0, establishment: 0, establishmentEnd: 0, reasons: new Uint8Array(0), seenYears: 0, tail: null
        };
        who = { p, h: null };
      } else {
        who = participants[next++];
      }
      for (const m of measuresOf(who.p, who.h, rng, more, years, first, snapshot, moneyLevels[this.spec.currency ?? "SEK"].factor)) {
        const cost = m.costKr === null ? null : d.file === "xlsx" ? m.costKr : this.amount(m.costKr * 100);
        put([
          this.spec.code, who.p.id, this.code("gender", who.p.female ? "K" : "M"), d.file === "xlsx" ? who.p.birthYear : String(who.p.birthYear),
          this.code("measure", m.measure), m.need === null ? null : this.code("need_category", m.need), m.referred === null ? null : this.code("referred_by", m.referred),
          this.date(m.start), this.date(m.end), m.exit === null ? null : this.codeOf("exit_reason", m.exit, m.start / 86_400_000, who.p.birthYear * 12 + rows), cost
        ]);
        rows++;
      }
      if (csv?.full) await csv.flush();
    }
    if (xlsx) await xlsx.close();
    else await csv!.close();
    this.result.rows.insats += rows;
    await this.finish(path);
  }
}
