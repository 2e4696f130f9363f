// A municipality's commentary (contract §14): UTF-8 text where a line `## <target group>` or
// `## <target group> / <indicator>` starts a section shown beside that report or indicator, and the
// text before the first such heading is shown on the municipality's page. Pure: the text in, its
// sections and its findings out (the ids come from the Schema). Rendering is not done here, and the
// text is never HTML.
import type { Finding } from "./finding.js";
import { found } from "./findings.js";
import { parseIdentity } from "./identity.js";
import { maskedLine } from "./masking.js";
import { schema as packageSchema, type Schema } from "./schema.js";

export interface CommentarySection {
  /** the heading's line in the file (1-based) */
  readonly line: number;
  /** a target group id (schemas/target-groups.json) */
  readonly targetGroup: string;
  /** an indicator id (schemas/indicators.json), or null for the report as a whole */
  readonly indicator: string | null;
  /** the lines under the heading up to the next section, without leading and trailing blank lines */
  readonly text: string;
}

export interface CommentaryParts {
  /** the text before the first section heading (the municipality's page), without surrounding blank lines */
  readonly intro: string;
  readonly sections: readonly CommentarySection[];
}

/** A line of the text: its number, and the heading it is, if any (`## …` outside a fenced code block). */
interface Line {
  readonly n: number;
  readonly text: string;
  /** the heading's words, `## ` and a closing `#` sequence removed; null when the line is no level-2 heading */
  readonly heading: string | null;
}

/** Lines with LF, CRLF or CR ends alike; a UTF-8 BOM is no text. */
function linesOf(text: string): Line[] {
  let fence: string | null = null;
  return text
    .replace(/^\uFEFF/, "")
    .split(/\r\n|\r|\n/)
    .map((t, i) => {
      const f = /^ {0,3}(`{3,}|~{3,})/.exec(t);
      if (f && (fence === null || f[1][0] === fence[0])) fence = fence === null ? f[1] : null;
      else if (fence === null) {
        // CommonMark: ## then a space (or nothing); "###" is another level, "##x" no heading
        const h = /^ {0,3}##(?=[ \t]|$)(.*)$/.exec(t);
        if (h) return { n: i + 1, text: t, heading: ` ${h[1]}`.replace(/[ \t]+#+[ \t]*$/, "").trim() }; // a closing ## sequence is no text
      }
      return { n: i + 1, text: t, heading: null };
    });
}

/** What a heading names: a target group, and an indicator or none; or what it fails to name. */
type Named =
  | { readonly ok: true; readonly targetGroup: string; readonly indicator: string | null }
  | { readonly ok: false; /** the target group, when that part is known */ readonly targetGroup: string | null };

/** Resolves `<target group>` or `<target group> / <indicator>` (ids, case-insensitively) against the schema. */
function named(heading: string, s: Schema): Named {
  const parts = heading.split("/").map((p) => p.trim().toLowerCase());
  const group = s.targetGroups.find((t) => t.id === parts[0])?.id ?? null;
  if (group === null || parts.length > 2) return { ok: false, targetGroup: group };
  if (parts.length === 1) return { ok: true, targetGroup: group, indicator: null };
  const indicator = s.indicators.find((i) => i.id === parts[1])?.id ?? null;
  return indicator === null ? { ok: false, targetGroup: group } : { ok: true, targetGroup: group, indicator };
}

/** Lines as one text, without the blank lines before the first and after the last line with text. */
function trimBlank(lines: readonly string[]): string {
  const blank = (l: string) => l.trim() === "";
  let from = 0;
  let to = lines.length;
  while (from < to && blank(lines[from])) from++;
  while (to > from && blank(lines[to - 1])) to--;
  return lines.slice(from, to).join("\n");
}

/**
 * The commentary's intro and sections. A heading that names no known target group (or no known
 * indicator after it) starts no section: it stays a line of the text before it (and is a warning,
 * commentaryFindings). A heading inside a fenced code block is text.
 */
export function commentarySections(text: string, s: Schema = packageSchema()): CommentaryParts {
  const intro: string[] = [];
  const sections: { line: number; targetGroup: string; indicator: string | null; lines: string[] }[] = [];
  for (const l of linesOf(text)) {
    const name = l.heading === null ? null : named(l.heading, s);
    if (name?.ok) sections.push({ line: l.n, targetGroup: name.targetGroup, indicator: name.indicator, lines: [] });
    else (sections.length ? sections[sections.length - 1].lines : intro).push(l.text);
  }
  return {
    intro: trimBlank(intro),
    sections: sections.map(({ line, targetGroup, indicator, lines }) => ({ line, targetGroup, indicator, text: trimBlank(lines) }))
  };
}

// ---- Findings

/** Digits written as a Swedish (6 or 8 digits, then 4) or Norwegian (6 then 5, or 11) identity number,
 *  with nothing, a hyphen, a plus, a dash or a space between the parts. */
const identityShaped = /(?<![\d])(?:(\d{6}|\d{8})([-+\u2010-\u2015\u2212 \u00a0]?)(\d{4})|(\d{6})[ \u00a0]?(\d{5}))(?!\d)/g;

/** Whether the line holds a valid personnummer, samordningsnummer, fødselsnummer or D-number (identity.ts). */
function holdsIdentityNumber(line: string): boolean {
  for (const m of line.matchAll(identityShaped)) {
    // the notations parseIdentity reads: a hyphen or plus between the parts, or none; the year only picks a century
    const candidate = m[1] !== undefined ? `${m[1]}${m[2] === "+" ? "+" : m[2] ? "-" : ""}${m[3]}` : `${m[4]}${m[5]}`;
    const id = parseIdentity(candidate, 2000);
    if (id.ok && id.kind !== "pseudonym") return true;
  }
  return false;
}

/**
 * Numbers in a line, each as written, at its offset, and whether it is a standalone whole number. A
 * date (2025-03-05, 5/3, 5.3.2025), a time or decimal (10:30, 1,5, 2.5), a number with thousands
 * separated by spaces (1 500), and a number inside a word or id (Q1, per_1000, 3e) are not standalone.
 */
const numberToken = /(\d{4}-\d{1,2}(?:-\d{1,2})?)|(\d{1,2}[./]\d{1,2}(?:[./]\d{2,4})?(?!\d))|(\d+(?:[.,:]\d+)+)|(\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?!\d))|(\d+)/g;

/** Web addresses: their digits are no numbers of the text. */
const address = /\bhttps?:\/\/[^\s<>)\]]+|\]\([^)]*\)|<[^>\s]*>/g;

/** After a number: an ordinal (3:e, 1:a, 1st, 3. plass), a percentage (3 %, 3 procent). */
const notACount = /^(?::[a-zåäöæø]+|(?:st|nd|rd|th)\b|\.[ \t]+\p{Ll}|[ \t\u00a0]*(?:%|‰|[Pp]ro[cs]ent|[Pp]ercent))/u;

/** The standalone whole numbers from 1 to threshold in a line, as written (an ordered list's marker is none). */
export function smallNumbers(line: string, threshold: number): string[] {
  const text = line.replace(address, (m) => " ".repeat(m.length)).replace(/^( {0,3})\d{1,9}([.)])(?=[ \t]|$)/, (m) => " ".repeat(m.length));
  const out: string[] = [];
  for (const m of text.matchAll(numberToken)) {
    const digits = m[5];
    if (digits === undefined) continue;
    const at = m.index;
    const before = text.slice(0, at);
    const after = text.slice(at + digits.length);
    if (/[\p{L}\p{N}_]$/u.test(before) || /^[\p{L}_]/u.test(after) || notACount.test(after)) continue;
    const n = Number(digits);
    if (n >= 1 && n <= threshold) out.push(digits);
  }
  return out;
}

/**
 * The findings of a commentary: a valid identity number in the text (ERROR: the text is published,
 * so the file is rejected; the number is never shown), a `## ` heading that names no known report or
 * indicator (WARNING), and a standalone number from 1 to the threshold (WARNING: it may give away a
 * withheld count; the text is kept). Each at its line; in line order.
 */
export function commentaryFindings(file: string, text: string, s: Schema, threshold: number): Finding[] {
  const out: Finding[] = [];
  const groups = s.targetGroups.map((t) => t.id);
  for (const l of linesOf(text)) {
    if (holdsIdentityNumber(l.text)) {
      out.push(found("commentary_identity_number", file, {}, { line: l.n }));
      continue; // the line's numbers are not repeated in other findings
    }
    if (l.heading !== null) {
      const name = named(l.heading, s);
      if (!name.ok) {
        const heading = maskedLine(l.heading);
        out.push(found("commentary_unknown_heading", file, { heading, targetGroup: name.targetGroup, targetGroups: groups }, { line: l.n, value: heading }));
      }
    }
    for (const number of smallNumbers(l.text, threshold)) {
      out.push(found("commentary_small_number", file, { number, threshold }, { line: l.n, value: number }));
    }
  }
  return out;
}
