// Golden runs: every test/input/pipeline-*/inbox is copied into a temporary directory (all files given
// one fixed modification time, so files first seen together are ordered by name as contract §1 says),
// run through `kas run` with the fixed test clock and key in Europe/Stockholm, and site/data/*.csv and
// run.json (less timings and the temporary path) are compared byte for byte with test/output/pipeline-*/.
// UPDATE_GOLDEN=1 rewrites the expected files after a deliberate change.
import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { goldenCases, inputRoot, listFiles, outputRoot, updateGolden } from "./helpers/golden.js";
import { expectGolden, rewriteGolden } from "./helpers/golden-files.js";
import { runKas, tempRoot, violations, Site, writeFiles } from "./helpers/indicators.js";

const update = updateGolden;
const cases = goldenCases("pipeline-");

/** run.json without what differs between runs of the same inbox: durations (it names no path: test/site.test.ts). */
export function stableRunJson(text: string): string {
  const summary = JSON.parse(text) as Record<string, unknown> & { stages?: { stage: string; seconds?: number }[]; report?: { seconds?: unknown } | null };
  summary.stages = summary.stages?.map(({ stage }) => ({ stage }));
  delete summary.fingerprint; // a digest of the code itself
  if (summary.report) delete summary.report.seconds;
  return JSON.stringify(summary, null, 2) + "\n";
}

async function produce(name: string): Promise<{ files: Map<string, string>; root: string }> {
  const root = tempRoot(name);
  const inbox = join(inputRoot, name, "inbox");
  writeFiles(join(root, "inbox"), Object.fromEntries(listFiles(inbox).map((f) => [f, readFileSync(join(inbox, f))])));
  await runKas(root);
  const files = new Map<string, string>();
  for (const f of listFiles(join(root, "site", "data"))) files.set(`data/${f}`, readFileSync(join(root, "site", "data", f), "utf8"));
  files.set("run.json", stableRunJson(readFileSync(join(root, "site", "run.json"), "utf8")));
  return { files, root };
}

describe("golden pipeline runs", () => {
  it("has at least one case", () => expect(cases).toContain("pipeline-basic"));
  it("runs in Europe/Stockholm", () => expect(process.env.TZ).toBe("Europe/Stockholm"));

  for (const name of cases) {
    describe(name, () => {
      const expectedDir = join(outputRoot, name);
      let produced: Map<string, string>;
      let root: string;
      beforeAll(async () => {
        ({ files: produced, root } = await produce(name));
        if (update) rewriteGolden(expectedDir, produced);
      }, 60_000);
      afterAll(() => rmSync(root, { recursive: true, force: true }));

      it("produces exactly the expected set of files", () => {
        expect([...produced.keys()].sort()).toEqual(listFiles(expectedDir));
      });

      it("every file is byte-for-byte the golden file (UPDATE_GOLDEN=1 to rewrite)", () => {
        for (const [file, content] of produced) expectGolden(expectedDir, file, content, 120);
      });

      it("the golden figures themselves obey the contract (so a rewrite cannot bless a broken file)", () => {
        expect(violations(new Site(join(root, "site")), 3)).toEqual([]);
        expect(violations(new Site(expectedDir), 3)).toEqual([]);
      });
    });
  }
});
