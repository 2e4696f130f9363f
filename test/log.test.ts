// The run log (pipeline/system/log.ts): plain lines on the terminal, the same lines with a timestamp and
// level in the log file (mode 600, made with the first line), the level words in the network's language.
import { mkdtempSync, readFileSync, rmSync, statSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cliWords } from "../pipeline/cli-words.js";
import { consoleLogger } from "../pipeline/system/log.js";

const dir = mkdtempSync(join(tmpdir(), "kas-log-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A terminal (or not) that keeps what is written to it. */
const screen = (tty: boolean) => {
  const written: string[] = [];
  return { written, stream: { isTTY: tty, write: (s: string) => (written.push(s), true) } as unknown as NodeJS.WriteStream };
};
const clock = () => new Date("2026-01-15T01:00:00.000Z");

describe("the run log", () => {
  it("marks warnings and errors in the network's language, on the terminal and in the file", () => {
    for (const [language, warning, error] of [["sv", "VARNING", "FEL"], ["nb", "ADVARSEL", "FEIL"], ["en", "WARNING", "ERROR"]] as const) {
      const s = screen(false);
      const file = join(dir, language, "logs", "run.log");
      expect(existsSync(file)).toBe(false);
      const log = consoleLogger({ clock, stream: s.stream, file, levels: cliWords(language).log });
      log.info("started");
      log.warn("a warning");
      log.error("an error");
      expect(s.written).toEqual(["started\n", `${warning}: a warning\n`, `${error}: an error\n`]);
      expect(readFileSync(file, "utf8")).toBe(
        `2026-01-15T01:00:00.000Z INFO started\n2026-01-15T01:00:00.000Z ${warning} a warning\n2026-01-15T01:00:00.000Z ${error} an error\n`
      );
      expect(statSync(file).mode & 0o777).toBe(0o600);
    }
    // without levels (a context made before the language is known): Swedish
    const s = screen(false);
    consoleLogger({ clock, stream: s.stream }).warn("x");
    expect(s.written).toEqual(["VARNING: x\n"]);
  });

  it("writes details to the file only (the terminal too with KAS_VERBOSE), and progress as at most one line per tenth", () => {
    const s = screen(false);
    const file = join(dir, "progress.log");
    const log = consoleLogger({ clock, stream: s.stream, file });
    const verbose = process.env.KAS_VERBOSE;
    delete process.env.KAS_VERBOSE;
    try {
      log.detail("0180/a.csv: inläst, 2 rader (bistand)");
    } finally {
      if (verbose !== undefined) process.env.KAS_VERBOSE = verbose;
    }
    for (let done = 1; done <= 40; done++) log.progress("inläsning", done, 40);
    expect(s.written.filter((l) => l.includes("a.csv"))).toEqual([]);
    expect(readFileSync(file, "utf8")).toContain("INFO 0180/a.csv: inläst, 2 rader (bistand)\n");
    // the first call, then each tenth as it is reached: 4/40, 8/40 … 40/40
    expect(s.written).toEqual(["inläsning: 1/40\n", ...[1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((k) => `inläsning: ${4 * k}/40\n`)]);
  });

  it("draws progress as a bar on a terminal, and a line breaks it", () => {
    const s = screen(true);
    const log = consoleLogger({ clock, stream: s.stream, levels: cliWords("nb").log });
    log.progress("innlesing", 1, 2);
    log.warn("noe");
    log.progress("innlesing", 2, 2);
    expect(s.written.join("")).toBe(
      `\r\x1b[Kinnlesing [${"#".repeat(15)}${".".repeat(15)}] 1/2\r\x1b[KADVARSEL: noe\n\r\x1b[Kinnlesing [${"#".repeat(30)}] 2/2\n`
    );
  });
});
