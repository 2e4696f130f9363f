// A municipality's commentary (contract §14) as HTML: its own words, rendered by markdown-it with
// only paragraphs, emphasis, lists and http(s) links; everything else (headings, images, code,
// tables, quotes, raw HTML, entities, other link schemes) stays the text it was written as. The
// Markdown is never parsed here by hand and no HTML from the file ever reaches a page: markdown-it
// escapes all text, its HTML rules are off, and every token it produces is checked against the
// allowed kinds before rendering. Nothing in the output needs the pages' CSP (reports/frame.ts)
// relaxed: no script, no style attribute, nothing fetched.
import MarkdownItCallable, { type MarkdownIt, type Token } from "markdown-it";
import type { Settings } from "../pipeline/settings.js";
import { html, raw, type Html } from "./html.js";
import { formatDate, reportTimeZone } from "./time.js";
import { checkMunicipality, countryOf } from "../pipeline/contract/municipalities.js";
import { words } from "./words.js";

export type PageLanguage = Settings["language"];

/** A link target a reader may follow: an absolute http(s) URL with a host, nothing else (no
 *  javascript:, data:, vbscript:, file:, mailto:, relative or protocol-relative URL). */
export function isWebLink(href: string): boolean {
  if (!/^https?:\/\/[^/?#\s\\]/i.test(href)) return false;
  try {
    const url = new URL(href);
    return (url.protocol === "http:" || url.protocol === "https:") && url.hostname !== "";
  } catch {
    return false;
  }
}

/** what a followed link sends and allows: no referrer, no window.opener, no endorsement */
const linkRel = "nofollow noopener noreferrer";

function parser(): MarkdownIt {
  // "zero": every rule off (paragraphs and plain text only), then exactly the allowed ones on.
  const md = new MarkdownItCallable("zero", { html: false, linkify: false, typographer: false, breaks: false, xhtmlOut: false });
  md.enable([
    "list", // bullet and ordered lists
    "reference", // [text][ref] links: their targets pass validateLink like inline ones
    "emphasis", // *em*, **strong** (and _ __)
    "link", // [text](https://…)
    "autolink", // <https://…> (validateLink turns <javascript:…> and <mail@…> back into text)
    "escape", // \* shows a literal *
    "newline" // line breaks inside a paragraph
  ]);
  md.validateLink = isWebLink;
  // An image's "![" is text, so "![alt](https://…/a.png)" stays all text: never an <img>, and not
  // a link to the picture either (the rest, "alt](…)", opens no link without its "[").
  md.inline.ruler.before("link", "image_as_text", (state, silent) => {
    if (state.src.charCodeAt(state.pos) !== 0x21 /* ! */ || state.src.charCodeAt(state.pos + 1) !== 0x5b /* [ */) return false;
    if (!silent) state.pending += "![";
    state.pos += 2;
    return true;
  });
  // A link whose target validation let through as empty (e.g. "[x]()") is shown as its text; every
  // other link gets rel and referrerpolicy. Links cannot nest, so the next link_close is the match.
  md.core.ruler.push("commentary_links", (state) => {
    for (const block of state.tokens) {
      if (block.type !== "inline" || !block.children) continue;
      const kept: typeof block.children = [];
      let drop = false;
      for (const t of block.children) {
        if (t.type === "link_open") {
          drop = !isWebLink(String(t.attrGet("href") ?? ""));
          if (drop) continue;
          t.attrSet("rel", linkRel);
          t.attrSet("referrerpolicy", "no-referrer");
        } else if (t.type === "link_close" && drop) {
          drop = false;
          continue;
        }
        kept.push(t);
      }
      block.children = kept;
    }
  });
  return md;
}

const md = parser();

const blockTokens = new Set([
  "paragraph_open", "paragraph_close", "bullet_list_open", "bullet_list_close",
  "ordered_list_open", "ordered_list_close", "list_item_open", "list_item_close", "inline"
]);
const inlineTokens = new Set(["text", "softbreak", "hardbreak", "em_open", "em_close", "strong_open", "strong_close", "link_open", "link_close"]);
/** the only attributes the allowed tokens may carry (ol start="3"; a link's own) */
const allowedAttributes = new Set(["start", "href", "title", "rel", "referrerpolicy"]);

function check(tokens: readonly Token[]): void {
  for (const t of tokens) {
    if (!blockTokens.has(t.type)) throw new Error(`commentary: unexpected markdown token ${t.type}`);
    for (const c of t.children ?? []) {
      if (!inlineTokens.has(c.type)) throw new Error(`commentary: unexpected markdown token ${c.type}`);
      for (const [name] of c.attrs ?? []) if (!allowedAttributes.has(name)) throw new Error(`commentary: unexpected attribute ${name}`);
      if (c.type === "link_open" && !isWebLink(String(c.attrGet("href")))) throw new Error("commentary: unexpected link target");
    }
    for (const [name] of t.attrs ?? []) if (!allowedAttributes.has(name)) throw new Error(`commentary: unexpected attribute ${name}`);
  }
}

/** Commentary Markdown → a safe HTML fragment (an Html value: html`…${commentaryHtml(text)}…`
 *  keeps it as markup, every character of the file's own text is escaped). */
export function commentaryHtml(markdown: string): Html {
  const env = {};
  const tokens = md.parse(markdown, env);
  check(tokens);
  return raw(md.renderer.render(tokens, md.options, env));
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

function cachedFormat(key: string, make: () => Intl.DateTimeFormat): Intl.DateTimeFormat {
  let f = dateFormats.get(key);
  if (!f) dateFormats.set(key, (f = make()));
  return f;
}

/** "2026-01-15", or a timestamp such as "2026-01-15T23:30:00Z" taken in `timeZone`, → "2026-01-15". */
export function calendarDate(dateOrTimestamp: string, timeZone: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(dateOrTimestamp)) {
    if (Number.isNaN(Date.parse(`${dateOrTimestamp}T00:00:00Z`))) throw new Error(`invalid date: ${dateOrTimestamp}`);
    return dateOrTimestamp;
  }
  const ms = Date.parse(dateOrTimestamp);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(dateOrTimestamp) || Number.isNaN(ms)) throw new Error(`invalid timestamp: ${dateOrTimestamp}`);
  const f = cachedFormat(`iso ${timeZone}`, () => new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }));
  const parts = f.formatToParts(new Date(ms));
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? "";
  return `${get("year")}-${get("month")}-${get("day")}`;
}

/** "2026-01-15" in the page language's notation (reports/time.ts): sv "15 januari 2026", nb "15. januar
 *  2026", en "15 January 2026". */
export function commentaryDate(ymd: string, lang: PageLanguage): string {
  return formatDate(ymd, lang);
}

export interface Commentary {
  /** the municipality's official name (contract §12) */
  municipalityName: string;
  /** its code: the language its words are in is its country's (commentaryLanguage) */
  municipality?: string;
  /** when the commentary file was first seen: a date or an ISO 8601 timestamp */
  firstSeen: string;
  /** the section's Markdown (contract §14) */
  text: string;
  lang: PageLanguage;
  /** the zone a timestamp's date is taken in: the run's (default Europe/Stockholm) */
  timeZone?: string;
}

/** A section of commentary, visibly the municipality's own words: "Kommunens kommentar —
 *  Södertälje, 15 januari 2026" over the rendered text. Empty for a section with no text. */
export function commentaryBlock(c: Commentary): Html {
  if (c.text.trim() === "") return html``;
  const { label } = words(c.lang).commentary;
  const date = calendarDate(c.firstSeen, c.timeZone ?? reportTimeZone);
  const textLang = c.municipality === undefined ? undefined : commentaryLanguage(c.municipality, c.lang, Number(date.slice(0, 4)));
  return html`<aside class="commentary" aria-label="${label}: ${c.municipalityName}">
<p class="commentary-by"><span class="commentary-label">${label}</span> — ${c.municipalityName}, <time datetime="${date}">${commentaryDate(date, c.lang)}</time></p>
<div class="commentary-text"${textLang && textLang !== c.lang ? html` lang="${textLang}"` : ""}>${commentaryHtml(c.text)}</div>
</aside>`;
}

/**
 * The language a municipality's own words are taken to be in: its country's (Swedish for a Swedish
 * municipality, Norwegian bokmål for a Norwegian one), so that an English page marks a Swedish
 * municipality's commentary lang="sv" for screen readers and translators. The code is the one of
 * `year` (the commentary's: 0128 is Salem, no longer Rakkestad); a code both countries have that year
 * (1860) is the network's country's where its language tells it (Norwegian pages), else unknown.
 */
export function commentaryLanguage(code: string, pageLanguage: PageLanguage, year: number): PageLanguage | undefined {
  const country = countryOf(pageLanguage);
  const m = checkMunicipality(code, [year], country);
  if (!m.ok || (m.also.length > 0 && country === undefined)) return undefined;
  return m.country === "SE" ? "sv" : "nb";
}

/** The commentary's rules for reports/style.ts: set apart from the network's own text by a rule
 *  and a tint, long URLs wrap, and in print each link shows where it leads. Contrast ≥ 4.5:1. */
export const commentaryCss = `
.commentary { margin: .8rem 0 1.2rem; padding: .5rem 1rem .3rem; max-width: 48rem; background: #fbf8f1; border-left: 4px solid #8a6a1f; overflow-wrap: anywhere; }
.commentary-by { margin: 0 0 .3rem; font-size: .9rem; color: var(--muted); }
.commentary-label { font-weight: 700; color: var(--fg); }
.commentary-text p { margin: .3rem 0 .6rem; }
.commentary-text ul, .commentary-text ol { margin: .3rem 0 .6rem; padding-left: 1.4rem; }
@media print { .commentary { break-inside: avoid; background: none; } .commentary-text a[href]::after { content: " (" attr(href) ")"; font-size: .85em; } }
`;
