// Golden pages: every test/input/report-*/ rendered and compared byte for byte with
// test/output/report-*/. UPDATE_GOLDEN=1 rewrites the expected files after a deliberate change.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { goldenCases, inputRoot, listFiles, outputRoot, updateGolden } from "./helpers/golden.js";
import { expectGolden, rewriteGolden } from "./helpers/golden-files.js";
import { renderFixture } from "./report-fixture.js";

const update = updateGolden;
const cases = goldenCases("report-");

describe("golden report pages", () => {
  it("has at least one case", () => expect(cases).toContain("report-basic"));

  for (const name of cases) {
    describe(name, () => {
      const rendered = renderFixture(join(inputRoot, name));
      const expectedDir = join(outputRoot, name);
      if (update) rewriteGolden(expectedDir, rendered);
      it("renders exactly the expected set of files", () => {
        expect([...rendered.keys()].sort()).toEqual(listFiles(expectedDir));
      });
      for (const [file, content] of rendered) {
        it(`${file} is byte-for-byte the golden file (UPDATE_GOLDEN=1 to rewrite)`, () => expectGolden(expectedDir, file, content, 80));
      }
      it("renders the same bytes a second time (no ids, counters or clock)", () => {
        const again = renderFixture(join(inputRoot, name));
        for (const [file, content] of rendered) expect(again.get(file), file).toBe(content);
      });
    });
  }
});
