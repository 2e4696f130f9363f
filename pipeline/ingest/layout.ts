// A file's layout: which extract kind its header says it is (contract §2: "told apart by its
// columns"), and which contract column each of its columns holds, after the profile's renames (§4).
import { finding, type Finding } from "../contract/finding.js";
import { masked } from "../contract/messages.js";
import { normaliseKey, type Profile } from "../contract/profile.js";
import { kindNames, type KindName, type Schema } from "../contract/schema.js";

export interface Layout {
  readonly kind: KindName;
  /** for each column of the file, in order: the contract column it holds, or null (extra, not loaded) */
  readonly columns: readonly (string | null)[];
}

/** Tells the kind and maps the header; header problems are findings (line 1). */
export function layoutOf(
  header: readonly string[],
  profile: Profile | null,
  s: Schema,
  display: string
): { layout: Layout | null; findings: Finding[] } {
  const findings: Finding[] = [];
  // the "header" of a file without one is its first data row: never show an identity number from it
  const shown = header.map(masked);
  const mapped = header.map((h) => {
    const key = normaliseKey(h);
    if (profile?.columns[key]) return profile.columns[key];
    return key;
  });

  const scores = kindNames.map((kind) => {
    const names = new Set(s.kinds[kind].columns.map((c) => c.name));
    const present = new Set(mapped.filter((m) => names.has(m)));
    const required = s.kinds[kind].columns.filter((c) => c.column === "required").map((c) => c.name);
    return { kind, present: present.size, missing: required.filter((r) => !present.has(r)) };
  });
  // The kind whose columns the header has most of; bistand and insats share five columns, so at
  // least one column of its own must be there.
  scores.sort((a, b) => b.present - a.present || a.missing.length - b.missing.length);
  const best = scores[0];
  const own = ownColumns(s, best.kind);
  if (best.present === 0 || !mapped.some((m) => own.has(m)) || (scores[1] && scores[1].present === best.present && scores[1].missing.length === best.missing.length)) {
    const expect = kindNames
      .map((k) => `${k}: ${s.kinds[k].columns.filter((c) => c.column === "required").map((c) => c.name).join(", ")}`)
      .join("; ");
    // a first line of data (no header) is not repeated: it holds household ids and other personal data
    const data = header.some((h) => looksLikeData.test(h.trim()));
    const first = data
      ? "Första raden ser ut att vara en datarad (den innehåller t.ex. en kommunkod, en månad eller ett identitetsnummer), inte en rubrikrad, och visas därför inte. Lägg till rubrikraden först i filen."
      : `Rubrikraden (${shown.join(", ")}) liknar ingen av extrakttyperna.`;
    findings.push(
      finding("FATAL", data ? "no_header" : "unknown_kind", display,
        `${first} Första raden ska vara kolumnnamnen enligt kontraktet — ${expect}` +
          (profile ? ` — eller de namn som profilen ${profile.name} översätter.` : `. Använder kommunen egna kolumnnamn behövs en profil i schemas/profiles/.`),
        { line: 1 })
    );
    return { layout: null, findings };
  }
  const kind = best.kind;
  const kindColumns = new Set(s.kinds[kind].columns.map((c) => c.name));
  const seen = new Map<string, number>();
  const columns = mapped.map((m, i) => {
    if (header[i].trim() === "") {
      const last = i === header.length - 1;
      findings.push(
        finding("WARNING", "empty_column_name", display,
          `Kolumn ${i + 1} i rubrikraden saknar namn och läses inte in.` +
            (last
              ? " Rubrikraden slutar troligen med en extra avgränsare (till exempel ett semikolon sist på raden, som Excel ibland skriver); ta gärna bort den i exporten."
              : " Ge kolumnen ett namn i rubrikraden om den ska läsas, annars kan den tas bort ur exporten."),
          { line: 1, column: `kolumn ${i + 1}` })
      );
      return null;
    }
    if (!kindColumns.has(m)) {
      findings.push(
        finding("WARNING", "extra_column", display,
          `Kolumnen "${shown[i]}" ingår inte i en ${kind}-fil och läses inte in. Ta bort den ur exporten, eller lägg till namnet i kommunens profil om den är en kontraktskolumn med annat namn.`,
          { line: 1, column: shown[i] })
      );
      return null;
    }
    if (seen.has(m)) {
      findings.push(
        finding("FATAL", "duplicate_column", display,
          `Kolumnerna "${shown[seen.get(m)!]}" och "${shown[i]}" betyder båda ${m}. Varje kontraktskolumn får bara finnas en gång; ta bort den ena.`,
          { line: 1, column: m })
      );
      return null;
    }
    seen.set(m, i);
    return m;
  });
  for (const missing of best.missing) {
    findings.push(
      finding("FATAL", "missing_column", display,
        `Kolumnen ${missing} saknas, men den krävs i en ${kind}-fil. Lägg till den i exporten` +
          (profile ? `, eller mappa kommunens kolumnnamn till ${missing} i profilen ${profile.name}.` : ` med exakt det namnet (eller beskriv kommunens namn i en profil).`),
        { line: 1, column: missing })
    );
  }
  return { layout: { kind, columns }, findings };
}

/** A cell that is a value rather than a column name: a municipality code, a month or date, a number, a hex pseudonym. */
const looksLikeData = /^(\d{4}|\d{4}-\d{2}(-\d{2})?|[\d\s.,+-]{6,}|[0-9a-fA-F]{16,64})$/;

function ownColumns(s: Schema, kind: KindName): Set<string> {
  const others = new Set(kindNames.filter((k) => k !== kind).flatMap((k) => s.kinds[k].columns.map((c) => c.name)));
  return new Set(s.kinds[kind].columns.map((c) => c.name).filter((n) => !others.has(n)));
}
