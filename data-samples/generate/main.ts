// The generator's command line (npm run generate): regenerates data-samples/inbox and
// data-samples/inbox-no exactly, or one of their layouts with other people, or the benchmark's
// national data set.
//
//   node dist/data-samples/generate/main.js                     regenerate data-samples/inbox and inbox-no exactly
//   node dist/data-samples/generate/main.js --out DIR --seed 7  the Swedish layout, other people
//   node dist/data-samples/generate/main.js --network no --out DIR   the Norwegian layout
//   node dist/data-samples/generate/main.js --national --municipalities 290 --rows 10000000
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import yargs from "yargs";
import { hideBin } from "yargs/helpers";
import { packageRoot } from "../../pipeline/system/paths.js";
import { generate } from "./generate.js";
import { nationalSpecs } from "./national.js";
import type { GenerateOptions } from "./options.js";
import { sampleOptions, sampleOptionsNo, sampleSeed, sampleYears } from "./samples.js";

async function main(): Promise<void> {
  const args = await yargs(hideBin(process.argv))
    .scriptName("generate")
    .usage("$0 [--network se|no] [--out DIR] [--seed N] [--national --municipalities N --rows N]")
    .option("out", { type: "string", describe: "output folder (default data-samples/inbox and inbox-no, or bench/data/inbox with --national)" })
    .option("network", { choices: ["se", "no"] as const, describe: "only the Swedish samples (data-samples/inbox) or the Norwegian ones (inbox-no); with --out, default se" })
    .option("seed", { type: "number", default: sampleSeed, describe: "seed of the random streams" })
    .option("national", { type: "boolean", default: false, describe: "a national data set for the benchmark" })
    .option("municipalities", { type: "number", default: 290, describe: "with --national: number of municipalities" })
    .option("rows", { type: "number", default: 10_000_000, describe: "with --national: total bistand rows (about)" })
    .strict()
    .fail((msg, err) => {
      console.error(err?.message ?? msg);
      process.exit(2);
    })
    .parseAsync();
  const runs: GenerateOptions[] = args.national
    ? [{ outDir: args.out ?? join(packageRoot, "bench", "data", "inbox"), seed: args.seed, years: [...sampleYears], municipalities: nationalSpecs(args.municipalities, args.rows) }]
    : [
        ...(args.network !== "no" ? [sampleOptions(args.out, args.seed)] : []),
        ...(args.network === "no" || (args.network === undefined && args.out === undefined) ? [sampleOptionsNo(args.out, args.seed)] : [])
      ];
  for (const options of runs) {
    const t0 = performance.now();
    const { files, rows } = await generate(options);
    const s = (performance.now() - t0) / 1000;
    console.log(`${files.length} files in ${options.outDir}: ${rows.bistand} bistand, ${rows.insats} insats, ${rows.survey} survey and ${rows.population} population rows in ${s.toFixed(1)} s (${Math.round(rows.bistand / s)} bistand rows/s)`);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((e: Error) => {
    console.error(e.message);
    process.exitCode = 1;
  });
}
