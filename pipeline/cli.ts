#!/usr/bin/env node
// The kas command (contract §9): kas run | validate | status, and kas rebuild. Raw arguments are parsed here, once,
// into the frozen config; exit codes: 0 all accepted, 1 a file rejected (the rest still loaded and
// published), 2 wrong usage, 3 the run failed and nothing was published.
import { readFileSync, realpathSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import yargs, { type Argv } from "yargs";
import { runConfig, UsageError, type RunConfig } from "./config.js";
import type { Context } from "./system/context.js";
import { LockedError } from "./db/lock.js";
import { consoleLogger } from "./system/log.js";
import { loadProfiles } from "./contract/profile.js";
import { rebuild, run } from "./run.js";
import { schema } from "./contract/schema.js";
import { packageRoot } from "./system/paths.js";
import { formatRunSummary, formatStatus, formatValidation } from "./text.js";
import { cliWords, type CliWords } from "./cli-words.js";
import { readSettings } from "./settings.js";
import type { Language } from "./contract/schema.js";

export type ExitCode = 0 | 1 | 2 | 3;

/** The system clock: the one place kas reads the time; everything else asks a Context. */
const systemClock = (): Date => new Date();

function defaultContext(language: Language, logFile?: string, clock = systemClock): Context {
  return {
    clock,
    log: consoleLogger({ file: logFile, clock, levels: cliWords(language).log }),
    env: process.env,
    print: (text) => process.stdout.write(text)
  };
}

/** The options kas run and kas rebuild share. */
function batchOptions<T>(y: Argv<T>, w: CliWords) {
  const o = w.cli.options;
  return y
    .option("out", { type: "string", describe: o.out })
    .option("db", { type: "string", describe: o.db })
    .option("key-file", { type: "string", describe: o.keyFile })
    .option("threshold", { type: "number", describe: o.threshold })
    .option("settings", { type: "string", describe: o.settings })
    .option("wait", { type: "boolean", describe: o.wait })
    .option("memory-limit", { type: "string", describe: o.memoryLimit });
}

/**
 * The language of the command line: the settings' (contract §12) where `--settings FILE` is given and
 * can be read, else Swedish. Read before the arguments are parsed, so that help and usage errors
 * speak it too; a settings file that cannot be read is reported by the command itself (exit 2).
 */
export function languageOf(argv: readonly string[], cwd = process.cwd()): Language {
  const at = argv.findIndex((a) => a === "--settings" || a.startsWith("--settings="));
  if (at < 0) return "sv";
  const file = argv[at].startsWith("--settings=") ? argv[at].slice("--settings=".length) : argv[at + 1];
  if (!file) return "sv";
  try {
    return readSettings(resolve(cwd, file)).language;
  } catch {
    return "sv";
  }
}

function batchConfig(a: { out?: string; db?: string; "key-file"?: string; json?: boolean; threshold?: number; settings?: string; wait?: boolean; "memory-limit"?: string }) {
  return { out: a.out, db: a.db, keyFile: a["key-file"], json: a.json, threshold: a.threshold, settings: a.settings, wait: a.wait, memoryLimit: a["memory-limit"] };
}

async function batchCommand(command: "run" | "rebuild", cfg: RunConfig, ctxFor: (logFile?: string) => Context): Promise<ExitCode> {
  const ctx = ctxFor(join(cfg.logDir, `${command}-${ctxFor().clock().toISOString().replace(/[:.]/g, "-")}.log`));
  const summary = await (command === "run" ? run : rebuild)(cfg, ctx);
  ctx.print(cfg.json ? JSON.stringify(summary, null, 2) + "\n" : formatRunSummary(summary, cfg.settings.language));
  return summary.exitCode;
}

/** The commands, in the order help lists them. */
const commandNames = ["run", "validate", "status", "rebuild"] as const;

/** The commands as `kas` without a command, or with an unknown one, lists them. */
const commandList = (w: CliWords): string => {
  const width = Math.max(...commandNames.map((c) => c.length));
  return `${w.cli.commandsHeading}\n${commandNames.map((c) => `  kas ${c.padEnd(width)}  ${w.cli.commands[c]}`).join("\n")}\n`;
};

/** Examples and exit codes for a help text, each line short enough for 80 columns (yargs wraps longer
 *  ones without their indent, and its own example table breaks long commands). */
function helpEnd(w: CliWords, examples: keyof CliWords["cli"]["examples"], exitCodes: keyof CliWords["cli"]["exitCodes"], codes: readonly ExitCode[] = [0, 1, 2, 3]): string {
  return [
    w.cli.examplesHeading,
    ...w.cli.examples[examples].flatMap(([command, what]) => [`  ${command}`, `      ${what}`]),
    "",
    w.cli.exitCodesHeading,
    ...codes.map((code) => `  ${code}  ${w.cli.exitCodes[exitCodes][code]}`)
  ].join("\n");
}

/** The package version, for kas --version. */
const version = (): string => (JSON.parse(readFileSync(join(packageRoot, "package.json"), "utf8")) as { version: string }).version;

/** Runs the command line; returns the exit code. `context` lets tests run it silently with a fixed clock. */
export async function main(argv: readonly string[], context?: Partial<Context>): Promise<ExitCode> {
  let code: ExitCode = 0;
  const language = languageOf(argv);
  const ctxFor = (logFile?: string): Context => ({ ...defaultContext(language, logFile, context?.clock), ...context });
  const w = cliWords(language), c = w.cli;
  /** the files of kas validate, as help names them */
  const files = language === "en" ? "files" : "filer";
  const parser = yargs([...argv])
    .scriptName("kas")
    .locale("en")
    // yargs' types lack the plural forms its own locale files use
    .updateStrings({ ...c.yargs, "Unknown command: %s": { one: `${c.unknownCommand}%s`, other: `${c.unknownCommand}%s` } } as unknown as Record<string, string>)
    .usage(c.usage)
    .option("json", { type: "boolean", describe: c.options.json })
    .command(
      "run",
      c.commands.run,
      (y) =>
        batchOptions(y, w)
          .option("inbox", { type: "string", describe: c.options.inbox })
          .demandCommand(0, 0)
          .epilogue(helpEnd(w, "run", "batch")),
      async (a) => {
        code = await batchCommand("run", runConfig({ ...batchConfig(a), inbox: a.inbox }), ctxFor);
      }
    )
    .command(
      `validate <${files}..>`,
      c.commands.validate,
      (y) =>
        y
          .positional(files, { type: "string", array: true, demandOption: true, default: undefined, describe: c.options.files })
          .option("profile", { type: "string", describe: c.options.profile })
          .option("settings", { type: "string", describe: c.options.languageSettings })
          .epilogue(helpEnd(w, "validate", "validate")),
      async (a) => {
        const ctx = ctxFor();
        const s = schema();
        const { validateFiles } = await import("./validate.js");
        // the settings' threshold decides which numbers in a commentary are small (contract §14); a bad file is wrong usage
        const threshold = a.settings ? readSettings(resolve(a.settings as string)).threshold : undefined;
        const found = await validateFiles(a[files] as string[], { profileName: a.profile as string | undefined, schema: s, profiles: loadProfiles(s), ctx, threshold, language });
        ctx.print(a.json ? JSON.stringify({ files: found }, null, 2) + "\n" : formatValidation(found, language));
        code = found.every((f) => f.valid) ? 0 : 1;
      }
    )
    .command(
      "status",
      c.commands.status,
      (y) =>
        y
          .option("db", { type: "string", describe: c.options.statusDb })
          .option("settings", { type: "string", describe: c.options.languageSettings })
          .demandCommand(0, 0)
          .epilogue(helpEnd(w, "status", "status", [0, 2, 3])),
      async (a) => {
        const ctx = ctxFor();
        const cfg = runConfig({ db: a.db, settings: a.settings });
        const { status } = await import("./status.js");
        const s = await status(cfg.db, language);
        ctx.print(a.json ? JSON.stringify(s, null, 2) + "\n" : formatStatus(s, language));
      }
    )
    .command(
      "rebuild",
      c.commands.rebuild,
      (y) =>
        batchOptions(y, w)
          .demandCommand(0, 0)
          .epilogue(helpEnd(w, "rebuild", "batch")),
      async (a) => {
        code = await batchCommand("rebuild", runConfig(batchConfig(a)), ctxFor);
      }
    )
    .demandCommand(1, c.noCommand)
    .strict()
    .strictCommands()
    .epilogue(helpEnd(w, "main", "batch"))
    .help()
    .version(version())
    .exitProcess(false)
    .fail((message, error) => {
      throw error ?? new UsageError(message);
    });
  // help and --version come back here instead of going to the console: printed like every result
  let shown = "";
  try {
    await parser.parseAsync([...argv], {}, (_err, _args, output) => {
      shown = output;
    });
    if (shown) ctxFor().print(`${shown}\n`);
    return code;
  } catch (e) {
    const err = e as Error;
    // --json: a failure is one JSON document on standard output too (the text stays on standard error)
    const json = (exitCode: ExitCode, outcome: string): ExitCode => {
      if (argv.includes("--json")) ctxFor().print(JSON.stringify({ outcome, exitCode, error: err.message }, null, 2) + "\n");
      return exitCode;
    };
    if (err instanceof UsageError || err.name === "YError") {
      const list = err.message === c.noCommand || err.message.startsWith(c.unknownCommand) ? `\n${commandList(w)}` : "";
      process.stderr.write(`kas: ${err.message}\n${list}\n${c.helpHint}\n`);
      return json(2, "usage");
    }
    if (err instanceof LockedError) {
      process.stderr.write(`kas: ${err.message}\n`);
      return json(3, "locked");
    }
    const publishing = argv[0] === "run" || argv[0] === "rebuild";
    process.stderr.write(
      publishing
        ? `kas: ${c.runFailed}\n${c.reason(err.message)}\n`
        : `kas ${argv[0] ?? ""}: ${err.message}\n`
    );
    if (/ENOSPC|No space left|EFBIG|File too large/i.test(err.message)) {
      process.stderr.write(`${c.diskFull}\n`);
    }
    if (process.env.KAS_DEBUG) process.stderr.write(`${err.stack}\n`);
    return json(3, "failed");
  }
}

const invoked = process.argv[1] && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url);
if (invoked) process.exitCode = await main(process.argv.slice(2));
