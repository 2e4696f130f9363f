// Checks published pages the way a reader's browser sees them, in real headless Chromium: console
// errors, network requests (a page must fetch nothing), scripts (there must be none), accessibility
// (axe-core), a full-page screenshot, and print to A4 with every chart whole on one page — as much of
// it as the page's Depth says.
// Reusable: point checkPages at any directory of pages, e.g. a real published site.
import { existsSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { basename, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium, type Browser, type Page } from "playwright-core";

export const chromiumPath = "/usr/bin/chromium";
export const chromiumArgs = [
  "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync"
];

/** A4 with the pages' 12 mm print margins, at CSS's 96 px per inch. */
export const printMarginMm = 12;
const mm = 96 / 25.4;
export const printableWidthPx = (210 - 2 * printMarginMm) * mm;
export const printableHeightPx = (297 - 2 * printMarginMm) * mm;

/**
 * How much of the check a page gets. "full": axe-core, a full-page screenshot and a PDF. "markup": axe-core
 * without its colour-contrast rule and a full-page screenshot — for a page of another template whose
 * colours are the stylesheet's, audited in full on a page of their own (on a page of 10⁵ elements
 * colour contrast is 60 % of axe's 20–45 s). "open": opened, its first screen captured, measured in
 * print — a page of a template audited on another page, with other figures. Every page is checked for
 * console errors, requests and scripts, and its charts and width measured in print.
 */
export type Depth = "full" | "markup" | "open";

export interface AxeViolation { id: string; impact: string | null; help: string; targets: string[] }
export interface ChartCheck { id: string; width: number; height: number; breakInside: string; fits: boolean }
export interface PageCheck {
  file: string;
  consoleErrors: string[];
  /** every request other than the page itself (file://) */
  requests: string[];
  scripts: number;
  /** how much of the check the page got (CheckOptions.depth) */
  depth: Depth;
  axe: AxeViolation[];
  screenshot: string;
  pdf: string | null;
  /** measured with print media emulated at the printable width of A4 */
  charts: ChartCheck[];
  /** the page's width in print at the printable width of A4; wider means Chrome shrinks the page to fit */
  printWidth: number;
}

export interface CheckOptions {
  screenshotDir: string;
  /** where to write one PDF per page; omit to skip printing to PDF (charts are still measured) */
  pdfDir?: string;
  /** run axe-core (default true) */
  axe?: boolean;
  /** how much of the check each page gets (default: "full" for every page) */
  depth?: (file: string) => Depth;
  executablePath?: string;
  viewport?: { width: number; height: number };
}

/** Whether the browser is there; tests skip without it unless KAS_REQUIRE_BROWSER is set. */
export function browserAvailable(path = chromiumPath): boolean {
  return existsSync(path);
}

const axeSource = (): string => readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

async function checkOne(browser: Browser, file: string, options: CheckOptions, axe: string | null): Promise<PageCheck> {
  const url = pathToFileURL(file).href;
  const name = basename(file, ".html");
  const viewport = options.viewport ?? { width: 1280, height: 900 };
  const context = await browser.newContext({ viewport, javaScriptEnabled: true });
  const consoleErrors: string[] = [];
  const requests: string[] = [];
  let page: Page;
  try {
    page = await context.newPage();
    page.on("console", (m) => { if (m.type() === "error") consoleErrors.push(m.text()); });
    page.on("pageerror", (e) => consoleErrors.push(String(e)));
    page.on("request", (r) => { if (r.url() !== url) requests.push(r.url()); });
    await page.goto(url, { waitUntil: "load" });
    const depth = options.depth?.(basename(file)) ?? "full";
    const scripts = await page.evaluate(() => document.querySelectorAll("script").length);
    mkdirSync(options.screenshotDir, { recursive: true });
    const screenshot = join(options.screenshotDir, `${name}.png`);
    // Chromium now and then fails to capture a tall page ("Unable to capture screenshot", seen once in
    // CI on the site's largest page): the page is the same, so the capture is tried once more
    const fullPage = depth !== "open";
    await page.screenshot({ path: screenshot, fullPage }).catch((e: Error) => {
      if (!/Unable to capture screenshot/.test(e.message)) throw e;
      return page.screenshot({ path: screenshot, fullPage });
    });

    await page.emulateMedia({ media: "print" });
    await page.setViewportSize({ width: Math.floor(printableWidthPx), height: Math.floor(printableHeightPx) });
    const charts = await page.evaluate((maxHeight) =>
      [...document.querySelectorAll("figure")].map((f) => {
        const r = f.getBoundingClientRect();
        const breakInside = getComputedStyle(f).breakInside;
        return { id: f.id, width: r.width, height: r.height, breakInside, fits: r.height <= maxHeight && breakInside === "avoid" };
      }), printableHeightPx);
    const printWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    let pdf: string | null = null;
    if (options.pdfDir && depth === "full") {
      mkdirSync(options.pdfDir, { recursive: true });
      pdf = join(options.pdfDir, `${name}.pdf`);
      await page.pdf({ path: pdf, format: "A4", printBackground: true, preferCSSPageSize: true });
    }
    await page.emulateMedia({ media: "screen" });

    let violations: AxeViolation[] = [];
    if (axe !== null && depth !== "open") {
      // The page's CSP forbids every script, axe included: audit in a second context that bypasses it.
      const audit = await browser.newContext({ viewport, bypassCSP: true });
      try {
        const p = await audit.newPage();
        await p.goto(url, { waitUntil: "load" });
        await p.addScriptTag({ content: axe });
        const rules = depth === "markup" ? { "color-contrast": { enabled: false } } : {};
        violations = await p.evaluate(async (rules) => {
          const result = await (window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[] }> } }).axe.run(document, { resultTypes: ["violations"], rules });
          return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.map(String).join(" ")) }));
        }, rules);
      } finally {
        await audit.close();
      }
    }
    return { file, consoleErrors, requests, scripts, depth, axe: violations, screenshot, pdf, charts, printWidth };
  } finally {
    await context.close();
  }
}

/** Opens every *.html in `dir` from file:// and reports what a reader's browser saw, page by page. */
export async function checkPages(dir: string, options: CheckOptions): Promise<PageCheck[]> {
  const files = readdirSync(dir).filter((f) => f.endsWith(".html")).sort().map((f) => resolve(dir, f));
  const browser = await chromium.launch({ executablePath: options.executablePath ?? chromiumPath, args: chromiumArgs });
  try {
    const axe = options.axe === false ? null : axeSource();
    const results: PageCheck[] = [];
    for (const file of files) results.push(await checkOne(browser, file, options, axe));
    return results;
  } finally {
    await browser.close();
  }
}
