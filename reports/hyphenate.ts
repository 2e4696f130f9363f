// Soft hyphens in long words of a label (category names such as "Kommunal
// arbetsmarknadsanställning"), so a narrow table header or chart panel title breaks a long Swedish
// compound with a hyphen at a sensible place instead of overflowing or breaking it anywhere. A soft
// hyphen is invisible where the line does not break; Plot's text wrapping and browsers both honour it.

/** Where a long Swedish compound is best broken: before a head word the code lists use. */
const heads = ["anställning", "aktiviteter", "marknadens", "marknaden", "förfogande", "vägledning", "utbildning", "träning"];

/** A label with a soft hyphen in each word longer than `max` characters (at least 6): before a
 *  known head word, else after the joint "s" nearest the middle, else in the middle; pieces still
 *  too long are broken again. */
export function hyphenate(label: string, maxChars: number): string {
  const max = Math.max(6, maxChars);
  return label.split(" ").map((w) => {
    if (w.length <= max) return w;
    const lower = w.toLowerCase();
    const head = heads.map((h) => lower.lastIndexOf(h)).find((i) => i >= 3 && i <= max - 1 && w.length - i <= max);
    if (head !== undefined) return `${w.slice(0, head)}\u00ad${hyphenate(w.slice(head), max)}`;
    let at = -1;
    for (let i = 3; i < Math.min(w.length - 3, max - 1); i++) if (lower[i - 1] === "s" && (at < 0 || Math.abs(i - w.length / 2) < Math.abs(at - w.length / 2))) at = i;
    if (at < 0) at = Math.min(max - 1, Math.ceil(w.length / 2));
    return `${w.slice(0, at)}\u00ad${hyphenate(w.slice(at), max)}`;
  }).join(" ");
}

