// The run log: plain lines on standard error (a bar for progress when it is a terminal), and, for
// kas run, the same lines in a log file. Log lines name files, counts and stages — never a person.
import { appendFileSync, mkdirSync } from "node:fs";
import { dirname } from "node:path";
import type { Logger } from "./context.js";
import { cliWords } from "../cli-words.js";

/** `levels`: the words a warning and an error are marked with (the network's language; Swedish when absent). */
export function consoleLogger(options: { clock: () => Date; stream?: NodeJS.WriteStream; file?: string; levels?: { readonly warning: string; readonly error: string } }): Logger {
  const stream = options.stream ?? process.stderr;
  const tty = !!stream.isTTY;
  const { clock } = options;
  const levels = options.levels ?? cliWords().log;
  // the file (and its folder) is made with the first line: a command that fails before it logs
  // anything (wrong usage) leaves nothing behind
  let folderMade = false;
  const toFile = (level: string, message: string) => {
    if (!options.file) return;
    if (!folderMade) {
      mkdirSync(dirname(options.file), { recursive: true, mode: 0o700 });
      folderMade = true;
    }
    appendFileSync(options.file, `${clock().toISOString()} ${level} ${message}\n`, { mode: 0o600 });
  };
  let bar = false;
  const line = (level: string, message: string, console = true) => {
    if (console) {
      if (bar) {
        stream.write("\r\x1b[K");
        bar = false;
      }
      stream.write(`${level === "INFO" ? "" : `${level}: `}${message}\n`);
    }
    toFile(level, message);
  };
  const lastPlain = new Map<string, number>();
  return {
    detail: (m) => line("INFO", m, !!process.env.KAS_VERBOSE),
    info: (m) => line("INFO", m),
    warn: (m) => line(levels.warning, m),
    error: (m) => line(levels.error, m),
    progress(stage, done, total) {
      if (tty) {
        const width = 30;
        const filled = total ? Math.round((done / total) * width) : width;
        stream.write(`\r\x1b[K${stage} [${"#".repeat(filled)}${".".repeat(width - filled)}] ${done}/${total}`);
        bar = done < total;
        if (!bar) stream.write("\n");
      } else {
        // plain lines, at most one per 10 % step
        const step = total ? Math.floor((done / total) * 10) : 10;
        if (lastPlain.get(stage) !== step || done === total) {
          lastPlain.set(stage, step);
          line("INFO", `${stage}: ${done}/${total}`);
        }
      }
    }
  };
}
