#!/usr/bin/env node
// The kas command (contract §9): kas run | validate | status, and kas rebuild. Raw arguments are parsed here, once,
// into the frozen config; exit codes: 0 all accepted, 1 a file rejected (the rest still loaded and
// published), 2 wrong usage, 3 the run failed and nothing was published.
import { readFileSync, realpathSync } from "node:fs";
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
import { packageRoot } from "./system/paths.js";
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
    .option("threshold", { type: "number", describe: "sekretessgränsen: antal från 1 till N visas som .. (standard: inställningarnas threshold, annars 3)" })
    .option("settings", { type: "string", describe: "nätverkets inställningar (JSON): namn, språk, sekretessgräns, jämförelsegrupper, antaganden för socioekonomiskt värde" })
    .option("wait", { type: "boolean", describe: "vänta på en körning som redan pågår i stället för att avsluta" })
    .option("memory-limit", { type: "string", describe: "DuckDB:s minnesgräns, t.ex. 1GB (standard 1GB)" });
}

function batchConfig(a: { out?: string; db?: string; "key-file"?: string; json?: boolean; threshold?: number; settings?: string; wait?: boolean; "memory-limit"?: string }) {
  return { out: a.out, db: a.db, keyFile: a["key-file"], json: a.json, threshold: a.threshold, settings: a.settings, wait: a.wait, memoryLimit: a["memory-limit"] };
}

async function batchCommand(command: "run" | "rebuild", cfg: RunConfig, ctxFor: (logFile?: string) => Context): Promise<ExitCode> {
  const ctx = ctxFor(join(cfg.logDir, `${command}-${ctxFor().clock().toISOString().replace(/[:.]/g, "-")}.log`));
  const summary = await (command === "run" ? run : rebuild)(cfg, ctx);
  ctx.print(cfg.json ? JSON.stringify(summary, null, 2) + "\n" : formatRunSummary(summary));
  return summary.exitCode;
}

/** The start of the message for a command kas does not have (yargs' "Unknown command"). */
const unknownCommand = "okänt kommando: ";

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
  "Show help": "visa hjälpen",
  "Show version number": "visa vilken version av kas det är",
  command: "kommando",
  default: "standard",
  "Not enough non-option arguments: got %s, need at least %s": {
    one: "För få argument: %s angivna, minst %s behövs (ange filerna som ska kontrolleras)",
    other: "För få argument: %s angivna, minst %s behövs (ange filerna som ska kontrolleras)"
  },
  "Too many non-option arguments: got %s, maximum of %s": { one: "För många argument: %s angivna, högst %s", other: "För många argument: %s angivna, högst %s" },
  "Missing argument value: %s": { one: "Värde saknas för flaggan %s", other: "Värden saknas för flaggorna %s" },
  "Missing required argument: %s": { one: "Flaggan %s krävs", other: "Flaggorna %s krävs" },
  "Unknown argument: %s": { one: "Okänd flagga eller okänt argument: %s", other: "Okända flaggor eller argument: %s" },
  "Unknown command: %s": { one: `${unknownCommand}%s`, other: `${unknownCommand}%s` },
  "Invalid values:": "Ogiltiga värden:",
  "Argument: %s, Given: %s, Choices: %s": "Flagga: %s, angivet: %s, möjliga: %s",
  "Not enough arguments following: %s": "Värde saknas efter %s",
  "Did you mean %s?": "Menade du %s?"
};

/** The commands, in the order help lists them, each with its one-line description. */
const commands = {
  run: "nattkörningen: läs in nya filer, publicera rapporterna",
  validate: "kontrollera filer utan att läsa in dem",
  status: "visa vad som är inläst, per kommun och typ",
  rebuild: "återskapa databasen ur arkivet och publicera igen"
} as const;

/** The commands as `kas` without a command, or with an unknown one, lists them. */
const commandList = (): string => {
  const width = Math.max(...Object.keys(commands).map((c) => c.length));
  return `Kommandon:\n${Object.entries(commands).map(([c, what]) => `  kas ${c.padEnd(width)}  ${what}`).join("\n")}\n`;
};

const noCommand = "ange ett kommando";

/** Examples and exit codes for a help text, each line short enough for 80 columns (yargs wraps longer
 *  ones without their indent, and its own example table breaks long commands). */
function helpEnd(examples: readonly (readonly [command: string, what: string])[], exitCodes: readonly (readonly [code: ExitCode, what: string])[]): string {
  return [
    "Exempel:",
    ...examples.flatMap(([command, what]) => [`  ${command}`, `      ${what}`]),
    "",
    "Slutkoder:",
    ...exitCodes.map(([code, what]) => `  ${code}  ${what}`)
  ].join("\n");
}

/** The exit codes of contract §9, as kas run and kas rebuild have them. */
const batchExitCodes = [
  [0, "allt godkänt"],
  [1, "minst en fil avvisades; resten lästes in och publicerades"],
  [2, "fel användning (okänd flagga, inkorg som saknas …); inget rördes"],
  [3, "körningen misslyckades och inget publicerades; det tidigare är orört"]
] as const;

/** The package version, for kas --version. */
const version = (): string => (JSON.parse(readFileSync(join(packageRoot, "package.json"), "utf8")) as { version: string }).version;

/** Runs the command line; returns the exit code. `context` lets tests run it silently with a fixed clock. */
export async function main(argv: readonly string[], context?: Partial<Context>): Promise<ExitCode> {
  let code: ExitCode = 0;
  const ctxFor = (logFile?: string): Context => ({ ...defaultContext(logFile, context?.clock), ...context });
  const parser = yargs([...argv])
    .scriptName("kas")
    .locale("en")
    .updateStrings(swedish as unknown as Record<string, string>) // yargs' types lack the plural forms its own locale files use
    .usage("$0 <kommando> [flaggor]")
    .option("json", { type: "boolean", describe: "skriv resultatet som ett JSON-dokument" })
    .command(
      "run",
      commands.run,
      (y) =>
        batchOptions(y)
          .option("inbox", { type: "string", describe: "inkorgen (standard: exemplen i data-samples/inbox)" })
          .demandCommand(0, 0)
          .epilogue(
            helpEnd(
              [
                ["kas run", "exemplen i data-samples/inbox; webbplatsen i out/site, databasen i out/"],
                ["kas run --inbox /srv/kas/inbox --out /srv/kas/site", "en riktig inkorg; webbplatsen i /srv/kas/site"],
                ["kas run --db /var/lib/kas/kas.duckdb --key-file /etc/kas/kas.key --wait", "databasen och nyckeln på egna platser; väntar på en körning som pågår"],
                ["kas run --json", "sammanfattningen som ett JSON-dokument"]
              ],
              batchExitCodes
            )
          ),
      async (a) => {
        code = await batchCommand("run", runConfig({ ...batchConfig(a), inbox: a.inbox }), ctxFor);
      }
    )
    .command(
      "validate <filer..>",
      commands.validate,
      (y) =>
        y
          .positional("filer", { type: "string", array: true, demandOption: true, default: undefined, describe: "extraktfilerna (.csv eller .xlsx)" })
          .option("profile", { type: "string", describe: "profilen som filerna läses med (schemas/profiles/NAMN.json)" })
          .epilogue(
            helpEnd(
              [
                ["kas validate 0181/bistand-2025.csv", "en fil, med profilen för kommunmappen 0181"],
                ["kas validate 0181/*.csv 0192/*.xlsx", "flera filer"],
                ["kas validate export.csv --profile case-system-sv", "en fil utanför kommunmapparna, med en namngiven profil"],
                ["kas validate 0181/bistand-2025.csv --json", "fynden som ett JSON-dokument"]
              ],
              [
                [0, "alla filer godkända"],
                [1, "minst en fil avvisas (felen står i utskriften)"],
                [2, "fel användning (en fil som inte finns, en okänd profil …)"],
                [3, "kontrollen kunde inte göras (t.ex. en trasig profil)"]
              ]
            )
          ),
      async (a) => {
        const ctx = ctxFor();
        const s = schema();
        const { validateFiles } = await import("./validate.js");
        const files = await validateFiles(a.filer as string[], { profileName: a.profile, schema: s, profiles: loadProfiles(s), ctx });
        ctx.print(a.json ? JSON.stringify({ files }, null, 2) + "\n" : formatValidation(files));
        code = files.every((f) => f.valid) ? 0 : 1;
      }
    )
    .command(
      "status",
      commands.status,
      (y) =>
        y
          .option("db", { type: "string", describe: "den publicerade databasen (standard: out/kas.duckdb)" })
          .demandCommand(0, 0)
          .epilogue(
            helpEnd(
              [
                ["kas status", "databasen out/kas.duckdb"],
                ["kas status --db /var/lib/kas/kas.duckdb --json", "en annan databas, som ett JSON-dokument"]
              ],
              [
                [0, "klart (också när ingen databas finns ännu)"],
                [2, "fel användning"],
                [3, "databasen kunde inte läsas"]
              ]
            )
          ),
      async (a) => {
        const ctx = ctxFor();
        const cfg = runConfig({ db: a.db });
        const { status } = await import("./status.js");
        const s = await status(cfg.db);
        ctx.print(a.json ? JSON.stringify(s, null, 2) + "\n" : formatStatus(s));
      }
    )
    .command(
      "rebuild",
      commands.rebuild,
      (y) =>
        batchOptions(y)
          .demandCommand(0, 0)
          .epilogue(
            helpEnd(
              [
                ["kas rebuild", "out/kas.duckdb ur arkivet out/archive; webbplatsen i out/site"],
                ["kas rebuild --db /var/lib/kas/kas.duckdb --out /srv/kas/site", "en installation med databasen i /var/lib/kas"]
              ],
              batchExitCodes
            )
          ),
      async (a) => {
        code = await batchCommand("rebuild", runConfig(batchConfig(a)), ctxFor);
      }
    )
    .demandCommand(1, noCommand)
    .strict()
    .strictCommands()
    .epilogue(
      helpEnd(
        [
          ["kas run --inbox /srv/kas/inbox --out /srv/kas/site", "nattkörningen"],
          ["kas validate 0181/bistand-2025.csv", "kontrollera en fil innan den laddas upp"],
          ["kas status", "vad som är inläst"],
          ["kas run --help", "ett kommandos flaggor, exempel och slutkoder"]
        ],
        batchExitCodes
      )
    )
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
      const list = err.message === noCommand || err.message.startsWith(unknownCommand) ? `\n${commandList()}` : "";
      process.stderr.write(`kas: ${err.message}\n${list}\nKör kas --help för hjälp.\n`);
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
