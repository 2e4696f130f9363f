// The benchmark's national data set: N of Sweden's real municipality codes, spread over the 21
// counties, sized like real municipalities so that their bistand rows add up to about the asked
// total (npm run bench, bench/dataset.ts).
import { municipalities } from "../../pipeline/contract/municipalities.js";
import { Random } from "./random.js";
import type { MunicipalitySpec } from "./options.js";

/** Sweden's 290 municipality codes of today (schemas/municipalities.json, SCB's list), in code order. */
function allMunicipalityCodes(): string[] {
  return municipalities("SE").filter((m) => m.to === null).map((m) => m.code);
}

/** Average bistand rows per recipient and year of the people model (measured: see the tests). */
export const rowsPerRecipientYear = 7.4;

/**
 * N municipalities with real codes (spread over the counties) whose bistand rows over
 * `years` years sum to about totalBistandRows; sizes are skewed like real municipalities. They use
 * dialects that need no profile: mostly the contract, every fourth the Excel CSV; half of them write
 * personnummer, so the benchmark also exercises identity checks.
 */
export function nationalSpecs(count: number, totalBistandRows: number, years = 2): MunicipalitySpec[] {
  const all = allMunicipalityCodes();
  if (!Number.isInteger(count) || count < 1 || count > all.length) throw new Error(`municipality count out of range: ${count} (1–${all.length})`);
  if (!(totalBistandRows > 0)) throw new Error(`invalid row count: ${totalBistandRows}`);
  const rng = new Random(`national:${count}`);
  const codes = Array.from({ length: count }, (_, i) => all[Math.floor((i * all.length) / count)]);
  const weights = codes.map(() => Math.exp(1.1 * rng.normal()));
  const sum = weights.reduce((a, b) => a + b, 0);
  return codes.map((code, i) => ({
    code,
    recipientsPerYear: Math.max(10, Math.round((totalBistandRows * weights[i]) / sum / years / rowsPerRecipientYear)),
    dialect: i % 4 === 3 ? "excel-csv" : "contract",
    ids: i % 2 === 0 ? "pnr12" : "hex32"
  }));
}
