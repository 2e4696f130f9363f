// HTML built with a tagged template that escapes every interpolated value unless it is already
// markup (an Html value). Safe by default: a file name or municipality name from outside can only
// ever end up as text.

export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

export type Part = Html | string | number | null | undefined | false | readonly Part[];

const entities: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
const special = /[&<>"']/;

/** Escapes text for an element's content or a quoted attribute value. */
export function escapeHtml(s: string): string {
  return special.test(s) ? s.replace(/[&<>"']/g, (c) => entities[c]) : s; // most text has nothing to escape
}

function render(part: Part): string {
  if (part instanceof Html) return part.value;
  if (part === null || part === undefined || part === false) return "";
  if (Array.isArray(part)) return part.map(render).join("");
  if (typeof part === "number") {
    if (!Number.isFinite(part)) throw new Error(`invalid number in html: ${part}`);
    return String(part);
  }
  return escapeHtml(String(part));
}

/** html`<td>${name}</td>`: interpolations are escaped; Html values and arrays of them are kept. */
export function html(strings: TemplateStringsArray, ...parts: Part[]): Html {
  let out = strings[0];
  for (let i = 0; i < parts.length; i++) out += render(parts[i]) + strings[i + 1];
  return new Html(out);
}

/** Markup that is known to be safe (generated here, e.g. serialised SVG). */
export function raw(markup: string): Html {
  return new Html(markup);
}

/** Joins parts into one Html value. */
export function join(parts: readonly Part[], separator: Part = ""): Html {
  return new Html(parts.map(render).join(render(separator)));
}

/** An id or class fragment from a code: only [a-z0-9-], so it is safe in attributes and selectors. */
export function slug(s: string): string {
  return s.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "x";
}
