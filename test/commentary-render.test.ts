// A municipality's commentary (contract §14) on a page: only paragraphs, emphasis, lists and
// http(s) links become markup; everything else a file holds — raw HTML, scripts, event handlers,
// images, other link schemes, headings, code, tables, quotes, entities — is shown as the text it
// was written as. Unit tests of each construct, a property test over hostile mixtures (every
// element and attribute of the output parsed back with jsdom), and one real Chromium page under
// the pages' own CSP: nothing runs, nothing loads, and the hostile text is visible as text.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import fc from "fast-check";
import { JSDOM } from "jsdom";
import { chromium } from "playwright-core";
import { describe, expect, it } from "vitest";
import { calendarDate, commentaryBlock, commentaryCss, commentaryDate, commentaryHtml, commentaryLanguage, isWebLink } from "../reports/commentary-html.js";
import { csp, layout } from "../reports/frame.js";
import { html, Html, raw } from "../reports/html.js";
import { css } from "../reports/style.js";
import { formatDate } from "../reports/time.js";
import { browserAvailable, chromiumArgs, chromiumPath } from "./browser.js";

const render = (md: string): string => commentaryHtml(md).value;
const rel = `rel="nofollow noopener noreferrer" referrerpolicy="no-referrer"`;

describe("commentary: what is rendered", () => {
  it("paragraphs, emphasis and strong emphasis", () => {
    expect(render("Första stycket med *betoning* och **fetstil**.\n\nAndra _stycket_ __här__.")).toBe(
      "<p>Första stycket med <em>betoning</em> och <strong>fetstil</strong>.</p>\n<p>Andra <em>stycket</em> <strong>här</strong>.</p>\n"
    );
  });

  it("bullet, ordered (with its start number) and nested lists", () => {
    expect(render("- ett\n- två")).toBe("<ul>\n<li>ett</li>\n<li>två</li>\n</ul>\n");
    expect(render("1. ett\n2. två")).toBe("<ol>\n<li>ett</li>\n<li>två</li>\n</ol>\n");
    expect(render("3. tre\n4. fyra")).toBe('<ol start="3">\n<li>tre</li>\n<li>fyra</li>\n</ol>\n');
    expect(render("* a\n  1. b")).toBe("<ul>\n<li>a\n<ol>\n<li>b</li>\n</ol>\n</li>\n</ul>\n");
  });

  it("http and https links, with rel and no referrer, no target", () => {
    expect(render("Se [rapporten](https://www.sodertalje.se/rapport?a=1&b=2).")).toBe(
      `<p>Se <a href="https://www.sodertalje.se/rapport?a=1&amp;b=2" ${rel}>rapporten</a>.</p>\n`
    );
    expect(render("[http](http://example.com/)")).toBe(`<p><a href="http://example.com/" ${rel}>http</a></p>\n`);
    // a host in Unicode as punycode, a space in angle brackets percent-encoded
    expect(render("[x](<https://södertälje.se/a b>)")).toBe(`<p><a href="https://xn--sdertlje-4za9o.se/a%20b" ${rel}>x</a></p>\n`);
    expect(render("x")).not.toContain("target");
  });

  it("a link title with quotes stays inside its attribute", () => {
    expect(render(`[x](https://a.se "sa \\"hej\\" och 'då'")`)).toBe(
      `<p><a href="https://a.se" title="sa &quot;hej&quot; och 'då'" ${rel}>x</a></p>\n`
    );
    // a quote in the URL is percent-encoded: it cannot close the href
    expect(render(`[x](https://a.se/"onmouseover="alert(1))`)).toBe(
      `<p><a href="https://a.se/%22onmouseover=%22alert(1)" ${rel}>x</a></p>\n`
    );
  });

  it("an https autolink and a reference link", () => {
    expect(render("<https://example.com/a>")).toBe(`<p><a href="https://example.com/a" ${rel}>https://example.com/a</a></p>\n`);
    expect(render("[rapporten][1]\n\n[1]: https://a.se/r \"Rapport\"")).toBe(`<p><a href="https://a.se/r" title="Rapport" ${rel}>rapporten</a></p>\n`);
  });

  it("line breaks inside a paragraph", () => {
    expect(render("rad 1  \nrad 2\\\nrad 3\nrad 4")).toBe("<p>rad 1<br>\nrad 2<br>\nrad 3\nrad 4</p>\n");
  });

  it("a backslash shows the character after it as text", () => {
    expect(render("\\*inte betonat\\* och 2026\\. år")).toBe("<p>*inte betonat* och 2026. år</p>\n");
  });
});

describe("commentary: everything else is text", () => {
  const text: [string, string, string][] = [
    ["a script element", "<script>alert(1)</script>", "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n"],
    ["an image with an event handler", "<img src=x onerror=alert(1)>", "<p>&lt;img src=x onerror=alert(1)&gt;</p>\n"],
    ["a javascript: link", "[x](javascript:alert(1))", "<p>[x](javascript:alert(1))</p>\n"],
    ["a JAVASCRIPT: link", "[x](JAVASCRIPT:alert(1))", "<p>[x](JAVASCRIPT:alert(1))</p>\n"],
    ["a javascript: link after spaces", "[x](  javascript:alert(1))", "<p>[x](  javascript:alert(1))</p>\n"],
    ["a javascript: link in angle brackets", "[x](<javascript:alert(1)>)", "<p>[x](&lt;javascript:alert(1)&gt;)</p>\n"],
    ["a javascript: link with a tab", "[x](<java\tscript:alert(1)>)", "<p>[x](&lt;java\tscript:alert(1)&gt;)</p>\n"],
    ["a data: link", "[x](data:text/html,<script>alert(1)</script>)", "<p>[x](data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;)</p>\n"],
    ["a data: image link", "[x](data:image/png;base64,AAAA)", "<p>[x](data:image/png;base64,AAAA)</p>\n"],
    ["a vbscript: link", "[x](vbscript:msgbox(1))", "<p>[x](vbscript:msgbox(1))</p>\n"],
    ["a file: link", "[x](file:///etc/passwd)", "<p>[x](file:///etc/passwd)</p>\n"],
    ["a mailto: link", "[x](mailto:a@b.se)", "<p>[x](mailto:a@b.se)</p>\n"],
    ["a relative link", "[x](../index.html)", "<p>[x](../index.html)</p>\n"],
    ["a protocol-relative link", "[x](//evil.example)", "<p>[x](//evil.example)</p>\n"],
    ["an http link without a host", "[x](http:evil)", "<p>[x](http:evil)</p>\n"],
    ["an image", "![img](http://example.com/a.png)", "<p>![img](http://example.com/a.png)</p>\n"],
    ["an image by reference", "![img][p]\n\n[p]: javascript:alert(1)", "<p>![img][p]</p>\n<p>[p]: javascript:alert(1)</p>\n"],
    ["a link with an event handler", '<a href="http://x" onclick="alert(1)">y</a>', "<p>&lt;a href=&quot;http://x&quot; onclick=&quot;alert(1)&quot;&gt;y&lt;/a&gt;</p>\n"],
    ["an iframe", '<iframe src="https://evil.example"></iframe>', "<p>&lt;iframe src=&quot;https://evil.example&quot;&gt;&lt;/iframe&gt;</p>\n"],
    ["a style element", "<style>body{display:none}</style>", "<p>&lt;style&gt;body{display:none}&lt;/style&gt;</p>\n"],
    ["an svg with onload", "<svg onload=alert(1)>", "<p>&lt;svg onload=alert(1)&gt;</p>\n"],
    ["an HTML block", "<div>\n*x*\n</div>", "<p>&lt;div&gt;\n<em>x</em>\n&lt;/div&gt;</p>\n"],
    ["an HTML comment", "<!-- x -->", "<p>&lt;!-- x --&gt;</p>\n"],
    ["entities, as written", "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &#60;b&#62; &nbsp;", "<p>&amp;lt;script&amp;gt;alert(1)&amp;lt;/script&amp;gt; &amp;amp; &amp;#60;b&amp;#62; &amp;nbsp;</p>\n"],
    ["an ATX heading", "# Rubrik\n\n## Underrubrik", "<p># Rubrik</p>\n<p>## Underrubrik</p>\n"],
    ["a setext heading", "Rubrik\n======\n\nOch\n---", "<p>Rubrik\n======</p>\n<p>Och\n---</p>\n"],
    ["backticks", "`kod` och ```mer```", "<p>`kod` och ```mer```</p>\n"],
    ["a fenced code block", "```html\n<b>x</b>\n```", "<p>```html\n&lt;b&gt;x&lt;/b&gt;\n```</p>\n"],
    ["an indented code block", "text\n\n    kod", "<p>text</p>\n<p>kod</p>\n"],
    ["a table", "| a | b |\n|---|---|\n| 1 | 2 |", "<p>| a | b |\n|---|---|\n| 1 | 2 |</p>\n"],
    ["a block quote", "> citat", "<p>&gt; citat</p>\n"],
    ["a thematic break", "***", "<p>***</p>\n"],
    ["strikethrough", "~~struket~~", "<p>~~struket~~</p>\n"],
    ["a javascript: autolink", "<javascript:alert(1)>", "<p>&lt;javascript:alert(1)&gt;</p>\n"],
    ["an e-mail autolink", "<a@b.se>", "<p>&lt;a@b.se&gt;</p>\n"],
    ["a bare www address (no linkify)", "www.example.com", "<p>www.example.com</p>\n"],
    ["a bare URL (no linkify)", "https://example.com", "<p>https://example.com</p>\n"],
    ["typographic quotes and dashes (no typographer)", `"citat" -- (c)`, "<p>&quot;citat&quot; -- (c)</p>\n"]
  ];
  for (const [what, markdown, expected] of text) {
    it(what, () => expect(render(markdown)).toBe(expected));
  }

  it("an empty link target is its text, not a link to the page itself", () => {
    expect(render("[x]()")).toBe("<p>x</p>\n");
    expect(render("[x]( )")).toBe("<p>x</p>\n");
  });

  it("NUL becomes U+FFFD", () => expect(render("a\u0000b")).toBe("<p>a\uFFFDb</p>\n"));
});

describe("commentary: link targets", () => {
  it("accepts only absolute http(s) URLs with a host", () => {
    for (const ok of ["http://a.se", "https://a.se/x?y=1#z", "HTTPS://A.SE", "https://xn--sdertlje-4za9o.se/"]) expect(isWebLink(ok), ok).toBe(true);
    for (const bad of ["", "javascript:alert(1)", "JavaScript:alert(1)", " javascript:x", "data:text/html,x", "data:image/png;base64,AA", "vbscript:x", "file:///etc/passwd", "mailto:a@b.se", "ftp://a.se", "//a.se", "/a", "a.html", "#x", "http:a.se", "http://", "https:/a.se", "http:\\\\a.se", "http://\\a.se"]) {
      expect(isWebLink(bad), bad).toBe(false);
    }
  });
});

const parsing = new JSDOM("<!DOCTYPE html><body></body>").window.document;

/** Every element and attribute of a rendered fragment, parsed as a browser parses it. */
function inventory(fragment: string): { tags: string[]; attributes: string[]; hrefs: string[] } {
  const body = parsing.body;
  body.innerHTML = fragment;
  const elements = [...body.querySelectorAll("*")];
  return {
    tags: elements.map((e) => e.localName),
    attributes: elements.flatMap((e) => e.getAttributeNames()),
    hrefs: [...body.querySelectorAll("a")].map((a) => a.getAttribute("href") ?? "")
  };
}

describe("commentary: hostile mixtures (property)", () => {
  const pieces = [
    "<", ">", "/", "\"", "'", "`", "=", "!", "[", "]", "(", ")", "*", "_", "&", "#", ";", ":", "\\", "-", "|", "~", " ", "\n", "\n\n", "    ",
    "script", "img", "iframe", "style", "svg", "onerror", "onclick", "javascript", "JaVaScRiPt", "data", "vbscript", "alert(1)", "src=x",
    "http://a.se", "https://b.se/p", "//c.se", "&lt;", "&#60;", "&#x3C;", "\u0000", "\u2028", "# ", "1. ", "- ", "> ", "```", "<!--", "-->",
    "[a](", "](https://d.se/x)", "](javascript:alert(1))", "<https://e.se>", "<javascript:alert(1)>", "![i](", "[r]", "[r]: ", "**", "\n- ", "\n1. ", "*x*", "_y_", "**z**"
  ];
  const markdown = fc.array(fc.constantFrom(...pieces), { maxLength: 60 }).map((p) => p.join(""));
  const allowedTags = new Set(["p", "em", "strong", "ul", "ol", "li", "a", "br"]);
  const allowedAttributes = new Set(["href", "title", "rel", "referrerpolicy", "start"]);

  it("yields only the allowed elements and attributes, and links only to http(s)", () => {
    const seen = new Map<string, number>(); // how often each element occurred: the mixtures must reach links, lists, emphasis
    fc.assert(
      fc.property(markdown, (md) => {
        const found = inventory(render(md));
        for (const t of new Set(found.tags)) seen.set(t, (seen.get(t) ?? 0) + 1);
        expect(found.tags.filter((t) => !allowedTags.has(t))).toEqual([]);
        expect(found.attributes.filter((a) => !allowedAttributes.has(a))).toEqual([]);
        for (const href of found.hrefs) expect(href).toMatch(/^https?:\/\/[^/\\]/);
      }),
      { numRuns: 2000 }
    );
    for (const t of ["a", "em", "strong", "ul", "ol", "li"]) expect(seen.get(t) ?? 0, t).toBeGreaterThan(20);
  });
});

describe("commentary: the block on a page", () => {
  it("composes with the html tag without being escaped twice, while its text is escaped once", () => {
    const fragment = commentaryHtml("A & B *c*");
    expect(fragment).toBeInstanceOf(Html);
    expect(html`<div>${fragment}</div>`.value).toBe("<div><p>A &amp; B <em>c</em></p>\n</div>");
  });

  it("names the municipality and the day in the page's language", () => {
    const block = (lang: "sv" | "nb" | "en") =>
      commentaryBlock({ municipalityName: "Södertälje", firstSeen: "2026-01-15", text: "Ökningen beror på *en ny rutin*.", lang }).value;
    expect(block("sv")).toBe(`<aside class="commentary" aria-label="Kommunens kommentar: Södertälje">
<p class="commentary-by"><span class="commentary-label">Kommunens kommentar</span> — Södertälje, <time datetime="2026-01-15">15 januari 2026</time></p>
<div class="commentary-text"><p>Ökningen beror på <em>en ny rutin</em>.</p>
</div>
</aside>`);
    expect(block("nb")).toContain(`<span class="commentary-label">Kommunens kommentar</span> — Södertälje, <time datetime="2026-01-15">15. januar 2026</time>`);
    expect(block("en")).toContain(`<span class="commentary-label">The municipality&#39;s comment</span> — Södertälje, <time datetime="2026-01-15">15 January 2026</time>`);
    expect(block("en")).toContain(`aria-label="The municipality&#39;s comment: Södertälje"`);
  });

  it("writes a Swedish date as the other Swedish pages do (reports/time.ts)", () => {
    for (const d of ["2026-01-15", "2025-02-28", "2024-12-01", "2023-06-30"]) expect(commentaryDate(d, "sv")).toBe(formatDate(d));
  });

  it("takes a timestamp's day in the run's time zone", () => {
    // 23:30 UTC on 15 January is 00:30 on the 16th in Stockholm (UTC+1), 18:30 on the 15th in New York
    expect(calendarDate("2026-01-15T23:30:00Z", "Europe/Stockholm")).toBe("2026-01-16");
    expect(calendarDate("2026-01-15T23:30:00Z", "America/New_York")).toBe("2026-01-15");
    expect(calendarDate("2026-07-01T22:15:00+00:00", "Europe/Oslo")).toBe("2026-07-02"); // UTC+2 in summer
    expect(calendarDate("2026-01-15", "America/New_York")).toBe("2026-01-15");
    const block = commentaryBlock({ municipalityName: "Bergen", firstSeen: "2026-01-15T23:30:00Z", text: "x", lang: "nb", timeZone: "Europe/Oslo" }).value;
    expect(block).toContain(`<time datetime="2026-01-16">16. januar 2026</time>`);
    expect(() => calendarDate("15 januari", "Europe/Stockholm")).toThrow(/invalid/);
    expect(() => calendarDate("2026-13-45", "Europe/Stockholm")).toThrow(/invalid/);
  });

  it("escapes the municipality's name and shows nothing for a section without text", () => {
    const block = commentaryBlock({ municipalityName: `<b onmouseover="x">Ö</b>`, firstSeen: "2026-01-15", text: "x", lang: "sv" }).value;
    expect(block).toContain("&lt;b onmouseover=&quot;x&quot;&gt;Ö&lt;/b&gt;, <time");
    expect(block).not.toContain("<b ");
    expect(commentaryBlock({ municipalityName: "Ö", firstSeen: "2026-01-15", text: " \n\t\n", lang: "sv" }).value).toBe("");
  });

  it("has CSS that fetches nothing and needs no more than the pages' CSP allows", () => {
    expect(commentaryCss).not.toMatch(/url\(|@import|@font-face|expression\(/i);
    expect(csp).toContain("style-src 'unsafe-inline'");
  });
});

// Every hostile construct of the brief in one section, as a municipality could upload it.
const hostile = [
  "Inledning med *betoning*, **fetstil** och [en riktig länk](https://example.com/rapport).",
  "",
  "<script>alert('script')</script>",
  "",
  "<img src=x onerror=alert('img')>",
  "",
  "![bild](http://127.0.0.1:9/bild.png)",
  "",
  "[klicka](javascript:alert('js')) [KLICKA](JAVASCRIPT:alert('JS')) [mellanslag](  javascript:alert('sp')) <javascript:alert('auto')>",
  "",
  "[data](data:text/html,<script>alert('data')</script>) [rel](x.html) [proto](//127.0.0.1:9/)",
  "",
  `<a href="http://127.0.0.1:9/" onclick="alert('a')">a</a> <iframe src="http://127.0.0.1:9/"></iframe> <svg onload=alert('svg')></svg>`,
  "",
  "<style>body { display: none }</style> <link rel=stylesheet href=http://127.0.0.1:9/s.css> <object data=http://127.0.0.1:9/o></object>",
  "",
  "&lt;script&gt;alert('entity')&lt;/script&gt;",
  "",
  "## Rubrik i avsnittet",
  "",
  "`kod`",
  "",
  "| a | b |",
  "|---|---|",
  "",
  "www.example.com",
  "",
  "- punkt ett",
  "- punkt två"
].join("\n");

const required = Boolean(process.env.KAS_REQUIRE_BROWSER);
const available = browserAvailable();

describe.skipIf(!available && !required)("commentary in headless Chromium under the pages' CSP", () => {
  it("runs nothing, loads nothing and shows the hostile text as text", async () => {
    const dir = mkdtempSync(join(tmpdir(), "kas-commentary-"));
    const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
    try {
      const run = { id: 1, startedAt: "2026-01-20T10:00:00+01:00", timeZone: "Europe/Stockholm" };
      const block = commentaryBlock({ municipalityName: "Södertälje", firstSeen: "2026-01-15T09:00:00Z", text: hostile, lang: "sv" });
      // the commentary's rules until the lead adds them to reports/style.ts
      const style = css.includes(commentaryCss) ? "" : html`<style>${raw(commentaryCss)}</style>`;
      const page = layout({ title: "Kommentar", current: "index", run, body: html`${style}<h1>Kommentar</h1>${block}` });
      const file = join(dir, "commentary.html");
      writeFileSync(file, page);
      // The detectors' control: the same text trusted as HTML, on a page without the CSP, must be caught.
      const unsafe = join(dir, "unsafe.html");
      writeFileSync(unsafe, `<!DOCTYPE html><html lang="sv"><head><meta charset="utf-8"><title>x</title></head><body><main><aside class="commentary">${hostile}</aside></main></body></html>`);

      const open = async (path: string, bypassCSP = false) => {
        const url = pathToFileURL(path).href;
        const context = await browser.newContext({ javaScriptEnabled: true, bypassCSP });
        const tab = await context.newPage();
        const dialogs: string[] = [];
        const requests: string[] = [];
        const errors: string[] = [];
        tab.on("dialog", (d) => { dialogs.push(d.message()); void d.dismiss(); });
        tab.on("request", (r) => { if (r.url() !== url) requests.push(r.url()); });
        tab.on("pageerror", (e) => errors.push(String(e)));
        await tab.goto(url, { waitUntil: "load" });
        await tab.waitForTimeout(200); // let an onerror or onload handler fire, if one could
        return { context, tab, dialogs, requests, errors };
      };

      const control = await open(unsafe);
      expect(control.dialogs.length, "the control page must trip the dialog detector").toBeGreaterThan(0);
      expect(control.requests.length, "the control page must trip the request detector").toBeGreaterThan(0);
      await control.context.close();

      const { context, tab, dialogs, requests, errors } = await open(file);
      expect(dialogs).toEqual([]);
      expect(requests).toEqual([]);
      expect(errors).toEqual([]);
      const dom = await tab.evaluate(() => {
        const aside = document.querySelector("aside.commentary") as HTMLElement;
        const elements = [...aside.querySelectorAll("*")];
        return {
          count: document.querySelectorAll("aside.commentary").length,
          tags: [...new Set(elements.map((e) => e.localName))].sort(),
          handlers: elements.flatMap((e) => e.getAttributeNames().filter((a) => a.toLowerCase().startsWith("on"))),
          dangerous: aside.querySelectorAll("script, img, iframe, style, svg, object, embed, link, meta, form, input, video, audio, source, base").length,
          scripts: document.querySelectorAll("script").length,
          hrefs: [...aside.querySelectorAll("a")].map((a) => a.href),
          text: aside.innerText,
          visible: aside.getBoundingClientRect().height > 0 && getComputedStyle(document.body).display !== "none",
          label: aside.getAttribute("aria-label")
        };
      });
      expect(dom.count).toBe(1);
      expect(dom.tags).toEqual(["a", "div", "em", "li", "p", "span", "strong", "time", "ul"]);
      expect(dom.handlers).toEqual([]);
      expect(dom.dangerous).toBe(0);
      expect(dom.scripts).toBe(0);
      expect(dom.hrefs).toEqual(["https://example.com/rapport"]);
      expect(dom.visible).toBe(true);
      expect(dom.label).toBe("Kommunens kommentar: Södertälje");
      for (const shown of [
        "Kommunens kommentar — Södertälje, 15 januari 2026",
        "<script>alert('script')</script>",
        "<img src=x onerror=alert('img')>",
        "![bild](http://127.0.0.1:9/bild.png)",
        "[klicka](javascript:alert('js'))",
        "[KLICKA](JAVASCRIPT:alert('JS'))",
        "<javascript:alert('auto')>",
        "<iframe src=\"http://127.0.0.1:9/\"></iframe>",
        "<style>body { display: none }</style>",
        "&lt;script&gt;alert('entity')&lt;/script&gt;",
        "## Rubrik i avsnittet",
        "`kod`",
        "www.example.com"
      ]) expect(dom.text).toContain(shown);

      // the visible javascript: text is not a link: clicking it goes nowhere and runs nothing
      await tab.getByText("[klicka](javascript:alert('js'))", { exact: false }).click();
      expect(dialogs).toEqual([]);
      expect(requests).toEqual([]);
      mkdirSync(join(import.meta.dirname, "tmp", "screenshots"), { recursive: true });
      await tab.locator("aside.commentary").screenshot({ path: join(import.meta.dirname, "tmp", "screenshots", "commentary.png") });
      await context.close();

      // accessibility of the block (axe-core, in a context that lets its script past the CSP)
      const audit = await open(file, true);
      await audit.tab.addScriptTag({ content: readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8") });
      const violations = await audit.tab.evaluate(async () => {
        const axe = (window as unknown as { axe: { run: (ctx: object, o: object) => Promise<{ violations: { id: string; impact: string | null; nodes: unknown[] }[] }> } }).axe;
        const result = await axe.run(document, { resultTypes: ["violations"] });
        return result.violations.map((v) => `${v.id} (${v.impact})`);
      });
      expect(violations).toEqual([]);
      await audit.context.close();
    } finally {
      await browser.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

describe("the language of a municipality's words", () => {
  const textLang = (municipality: string, lang: "sv" | "nb" | "en") => {
    const block = String(commentaryBlock({ municipalityName: "X", municipality, firstSeen: "2026-01-15", text: "Vi har fler deltagare.", lang }));
    return new JSDOM(block).window.document.querySelector(".commentary-text")!.getAttribute("lang");
  };
  it("is marked where it is not the page's: a Swedish municipality's on an English page, a Norwegian one's on a Swedish page", () => {
    expect(textLang("0180", "en")).toBe("sv");
    expect(textLang("0180", "sv")).toBeNull();
    expect(textLang("0301", "en")).toBe("nb");
    expect(textLang("0301", "sv")).toBe("nb");
    expect(textLang("0301", "nb")).toBeNull();
    expect(textLang("0180", "nb")).toBe("sv");
  });
  it("is not claimed for a code both countries have that year, unless the pages are Norwegian, nor for a code no list has", () => {
    expect(commentaryLanguage("1860", "en", 2026)).toBeUndefined();
    expect(commentaryLanguage("1860", "sv", 2026)).toBeUndefined();
    expect(commentaryLanguage("1860", "nb", 2026)).toBe("nb");
    expect(commentaryLanguage("9999", "en", 2026)).toBeUndefined();
    expect(textLang("1860", "en")).toBeNull();
    // a code one country had before and the other has now is the latter's in the commentary's year
    expect(commentaryLanguage("0128", "en", 2026)).toBe("sv");
    expect(textLang("0128", "en")).toBe("sv");
  });
});
