// A file's layout: which extract kind its header says it is (contract §2: "told apart by its
// columns"), and which contract column each of its columns holds, after the profile's renames (§4).
import type { Finding } from "../contract/finding.js";
import { found, unnamedColumn } from "../contract/findings.js";
import { masked } from "../contract/masking.js";
import { normaliseKey, type Profile } from "../contract/profile.js";
import { kindDef, kindsOf, type KindFolder, type KindName, type Schema } from "../contract/schema.js";
import { networkFolder } from "./discover.js";
import { packageRoot } from "../system/paths.js";
import { basename, isAbsolute, relative } from "node:path";

/**
 * The most columns a file may have. The contract's kinds have about ten; a header far wider is a
 * wrong export (or data in the header row), and every column costs the reader and the checks work
 * per row: it is rejected before anything is read.
 */
export const maxColumns = 1000;

export interface Layout {
  readonly kind: KindName;
  /** for each column of the file, in order: the contract column it holds, or null (extra, not loaded) */
  readonly columns: readonly (string | null)[];
  /** for each column of the file, in order: its name as the header writes it (trimmed): what findings name */
  readonly names: readonly string[];
}

/** A contract column as the file names it (contract §4: "the column as the file itself names it"):
 *  the header cell that holds it — "Kön" for gender under profile case-system-sv — or the contract's
 *  name where the file has no such column (a rule about a column the file left out). */
export function fileColumnName(layout: Layout | null | undefined, column: string): string {
  if (!layout) return column;
  const i = layout.columns.indexOf(column);
  return i >= 0 && layout.names[i] ? layout.names[i] : column;
}

/** A profile's file as messages name it: relative to the package (schemas/profiles/x.json), never the
 *  server's path (messages are published on quality.html and in run.json). */
export function profilePath(p: Profile): string {
  const r = relative(packageRoot, p.file);
  return r && !r.startsWith("..") && !isAbsolute(r) ? r : basename(p.file);
}

/**
 * The profile whose column names fit a header that the file's own profile (or the contract alone)
 * does not read: how many of the header's named columns each profile reads (its own names and the
 * contract's, which every profile passes through, contract §4). A profile is suggested when it reads
 * more of them than the file's profile does, at least 3 and at least half; the best one, on a tie the
 * first by name.
 */
export function fittingProfile(
  header: readonly string[],
  current: Profile | null,
  profiles: Iterable<Profile>,
  s: Schema
): { profile: Profile; matched: number; columns: number } | null {
  const contract = new Set(kindsOf(s).flatMap((k) => kindDef(s, k).columns.map((c) => c.name)));
  const keys = header.map(normaliseKey).filter((k) => k !== "");
  const reads = (p: Profile | null) => keys.filter((k) => (p?.columns[k] !== undefined ? contract.has(p.columns[k]) : contract.has(k))).length;
  const baseline = reads(current);
  let best: { profile: Profile; matched: number; columns: number } | null = null;
  for (const p of [...profiles].sort((a, b) => a.name.localeCompare(b.name))) {
    if (p.name === current?.name) continue;
    const matched = reads(p);
    if (matched > baseline && matched >= 3 && 2 * matched >= keys.length && (!best || matched > best.matched)) best = { profile: p, matched, columns: keys.length };
  }
  return best;
}

/** Tells the kind and maps the header; header problems are findings (line 1). A header of more than
 *  maxColumns columns is only that one finding. */
export function layoutOf(
  header: readonly string[],
  profile: Profile | null,
  s: Schema,
  display: string,
  /** every profile, for the hint that one of them fits a header this file's profile does not read */
  hint: { readonly profiles: Iterable<Profile>; readonly folder: string | null } | null = null
): { layout: Layout | null; findings: Finding[] } {
  if (header.length > maxColumns) {
    return { layout: null, findings: [found("too_many_columns", display, { columns: header.length, limit: maxColumns }, { line: 1 })] };
  }
  const findings: Finding[] = [];
  // the "header" of a file without one is its first data row: never show an identity number from it
  const shown = header.map(masked);
  /** a header this file's profile does not read, but another profile does: say which (line 1, after the problem) */
  const suggest = () => {
    const fit = hint && fittingProfile(header, profile, hint.profiles, s);
    if (fit) {
      const params = { profile: fit.profile.name, matched: fit.matched, columns: fit.columns, file: profilePath(fit.profile), folder: hint.folder };
      findings.push(found("profile_fits", display, params, { line: 1 }));
    }
  };
  const mapped = header.map((h) => {
    const key = normaliseKey(h);
    if (profile?.columns[key]) return profile.columns[key];
    return key;
  });

  const required = (kind: KindName) => kindDef(s, kind).columns.filter((c) => c.column === "required").map((c) => c.name);
  const profileName = profile?.name ?? null;
  const scores = kindsOf(s).map((kind) => {
    const names = new Set(kindDef(s, kind).columns.map((c) => c.name));
    const present = new Set(mapped.filter((m) => names.has(m)));
    return { kind, present: present.size, missing: required(kind).filter((r) => !present.has(r)) };
  });
  // The kind whose columns the header has most of; bistand and insats share five columns, so at
  // least one column of its own must be there.
  scores.sort((a, b) => b.present - a.present || a.missing.length - b.missing.length);
  const best = scores[0];
  const own = ownColumns(s, best.kind);
  if (best.present === 0 || !mapped.some((m) => own.has(m)) || (scores[1] && scores[1].present === best.present && scores[1].missing.length === best.missing.length)) {
    // the kinds the file's folder takes (all of them for a loose file): what the header could have been
    const expected = kindsOf(s).filter((kind) => takes(hint?.folder ?? null, kindDef(s, kind).folder)).map((kind) => ({ kind, columns: required(kind) }));
    // a first line of data (no header) is not repeated: it holds household ids and other personal data
    if (header.some((h) => looksLikeData.test(h.trim()))) {
      findings.push(found("no_header", display, { found: "data_row", expected, profile: profileName }, { line: 1 }));
    } else {
      findings.push(found("unknown_kind", display, { header: shown, expected, profile: profileName }, { line: 1 }));
      suggest();
    }
    return { layout: null, findings };
  }
  const kind = best.kind;
  const kindColumns = new Set(kindDef(s, kind).columns.map((c) => c.name));
  const seen = new Map<string, number>();
  const columns = mapped.map((m, i) => {
    if (header[i].trim() === "") {
      const last = i === header.length - 1;
      findings.push(found("empty_column_name", display, { position: i + 1, last }, { line: 1, column: unnamedColumn(i + 1) }));
      return null;
    }
    if (!kindColumns.has(m)) {
      findings.push(found("extra_column", display, { column: shown[i], kind }, { line: 1, column: shown[i] }));
      return null;
    }
    if (seen.has(m)) {
      findings.push(found("duplicate_column", display, { first: shown[seen.get(m)!], second: shown[i], column: m }, { line: 1, column: shown[i] }));
      return null;
    }
    seen.set(m, i);
    return m;
  });
  for (const missing of best.missing) {
    findings.push(found("missing_column", display, { column: missing, kind, profile: profileName }, { line: 1, column: missing }));
  }
  if (best.missing.length) suggest();
  return { layout: { kind, columns, names: shown.map((h) => h.trim()) }, findings };
}

/** A cell that is a value rather than a column name: a municipality code, a month or date, a number, a hex pseudonym. */
const looksLikeData = /^(\d{4}|\d{4}-\d{2}(-\d{2})?|[\d\s.,+-]{6,}|[0-9a-fA-F]{16,64})$/;

function ownColumns(s: Schema, kind: KindName): Set<string> {
  const others = new Set(kindsOf(s).filter((k) => k !== kind).flatMap((k) => kindDef(s, k).columns.map((c) => c.name)));
  return new Set(kindDef(s, kind).columns.map((c) => c.name).filter((n) => !others.has(n)));
}

/** Whether an inbox folder takes files of a kind read from `wanted` folders (contract §1): network/ only
 *  reference data, a municipality's folder everything else; a loose file (kas validate) any kind. */
export function takes(folder: string | null, wanted: KindFolder): boolean {
  return folder === null || (folder === networkFolder) === (wanted === "network");
}
