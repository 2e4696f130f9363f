// Validation results are data first (Frictionless / KOSTRA control programs): a severity, a machine
// code in English, where (file, line, column), the offending value and a Swedish message that says
// what is valid and how to fix it. Rendering to text or HTML comes second. Findings are made only
// through the catalogue (findings.ts), which holds each code's severity and words.
import { entries, isCode, messageOf, severities, type Code, type Lang } from "./findings.js";

/** FATAL: the file cannot be read at all. ERROR: a rule is broken; the file is rejected.
 *  WARNING: loaded, but worth a look. INFO: what the pipeline noticed or did. */
export type Severity = "FATAL" | "ERROR" | "WARNING" | "INFO";

export const rejecting: ReadonlySet<Severity> = new Set(["FATAL", "ERROR"]);

export interface Finding {
  readonly severity: Severity;
  /** machine-readable, English, snake_case: unknown_code, invalid_month, duplicate_person_month … (findings.ts) */
  readonly code: string;
  /** the file as the user knows it, e.g. "0181/bistand-2024.csv" */
  readonly file: string;
  /** line in the file, the header being line 1 (for .xlsx: the worksheet row); null for the whole file */
  readonly line: number | null;
  /** the contract column (or the header as written, for unknown columns); null for the whole row or file */
  readonly column: string | null;
  /** the offending value; null where there is none — and always null for identity numbers */
  readonly value: string | null;
  /** Swedish, for users: what is wrong, what is valid, how to fix it */
  readonly message: string;
  /** how many rows share this problem, when the finding stands for several (line is then the first) */
  readonly count?: number;
  /** the code's parameters as the message was made from them (findings.ts ParamsOf), for --json
   *  readers and for the message in another language (findingMessage): whole where the message
   *  shortens (every valid code, where the message lists the 8 most like the value). Stored with the
   *  finding; absent on findings a database from before stored (they keep their Swedish message). */
  readonly params?: object;
}

export function rejects(findings: readonly Finding[]): boolean {
  return findings.some((f) => rejecting.has(f.severity));
}

const order: Record<Severity, number> = { FATAL: 0, ERROR: 1, WARNING: 2, INFO: 3 };

export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) =>
      a.file.localeCompare(b.file) ||
      order[a.severity] - order[b.severity] ||
      (a.line ?? 0) - (b.line ?? 0) ||
      (a.column ?? "").localeCompare(b.column ?? "") ||
      a.code.localeCompare(b.code)
  );
}

/** A catalogue title inside a line: "Okänd kod" → "okänd kod" (an acronym such as "CSV …" stays). */
const inLine = (title: string) => (/^\p{Lu}\p{Ll}/u.test(title) ? title[0].toLocaleLowerCase("sv") + title.slice(1) : title);

let titles: ReadonlyMap<string, string> | undefined;

/** One line per finding, in Swedish, for the terminal and the quarantine's reason files:
 *  `0181/x.csv:12: FEL – okänd kod: gender = "3": "3" är ingen känd kod för gender. …`
 *  The severity's word and the code's title are the catalogue's (findings.ts); the English code stays
 *  in the Finding (--json). The catalogue is looked up when a line is made, not when this module loads. */
export function formatFinding(f: Finding): string {
  const where = f.line === null ? f.file : `${f.file}:${f.line}`;
  titles ??= new Map(entries.map((e) => [e.code, inLine(e.title.sv)]));
  const title = titles.has(f.code) ? ` – ${titles.get(f.code)}` : "";
  const what = f.column === null ? "" : f.value === null ? ` ${f.column}:` : ` ${f.column} = ${JSON.stringify(f.value)}:`;
  const more = f.count ? ` (${f.count} rader)` : "";
  return `${where}: ${severities[f.severity].label.sv.toLocaleUpperCase("sv")}${title}:${what} ${f.message}${more}`;
}

/**
 * A finding's message in a reader's language, and the language it is in: made again from the code's
 * parameters where the finding carries them (every finding made in this run, and those stored with
 * them); else the Swedish message it was stored with. A finding that stands for the rows beyond those
 * listed (no line, a count) keeps its Swedish message: its "more rows" words need the numbers it was
 * made from.
 */
export function findingMessage(f: Finding, lang: Lang): { readonly text: string; readonly lang: Lang } {
  const remade = lang !== "sv" && f.params !== undefined && isCode(f.code) && !(f.line === null && f.count);
  return remade ? { text: messageOf(f.code as Code, f.params as never, lang), lang } : { text: f.message, lang: "sv" };
}
