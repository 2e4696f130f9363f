// Results rendered as text for a terminal (the --json output is the same objects, as JSON).
import { formatDateTime, reportTimeZone } from "../reports/time.js";
import { shownName } from "./ingest/discover.js";
import { formatFinding, rejecting, sortFindings, type Finding } from "./contract/finding.js";
import { municipalityName } from "./contract/municipalities.js";
import type { FileReport, RunSummary } from "./run.js";
import type { Status } from "./status.js";
import type { ValidatedFile } from "./validate.js";

const int = (n: number) => String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, " ");
const plural = (n: number, one: string, many: string) => `${int(n)} ${n === 1 ? one : many}`;

/** At most `max` findings per file, errors first, with a note of how many more there are. */
function findingLines(findings: readonly Finding[], max = 25): string[] {
  const sorted = sortFindings(findings);
  const lines = sorted.slice(0, max).map((f) => `    ${formatFinding(f)}`);
  if (sorted.length > max) lines.push(`    … och ${sorted.length - max} till (se quality.html eller kör kas validate på filen)`);
  return lines;
}

/** Times as the reports show them: Swedish words, Swedish time (--json keeps ISO 8601 with offset). */
const when = (iso: string) => formatDateTime(iso, reportTimeZone);

/** The municipality a file, folder or skipped entry belongs to (its inbox folder), or null outside them. */
const municipalityOf = (display: string): string | null => /^(\d{4})\//.exec(display)?.[1] ?? null;

/** A heading per municipality: its code and, where the contract knows it, its name. */
function municipalityHeading(code: string): string {
  const name = municipalityName(code);
  return name === code ? code : `${code} ${name}`;
}

/** Where a rejected file is: still in the inbox (kas never edits or deletes there), and copied to quarantine with its reasons. */
const quarantineNote = (f: FileReport) =>
  f.quarantined
    ? `    en kopia finns i karantän, med skälen i .reason.txt bredvid: ${f.quarantined}`
    : "    ingen kopia kunde läggas i karantän (se körningsloggen); skälen står nedan och på quality.html";

export function formatRunSummary(s: RunSummary): string {
  const out: string[] = [];
  if (s.outcome === "unchanged") {
    out.push(`Inget nytt i inkorgen ${s.inbox} (${plural(s.files.unchanged, "fil", "filer")} oförändrade sedan körning ${s.runId}).`);
    out.push(`Rapporterna: ${s.index}`);
    return out.join("\n") + "\n";
  }
  out.push(`kas run nr ${s.runId}: ${when(s.startedAt)}`);
  out.push(`Inkorg: ${s.inbox}`);
  out.push(`Inlästa filer: ${s.files.accepted.length}`);
  out.push(`Avvisade filer: ${s.files.rejected.length}`);
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
      add(f.file, `  ${f.file}: ${f.kind}, ${plural(f.rowsLoaded ?? 0, "rad", "rader")} inlästa av ${int(f.rowsRead ?? 0)}`);
      for (const r of f.replaced) add(f.file, `    ersatte ${r.months.length ? ranges(r.months) : "ögonblicksbilden"} från ${r.file}`);
      add(f.file, ...findingLines(f.findings.filter((x) => x.severity === "WARNING"), 5));
    } else {
      const errors = f.findings.filter((x) => rejecting.has(x.severity));
      add(f.file, `  ${f.file}: avvisad (${plural(errors.length, "fel", "fel")}); filen ligger kvar i inkorgen`, quarantineNote(f), ...findingLines(f.findings));
    }
  }
  for (const d of s.files.duplicates) add(d, `  ${d}: redan inläst (byte för byte lika), läses inte igen`);
  for (const d of s.files.deferred) add(d, `  ${d}: ändras fortfarande, läses nästa körning`);
  for (const i of s.files.ignored) add(i.file, `  ${i.file}: hoppades över: ${i.reason}`);
  const codes = [...groups.keys()].filter((m): m is string => m !== null).sort();
  for (const m of codes) out.push("", municipalityHeading(m), ...groups.get(m)!);
  if (groups.has(null)) out.push("", "Utanför kommunmapparna", ...groups.get(null)!);
  out.push("");
  if (s.files.unchanged) out.push(`Oförändrade sedan tidigare körningar: ${plural(s.files.unchanged, "fil", "filer")}`);
  out.push(`Rader: bistand ${int(s.rows.bistand)}, insats ${int(s.rows.insats)}; ersättningar av tidigare rader: ${s.replacements}`);
  out.push(`Tid: ${s.stages.map((t) => `${t.stage} ${t.seconds.toFixed(1).replace(".", ",")} s`).join(", ")}`);
  out.push(`Databas: ${s.database}`);
  out.push(`Rapporterna: ${s.index}`);
  return out.join("\n") + "\n";
}

export function formatValidation(files: readonly ValidatedFile[]): string {
  const out: string[] = [];
  for (const f of files) {
    const what = [f.kind, f.encoding, f.delimiter && `avgränsare ${JSON.stringify(f.delimiter)}`, f.profile && `profil ${f.profile}`, f.rows !== null && plural(f.rows, "rad", "rader")]
      .filter(Boolean)
      .join(", ");
    const errors = f.findings.filter((x) => rejecting.has(x.severity)).length;
    out.push(`${f.file}: ${f.valid ? "godkänd" : `avvisas (${plural(errors, "fel", "fel")})`}${what ? ` — ${what}` : ""}`);
    out.push(...findingLines(f.findings, Number.POSITIVE_INFINITY));
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

export function formatStatus(s: Status): string {
  if (!s.exists) return `Ingen databas ännu på ${s.database}: kör kas run först.\n`;
  const out = [`Databas: ${s.database}`];
  out.push(s.lastRun ? `Senaste körning: nr ${s.lastRun.runId}, ${when(s.lastRun.startedAt)}` : "Ingen körning publicerad ännu.");
  for (const m of s.municipalities) {
    out.push("", `${m.municipality} ${m.name}`);
    for (const k of m.kinds) {
      const span = k.kind === "bistand" ? `månader ${ranges(k.months)} (${k.months.length})` : `ögonblicksbild, insatser som startade ${k.from} – ${k.to}`;
      out.push(`  ${k.kind.padEnd(8)} ${plural(k.rows, "rad", "rader")}; ${span}`);
      for (const f of k.files) out.push(`           ${shownName(f.name)}: ${plural(f.rows, "rad", "rader")}, inläst ${when(f.firstSeen)}`);
    }
  }
  if (s.rejected.length) {
    out.push("", "Avvisade filer:");
    for (const r of s.rejected) out.push(`  ${shownName(r.file)} (${when(r.firstSeen)}): ${plural(r.errors, "fel", "fel")}`);
  }
  return out.join("\n") + "\n";
}
