import { availableParallelism } from "node:os";
import { basename } from "node:path";
import { defineConfig } from "vitest/config";
import { BaseSequencer, type TestSpecification } from "vitest/node";

/** The files that take longest (seconds each on CI's two cores, measured with --reporter=json), the
 *  slowest first. On a fresh clone Vitest knows no past durations and starts the largest files first,
 *  which left the browser's and the faults' files for the end, one core idle meanwhile. */
const slowest = [
  "faults-archive", "browser", "faults-kill", "site", "faults-runs", "site-wiring", "hostile", "ingest",
  "cli-language", "report-render", "report-scale", "downloads", "samples-no", "survey", "cli", "municipality-page"
];

class SlowestFirst extends BaseSequencer {
  async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (f: TestSpecification) => {
      const i = slowest.indexOf(basename(f.moduleId, ".test.ts"));
      return i < 0 ? slowest.length : i;
    };
    const sorted = await super.sort(files);
    return sorted.map((f, i) => ({ f, i })).sort((a, b) => rank(a.f) - rank(b.f) || a.i - b.i).map(({ f }) => f);
  }
}

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    exclude: ["test/tmp/**", "node_modules/**", "dist/**"],
    // a guard against a hang, not a measure: a slow machine takes twice as long as a fast one
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: "forks",
    // Vitest's default is one worker fewer than the cores, which on CI's two is one file at a time
    // while most tests wait on a child process or a browser: two files at a time on two cores
    maxWorkers: Math.max(2, availableParallelism()),
    sequence: { sequencer: SlowestFirst },
    setupFiles: ["test/helpers/seed.ts"],
    env: { TZ: "Europe/Stockholm" }
  }
});
