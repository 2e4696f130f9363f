import { availableParallelism } from "node:os";
import { basename } from "node:path";
import { defineConfig } from "vitest/config";
import { BaseSequencer, type TestSpecification } from "vitest/node";

/** The files that take longest (worker seconds each, measured with --reporter=json), the slowest first.
 *  On a fresh clone Vitest knows no past durations and starts the largest files first, which left the
 *  browser's and the faults' files for the end, a core idle meanwhile. The faults files after the first
 *  wait for the states it publishes for them (test/helpers/faults.ts): they come after two others. */
const slowest = [
  "faults-archive", "site", "browser", "faults-kill", "site-wiring", "faults-runs", "ingest", "hostile", "cli",
  "page-language-site", "privacy", "indicators", "confidentiality", "report-render", "generate", "report-scale",
  "municipality-page", "republish", "samples-no", "survey"
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
    // a guard against a hang, not a measure: a slow machine takes twice as long as a fast one, and
    // three files share two cores
    testTimeout: 180_000,
    hookTimeout: 180_000,
    pool: "forks",
    // a worker imports DuckDB, jsdom, Plot and the pipeline once for all its files, not once per file (the
    // modules keep no state a file changes: caches of the package's own schemas and code lists); the
    // suite took 852 s of CPU instead of 987 s, 514 s instead of 590 s
    isolate: false,
    // Vitest's default is one worker fewer than the cores, which on CI's two is one file at a time. Many
    // tests wait on a child process or a browser: with a file per core the two cores were busy 1.65 of 2
    // on average (user + system CPU over the wall time); a file more than the cores ran the same suite
    // in 590 s instead of 680 s
    maxWorkers: availableParallelism() + 1,
    sequence: { sequencer: SlowestFirst },
    setupFiles: ["test/helpers/seed.ts"],
    globalSetup: ["test/helpers/shared-setup.ts"],
    env: { TZ: "Europe/Stockholm" }
  }
});
