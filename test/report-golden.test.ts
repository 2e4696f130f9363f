// Golden pages: every test/input/report-*/ rendered and compared byte for byte with
// test/output/report-*/. UPDATE_GOLDEN=1 rewrites the expected files after a deliberate change.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { goldenCases, inputRoot, listFiles, outputRoot, updateGolden } from "./helpers/golden.js";
import { renderFixture } from "./report-fixture.js";

const update = updateGolden;
const cases = goldenCases("report-");

describe("golden report pages", () => {
  it("has at least one case", () => expect(cases).toContain("report-basic"));

  for (const name of cases) {
    describe(name, () => {
      const rendered = renderFixture(join(inputRoot, name));
      const expectedDir = join(outputRoot, name);
      if (update) {
        rmSync(expectedDir, { recursive: true, force: true });
        for (const [file, content] of rendered) {
          mkdirSync(dirname(join(expectedDir, file)), { recursive: true });
          writeFileSync(join(expectedDir, file), content);
        }
      }
      it("renders exactly the expected set of files", () => {
        expect([...rendered.keys()].sort()).toEqual(listFiles(expectedDir));
      });
      for (const [file, content] of rendered) {
        it(`${file} is byte-for-byte the golden file (UPDATE_GOLDEN=1 to rewrite)`, () => {
          const path = join(expectedDir, file);
          expect(existsSync(path), `${path} missing; run with UPDATE_GOLDEN=1`).toBe(true);
          const expected = readFileSync(path, "utf8");
          if (content !== expected) {
            const at = [...content].findIndex((c, i) => c !== expected[i]);
            expect.fail(`${file} differs from ${path} at character ${at}: …${content.slice(Math.max(0, at - 80), at + 80)}…`);
          }
        });
      }
      it("renders the same bytes a second time (no ids, counters or clock)", () => {
        const again = renderFixture(join(inputRoot, name));
        for (const [file, content] of rendered) expect(again.get(file), file).toBe(content);
      });
    });
  }
});
