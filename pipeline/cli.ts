#!/usr/bin/env node
// The kas command (contract §9): kas run | validate | status, and kas rebuild. Raw arguments are parsed here, once,
// into the frozen config; exit codes: 0 all accepted, 1 a file rejected (the rest still loaded and
// published), 2 wrong usage, 3 the run failed and nothing was published.
import { realpathSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import yargs, { type Argv } from "yargs";
import { runConfig, UsageError, type RunConfig } from "./config.js";
import type { Context } from "./system/context.js";
import { LockedError } from "./db/lock.js";
import { consoleLogger } from "./system/log.js";
import { loadProfiles } from "./contract/profile.js";
import { rebuild, run } from "./run.js";
import { schema } from "./contract/schema.js";
import { formatRunSummary, formatStatus, formatValidation } from "./text.js";

export type ExitCode = 0 | 1 | 2 | 3;

/** The system clock: the one place kas reads the time; everything else asks a Context. */
const systemClock = (): Date => new Date();

function defaultContext(logFile?: string, clock = systemClock): Context {
  return {
    clock,
    log: consoleLogger({ file: logFile, clock }),
    env: process.env,
    print: (text) => process.stdout.write(text)
  };
}

/** The options kas run and kas rebuild share. */
function batchOptions<T>(y: Argv<T>) {
  return y
    .option("out", { type: "string", describe: "den publicerade webbplatsen (standard: out/site)" })
    .option("db", { type: "string", describe: "den publicerade databasen (standard: out/kas.duckdb); arkivet, nyckeln och loggarna ligger bredvid" })
    .option("key-file", { type: "string", describe: "pseudonymiseringsnyckeln (annars KAS_KEY, annars en nyckelfil bredvid databasen)" })
    .option("threshold", { type: "number", default: 3, describe: "sekretessgränsen: antal från 1 till N visas som .." })
    .option("wait", { type: "boolean", default: false, describe: "vänta på en körning som redan pågår i stället för att avsluta" })
    .option("memory-limit", { type: "string", describe: "DuckDB:s minnesgräns, t.ex. 1GB (standard 1GB)" });
}

function batchConfig(a: { out?: string; db?: string; "key-file"?: string; json: boolean; threshold: number; wait: boolean; "memory-limit"?: string }) {
  return { out: a.out, db: a.db, keyFile: a["key-file"], json: a.json, threshold: a.threshold, wait: a.wait, memoryLimit: a["memory-limit"] };
}

async function batchCommand(command: "run" | "rebuild", cfg: RunConfig, ctxFor: (logFile?: string) => Context): Promise<ExitCode> {
  const ctx = ctxFor(join(cfg.logDir, `${command}-${ctxFor().clock().toISOString().replace(/[:.]/g, "-")}.log`));
  const summary = await (command === "run" ? run : rebuild)(cfg, ctx);
  ctx.print(cfg.json ? JSON.stringify(summary, null, 2) + "\n" : formatRunSummary(summary));
  return summary.exitCode;
}

/** yargs' own texts (help headings and usage errors) in Swedish, like every other message of kas. */
const swedish = {
  "Commands:": "Kommandon:",
  "Options:": "Flaggor:",
  "Positionals:": "Argument:",
  "Examples:": "Exempel:",
  boolean: "sant/falskt",
  string: "text",
  number: "tal",
  array: "lista",
  required: "krävs",
  "default:": "standard:",
  "choices:": "val:",
  "Show help": "Visa hjälpen",
  "Not enough non-option arguments: got %s, need at least %s": {
    one: "För få argument: %s angivna, minst %s behövs (ange filerna som ska kontrolleras)",
    other: "För få argument: %s angivna, minst %s behövs (ange filerna som ska kontrolleras)"
  },
  "Too many non-option arguments: got %s, maximum of %s": { one: "För många argument: %s angivna, högst %s", other: "För många argument: %s angivna, högst %s" },
  "Missing argument value: %s": { one: "Värde saknas för flaggan %s", other: "Värden saknas för flaggorna %s" },
  "Missing required argument: %s": { one: "Flaggan %s krävs", other: "Flaggorna %s krävs" },
  "Unknown argument: %s": { one: "Okänd flagga eller okänt argument: %s", other: "Okända flaggor eller argument: %s" },
  "Unknown command: %s": { one: "Okänt kommando: %s", other: "Okända kommandon: %s" },
  "Invalid values:": "Ogiltiga värden:",
  "Argument: %s, Given: %s, Choices: %s": "Flagga: %s, angivet: %s, möjliga: %s",
  "Not enough arguments following: %s": "Värde saknas efter %s",
  "Did you mean %s?": "Menade du %s?"
};

/** Runs the command line; returns the exit code. `context` lets tests run it silently with a fixed clock. */
export async function main(argv: readonly string[], context?: Partial<Context>): Promise<ExitCode> {
  let code: ExitCode = 0;
  const ctxFor = (logFile?: string): Context => ({ ...defaultContext(logFile, context?.clock), ...context });
  const parser = yargs([...argv])
    .scriptName("kas")
    .locale("en")
    .updateStrings(swedish as unknown as Record<string, string>) // yargs' types lack the plural forms its own locale files use
    .usage("$0 <kommando> [flaggor]")
    .option("json", { type: "boolean", default: false, describe: "skriv resultatet som ett JSON-dokument" })
    .command(
      "run",
      "nattkörningen: läs nya filer från inkorgen, kontrollera, läs in och publicera rapporterna",
      (y) => batchOptions(y).option("inbox", { type: "string", describe: "inkorgen (standard: exemplen i data-samples/inbox)" }),
      async (a) => {
        code = await batchCommand("run", runConfig({ ...batchConfig(a), inbox: a.inbox }), ctxFor);
      }
    )
    .command(
      "rebuild",
      "återskapa databasen ur arkivet bredvid den (källan till allt) och publicera rapporterna igen",
      (y) => batchOptions(y),
      async (a) => {
        code = await batchCommand("rebuild", runConfig(batchConfig(a)), ctxFor);
      }
    )
    .command(
      "validate <files..>",
      "kontrollera extraktfiler utan att läsa in något, och skriv ut varje problem",
      (y) =>
        y
          .positional("files", { type: "string", array: true, demandOption: true })
          .option("profile", { type: "string", describe: "profilen som filerna läses med (schemas/profiles/NAMN.json)" }),
      async (a) => {
        const ctx = ctxFor();
        const s = schema();
        const { validateFiles } = await import("./validate.js");
        const files = await validateFiles(a.files as string[], { profileName: a.profile, schema: s, profiles: loadProfiles(s), ctx });
        ctx.print(a.json ? JSON.stringify({ files }, null, 2) + "\n" : formatValidation(files));
        code = files.every((f) => f.valid) ? 0 : 1;
      }
    )
    .command(
      "status",
      "visa vad som är inläst: per kommun och typ, vilka månader, från vilka filer och när",
      (y) => y.option("db", { type: "string", describe: "den publicerade databasen (standard: out/kas.duckdb)" }),
      async (a) => {
        const ctx = ctxFor();
        const cfg = runConfig({ db: a.db });
        const { status } = await import("./status.js");
        const s = await status(cfg.db);
        ctx.print(a.json ? JSON.stringify(s, null, 2) + "\n" : formatStatus(s));
      }
    )
    .demandCommand(1, "ange ett kommando: run, validate eller status")
    .strict()
    .help()
    .version(false)
    .exitProcess(false)
    .fail((message, error) => {
      throw error ?? new UsageError(message);
    });
  try {
    await parser.parseAsync();
    return code;
  } catch (e) {
    const err = e as Error;
    // --json: a failure is one JSON document on standard output too (the text stays on standard error)
    const json = (exitCode: ExitCode, outcome: string): ExitCode => {
      if (argv.includes("--json")) ctxFor().print(JSON.stringify({ outcome, exitCode, error: err.message }, null, 2) + "\n");
      return exitCode;
    };
    if (err instanceof UsageError || err.name === "YError") {
      process.stderr.write(`kas: ${err.message}\n\nKör kas --help för hjälp.\n`);
      return json(2, "usage");
    }
    if (err instanceof LockedError) {
      process.stderr.write(`kas: ${err.message}\n`);
      return json(3, "locked");
    }
    const publishing = argv[0] === "run" || argv[0] === "rebuild";
    process.stderr.write(
      publishing
        ? `kas: körningen misslyckades och ingenting publicerades; den tidigare databasen och rapporterna är orörda.\nOrsak: ${err.message}\n`
        : `kas ${argv[0] ?? ""}: ${err.message}\n`
    );
    if (/ENOSPC|No space left|EFBIG|File too large/i.test(err.message)) {
      process.stderr.write("Disken är full (eller en gräns för filstorlek nåddes). Frigör utrymme där databasen och webbplatsen ligger och kör igen; inget har gått förlorat.\n");
    }
    if (process.env.KAS_DEBUG) process.stderr.write(`${err.stack}\n`);
    return json(3, "failed");
  }
}

const invoked = process.argv[1] && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url);
if (invoked) process.exitCode = await main(process.argv.slice(2));
