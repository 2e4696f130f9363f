// Results rendered as text for a terminal (the --json output is the same objects, as JSON), in the
// settings' language (pipeline/cli-words.ts; Swedish by default).
import { formatDateTime, timeZoneOf } from "../reports/time.js";
import { shownName } from "./ingest/discover.js";
import { findingMessage, formatFinding, rejecting, sortFindings, type Finding } from "./contract/finding.js";
import { entries, severities } from "./contract/findings.js";
import { municipalityName } from "./contract/municipalities.js";
import type { Language } from "./contract/schema.js";
import { cliWords, stageName, type CliWords } from "./cli-words.js";
import type { FileReport, RunSummary } from "./run.js";
import type { Status } from "./status.js";
import type { ValidatedFile } from "./validate.js";

const titles = new Map(entries.map((e) => [e.code as string, e.title]));

/** A catalogue title inside a line: "Unknown code" → "unknown code" (an acronym such as "CSV …" stays). */
const inLine = (title: string, lang: Language) => (/^\p{Lu}\p{Ll}/u.test(title) ? title[0].toLocaleLowerCase(lang) + title.slice(1) : title);

/**
 * One line per finding, as formatFinding (pipeline/contract/finding.ts) writes it in Swedish, in
 * another language: the severity's word and the code's title from the catalogue in that language
 * (Swedish, Norwegian bokmål, English), the message in that language where the finding carries its
 * parameters (findingMessage).
 */
export function findingLine(f: Finding, lang: Language): string {
  if (lang === "sv") return formatFinding(f);
  const w = cliWords(lang);
  const where = f.line === null ? f.file : `${f.file}:${f.line}`;
  const title = titles.get(f.code);
  const titleText = title ? ` – ${inLine(title[lang], lang)}` : "";
  const what = f.column === null ? "" : f.value === null ? ` ${f.column}:` : ` ${f.column} = ${JSON.stringify(f.value)}:`;
  const message = findingMessage(f, lang).text;
  const more = f.count ? ` (${w.validation.rows(f.count)})` : "";
  return `${where}: ${severities[f.severity].label[lang].toLocaleUpperCase(lang)}${titleText}:${what} ${message}${more}`;
}

/** At most `max` findings per file, errors first, with a note of how many more there are. */
function findingLines(findings: readonly Finding[], lang: Language, max = 25): string[] {
  const sorted = sortFindings(findings);
  const lines = sorted.slice(0, max).map((f) => `    ${findingLine(f, lang)}`);
  if (sorted.length > max) lines.push(`    ${cliWords(lang).summary.moreFindings(sorted.length - max)}`);
  return lines;
}

/** Times as the reports show them: the language's words and zone (--json keeps ISO 8601 with offset). */
const when = (iso: string, lang: Language) => formatDateTime(iso, timeZoneOf(lang), lang);

/** The inbox folder a file, folder or skipped entry belongs to (a municipality's, or network/), or null outside them. */
const municipalityOf = (display: string): string | null => /^(\d{4}|network)\//.exec(display)?.[1] ?? null;

/** A heading per folder: a municipality's code and, where the contract knows it, its name; network/ as such. */
function municipalityHeading(code: string, w: CliWords): string {
  if (code === "network") return w.summary.network;
  const name = municipalityName(code);
  return name === code ? code : `${code} ${name}`;
}

/** Where a rejected file is: still in the inbox (kas never edits or deletes there), and copied to quarantine with its reasons. */
const quarantineNote = (f: FileReport, w: CliWords) => `    ${f.quarantined ? w.summary.quarantined(f.quarantined) : w.summary.notQuarantined}`;

export function formatRunSummary(s: RunSummary, lang: Language = "sv"): string {
  const w = cliWords(lang), t = w.summary;
  const out: string[] = [];
  if (s.outcome === "unchanged") {
    out.push(t.nothingNew(s.inbox, s.files.unchanged, s.runId));
    out.push(t.reports(s.index));
    return out.join("\n") + "\n";
  }
  out.push(t.run(s.runId, when(s.startedAt, lang)));
  out.push(t.inbox(s.inbox));
  out.push(t.accepted(s.files.accepted.length));
  out.push(t.rejected(s.files.rejected.length));
  // Per municipality, in code order: what became of each file of its folder (loaded and rejected files in
  // the order first seen, with what each replaced), then what was not read this time. Entries outside every municipality folder last.
  const groups = new Map<string | null, string[]>();
  const add = (display: string, ...lines: string[]) => {
    const m = municipalityOf(display);
    if (!groups.has(m)) groups.set(m, []);
    groups.get(m)!.push(...lines);
  };
  const read = [...s.files.accepted.map((f) => ({ f, accepted: true })), ...s.files.rejected.map((f) => ({ f, accepted: false }))];
  for (const { f, accepted } of read.sort((x, y) => (x.f.seq ?? 0) - (y.f.seq ?? 0))) {
    if (accepted) {
      add(f.file, `  ${t.loaded(f.file, String(f.kind), f.rowsLoaded ?? 0, f.rowsRead ?? 0)}`);
      // what a replacement replaced: months (bistand), years (survey, population), a commentary or a snapshot (insats)
      for (const r of f.replaced) {
        const what = r.years?.length ? t.replacedYears(r.years.join(", ")) : r.months.length ? ranges(r.months) : r.kind === "commentary" ? t.replacedCommentary : null;
        add(f.file, `    ${t.replaced(what, r.file)}`);
      }
      add(f.file, ...findingLines(f.findings.filter((x) => x.severity === "WARNING"), lang, 5));
    } else {
      const errors = f.findings.filter((x) => rejecting.has(x.severity));
      add(f.file, `  ${t.rejectedFile(f.file, errors.length)}`, quarantineNote(f, w), ...findingLines(f.findings, lang));
    }
  }
  for (const d of s.files.duplicates) add(d, `  ${t.duplicate(d)}`);
  for (const d of s.files.deferred) add(d, `  ${t.deferred(d)}`);
  for (const i of s.files.ignored) add(i.file, `  ${t.ignored(i.file, i.reason)}`);
  const codes = [...groups.keys()].filter((m): m is string => m !== null).sort();
  for (const m of codes) out.push("", municipalityHeading(m, w), ...groups.get(m)!); // network/ sorts after the codes
  if (groups.has(null)) out.push("", t.outside, ...groups.get(null)!);
  out.push("");
  if (s.files.unchanged) out.push(t.unchanged(s.files.unchanged));
  const more = (["survey", "population", "commentary"] as const).flatMap((k) => (s.rows[k] === undefined ? [] : [`, ${k} ${w.int(s.rows[k]!)}`])).join("");
  out.push(t.rows(s.rows.bistand, s.rows.insats, s.replacements, more));
  out.push(t.time(s.stages.map((x) => `${stageName(w, x.stage)} ${w.seconds(x.seconds)} s`).join(", ")));
  out.push(t.database(s.database));
  out.push(t.reports(s.index));
  return out.join("\n") + "\n";
}

export function formatValidation(files: readonly ValidatedFile[], lang: Language = "sv"): string {
  const v = cliWords(lang).validation;
  const out: string[] = [];
  for (const f of files) {
    const what = [f.kind, f.encoding, f.delimiter && v.delimiter(JSON.stringify(f.delimiter)), f.profile && v.profile(f.profile), f.rows !== null && v.rows(f.rows)]
      .filter(Boolean)
      .join(", ");
    const errors = f.findings.filter((x) => rejecting.has(x.severity)).length;
    out.push(`${f.file}: ${f.valid ? v.accepted : v.rejected(errors)}${what ? ` — ${what}` : ""}`);
    out.push(...findingLines(f.findings, lang, Number.POSITIVE_INFINITY));
  }
  return out.join("\n") + "\n";
}

function ranges(months: readonly string[]): string {
  const parts: string[] = [];
  const index = (m: string) => Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7)) - 1;
  let start = 0;
  for (let i = 1; i <= months.length; i++) {
    if (i === months.length || index(months[i]) !== index(months[i - 1]) + 1) {
      parts.push(start === i - 1 ? months[start] : `${months[start]} – ${months[i - 1]}`);
      start = i;
    }
  }
  return parts.join(", ");
}

export function formatStatus(s: Status, lang: Language = "sv"): string {
  const t = cliWords(lang).status;
  if (!s.exists) return `${t.noDatabase(s.database)}\n`;
  const out = [t.database(s.database)];
  out.push(s.lastRun ? t.lastRun(s.lastRun.runId, when(s.lastRun.startedAt, lang)) : t.noRun);
  for (const m of s.municipalities) {
    out.push("", `${m.municipality} ${m.name}`);
    for (const k of m.kinds) {
      const span =
        k.kind === "bistand" ? t.months(ranges(k.months), k.months.length)
        : k.kind === "insats" ? t.snapshot(k.from, k.to)
        : k.kind === "commentary" ? t.commentary
        : t.years((k.years ?? []).join(", "), k.municipalities ? k.municipalities.length : null);
      out.push(`  ${k.kind.padEnd(8)} ${t.rows(k.rows)}; ${span}`);
      for (const f of k.files) out.push(`           ${t.file(shownName(f.name), f.rows, when(f.firstSeen, lang))}`);
    }
  }
  if (s.rejected.length) {
    out.push("", t.rejected);
    for (const r of s.rejected) out.push(`  ${t.rejectedFile(shownName(r.file), when(r.firstSeen, lang), r.errors)}`);
  }
  return out.join("\n") + "\n";
}
