// The colours of a breakdown's categories, in the dimension's order, the same in every chart of a
// dimension. Neighbours differ in hue and lightness so stacked segments stay apart (a white gap
// separates them too); every colour has at least 3:1 contrast on white (WCAG 1.4.11), and colour
// never carries meaning alone: the legend names the categories in order and the table has every
// value. `none` (Uppgift saknas) is a neutral grey.
import { html, raw, type Html } from "./html.js";
import type { Category } from "./model.js";
import type { Words } from "./words.js";

const palette = ["#1f5fa8", "#c26a00", "#2e7d4f", "#b8373a", "#6d4fa0", "#8a6336", "#b0467f", "#3f7f8c", "#7a7a1f", "#404040"] as const;
const noneColour = "#8c8c8c";

/** Colour per category, aligned with the categories. */
export function categoryColours(categories: readonly Category[]): string[] {
  let k = 0;
  return categories.map((c) => (c.code === "none" ? noneColour : palette[k++ % palette.length]));
}

/** Relative luminance (WCAG) of #rrggbb. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** Text on a segment: white or near-black, whichever contrasts more. */
export function textOn(hex: string): string {
  const l = luminance(hex);
  return 1.05 / (l + 0.05) >= (l + 0.05) / (luminance(dark) + 0.05) ? "#ffffff" : dark;
}
const dark = "#111111";

/** A square legend sample. Decorative: the text says it. */
export function swatch(colour: string): Html {
  return raw(`<svg width="14" height="14" viewBox="0 0 14 14" aria-hidden="true" focusable="false"><rect x="0.5" y="0.5" width="13" height="13" fill="${colour}" stroke="#ffffff"/></svg>`);
}

/** The sample of what a chart leaves unfilled: withheld or missing categories, hatched. */
export function hatchSwatch(): Html {
  return raw(`<svg width="14" height="14" viewBox="0 0 14 14" aria-hidden="true" focusable="false"><rect x="0.5" y="0.5" width="13" height="13" fill="#ffffff" stroke="#6b6b6b"/><path d="M0.5 9.5L9.5 0.5M4.5 13.5L13.5 4.5" stroke="#6b6b6b" stroke-width="1.4"/></svg>`);
}

/** The categories with their colours, in order, as a list. */
export function categoryLegend(categories: readonly Category[], colours: readonly string[], w: Words, extra: readonly Html[] = []): Html {
  return html`<ul class="legend legend-categories" aria-label="${w.chart.legend}">${categories.map((c, k) => html`<li>${swatch(colours[k])}${w.name(c)}</li>`)}${extra}</ul>`;
}
