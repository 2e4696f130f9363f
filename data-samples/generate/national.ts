// The benchmark's national data set: N municipalities with real-looking codes spread over the 21
// counties, sized like real municipalities so that their bistand rows add up to about the asked
// total (npm run bench, bench/dataset.ts).
import { Random } from "./random.js";
import type { MunicipalitySpec } from "./options.js";

// Swedish county codes and their number of municipalities (290 in all); Stockholm county's codes are
// the real ones, the others follow the usual pattern (the county seat ends in 80).
const counties: readonly (readonly [string, number])[] = [
  ["01", 26], ["03", 8], ["04", 9], ["05", 13], ["06", 13], ["07", 8], ["08", 12], ["09", 1], ["10", 5], ["12", 33], ["13", 6],
  ["14", 49], ["17", 16], ["18", 12], ["19", 10], ["20", 15], ["21", 10], ["22", 7], ["23", 8], ["24", 15], ["25", 14]
];
const stockholmCounty = ["0114", "0115", "0117", "0120", "0123", "0125", "0126", "0127", "0128", "0136", "0138", "0139", "0140",
  "0160", "0162", "0163", "0180", "0181", "0182", "0183", "0184", "0186", "0187", "0188", "0191", "0192"];

function allMunicipalityCodes(): string[] {
  const tails: number[] = [];
  for (let t = 80; t <= 89; t++) tails.push(t);
  for (let t = 60; t <= 79; t++) tails.push(t);
  for (let t = 1; t <= 59; t++) tails.push(t);
  const codes: string[] = [];
  for (const [county, n] of counties) {
    if (county === "01") codes.push(...stockholmCounty);
    else for (let i = 0; i < n; i++) codes.push(county + String(tails[i]).padStart(2, "0"));
  }
  return codes.sort();
}

/** Average bistand rows per recipient and year of the people model (measured: see the tests). */
export const rowsPerRecipientYear = 7.4;

/**
 * N municipalities with real-looking codes (spread over the counties) whose bistand rows over
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
