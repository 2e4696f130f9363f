// A CSV file's dialect (contract §2): which of the accepted delimiters it uses, found from the header
// line and confirmed by the lines after it, and its header. The file's encoding is inspect.ts's job;
// this module sees decoded text only.
import { problem, type Problem } from "../contract/findings.js";
import { maskedLine } from "../contract/masking.js";

export type Delimiter = "," | ";" | "\t";

export const delimiters: readonly Delimiter[] = [",", ";", "\t"];

export interface Dialect {
  readonly delimiter: Delimiter;
  /** header fields as written, trimmed and unquoted */
  readonly header: readonly string[];
}

export type SniffResult = { ok: true; dialect: Dialect } | ({ ok: false } & Problem);

/** How many data records after the header are used to confirm the delimiter. */
const confirmRecords = 50;

/** Ties go to the semicolon (Swedish Excel's CSV, whose decimal commas must not split values), then tab. */
const preference: readonly Delimiter[] = [";", "\t", ","];

/** Records in which a quote stood inside an unquoted value. */
const strayQuote = new WeakSet<string[]>();

/** Finds the delimiter and header of a CSV file from the first lines of its text (Inspection.head). */
export function sniffDialect(head: string): SniffResult {
  const text = head.startsWith("\uFEFF") ? head.slice(1) : head;
  const firstLine = text.slice(0, lineEnd(text));
  if (firstLine.trim() === "") return { ok: false, ...problem("no_header", { found: "blank_line" }) };
  let best: { delimiter: Delimiter; header: string[]; agree: number; stray: boolean } | null = null;
  for (const delimiter of preference) {
    const records = parseRecords(text, delimiter, confirmRecords + 1);
    const header = records[0];
    if (!header || header.length < 2) continue; // none: the header's quote never closes
    const agree = records.slice(1).filter((r) => r.length === header.length).length;
    const stray = strayQuote.has(header);
    // Most data records of the header's width; then a header without quotes in odd places (a
    // delimiter that cuts through a quoted name leaves some); then the most columns.
    const better =
      !best ||
      agree > best.agree ||
      (agree === best.agree && ((best.stray && !stray) || (stray === best.stray && header.length > best.header.length)));
    if (better) best = { delimiter, header, agree, stray };
  }
  if (!best) return { ok: false, ...noDelimiter(firstLine) };
  // (a column without a name, or a name twice, is the layout's to judge: an extra column is a warning)
  const header = best.header.map((h) => h.trim());
  return { ok: true, dialect: Object.freeze({ delimiter: best.delimiter, header: Object.freeze(header) }) };
}

/** The fields of one record (RFC 4180: a field that starts with a quote, or a space and a quote, is quoted;
 *  "" inside it is one quote; delimiters and line breaks inside it are data). Text after a closing
 *  quote is kept; an unterminated quote runs to the end. */
export function parseCsvLine(line: string, delimiter: Delimiter): string[] {
  return parseRecords(line, delimiter, 1, false)[0] ?? [""];
}

/** Up to `max` records of text. Blank lines between records are skipped, as DuckDB does; a last
 *  record whose quote is still open (text cut inside a multi-line field) is dropped when `dropOpen`. */
function parseRecords(text: string, delimiter: Delimiter, max: number, dropOpen = true): string[][] {
  const records: string[][] = [];
  const n = text.length;
  let i = 0;
  while (i <= n && records.length < max) {
    const fields: string[] = [];
    let field = "";
    let open = false;
    let stray = false;
    for (;;) {
      // Start of a field: a quote opens it when it comes first or after one space (as DuckDB reads it).
      const j = text[i] === " " ? i + 1 : i;
      const quoted = j < n && text[j] === '"';
      if (quoted) {
        i = j + 1;
        open = true;
        for (;;) {
          const q = text.indexOf('"', i);
          if (q < 0) {
            field += text.slice(i);
            i = n;
            break;
          }
          field += text.slice(i, q);
          if (text[q + 1] === '"') {
            field += '"';
            i = q + 2;
          } else {
            i = q + 1;
            open = false;
            break;
          }
        }
      }
      // Unquoted part (or what follows a closing quote) up to the delimiter or line end.
      let k = i;
      while (k < n && text[k] !== delimiter && text[k] !== "\n") k++;
      let rest = text.slice(i, k);
      if (rest.includes('"')) stray = true;
      if (k < n && text[k] === "\n" && rest.endsWith("\r")) rest = rest.slice(0, -1);
      if (quoted && rest.trim() === "") rest = ""; // spaces after a closing quote, as DuckDB reads them
      field += rest;
      i = k;
      fields.push(field);
      field = "";
      if (i < n && text[i] === delimiter) {
        i++;
        continue;
      }
      break;
    }
    i++; // past the \n (or past the end)
    if (open && dropOpen) break;
    if (fields.length === 1 && fields[0] === "" && records.length > 0) continue;
    if (stray) strayQuote.add(fields);
    records.push(fields);
  }
  return records;
}

function lineEnd(text: string): number {
  const nl = text.indexOf("\n");
  return nl < 0 ? text.length : nl;
}

/** no_delimiter: what the one-column header line holds instead of a delimiter. */
function noDelimiter(line: string): Problem<"no_delimiter"> {
  return problem("no_delimiter", {
    header: maskedLine(line.trim()),
    unclosedQuote: (line.split('"').length - 1) % 2 === 1,
    others: [...new Set(line.replace(/"[^"]*"/g, "").match(/[|:!#^~/\\]/g) ?? [])]
  });
}
