// The bundled samples of data-samples/inbox: six KNUT municipalities, one per dialect plus a
// correction, which the tests, the profiles and `kas run` with no options rely on. Changing a spec
// here changes the committed inbox (test/generate.test.ts compares it byte for byte).
import { join } from "node:path";
import { samplesDir } from "../../pipeline/system/paths.js";
import type { GenerateOptions, MunicipalitySpec } from "./options.js";

export const sampleSeed = 20240101;
export const sampleYears = [2024, 2025];

/** The six KNUT municipalities of data-samples/inbox. */
export function sampleSpecs(): MunicipalitySpec[] {
  return [
    { code: "0181", recipientsPerYear: 1200, dialect: "case-system-sv" },
    { code: "0192", recipientsPerYear: 400, dialect: "numeric-codes", reasonApplicantOnly: true },
    { code: "0128", recipientsPerYear: 120, dialect: "contract", ids: "hex32" },
    { code: "0183", recipientsPerYear: 600, dialect: "xlsx", ids: "hex16" },
    { code: "0182", recipientsPerYear: 700, dialect: "excel-csv", ids: "hex40" },
    { code: "0120", recipientsPerYear: 300, dialect: "contract", ids: "pnr10-dash", correction: { year: 2025, months: [3, 4, 5] } }
  ];
}

/** The options that make data-samples/inbox (byte for byte, with the default seed). */
export function sampleOptions(outDir = join(samplesDir, "inbox"), seed = sampleSeed): GenerateOptions {
  return { outDir, seed, years: [...sampleYears], municipalities: sampleSpecs() };
}
