// The findings catalogue (pipeline/contract/findings.ts): every code the pipeline and the SQL checks
// use is in it (and it has no code nobody uses), every entry speaks Swedish, Norwegian and English, and the
// Swedish messages are exactly those users saw before the catalogue existed.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import {
  codes,
  entries,
  findingOf,
  found,
  foundMore,
  isCode,
  messageOf,
  moreMessageOf,
  problem,
  severities,
  stages,
  type Code,
  type Lang,
  type ParamsOf
} from "../pipeline/contract/findings.js";
import { kindNames, schema } from "../pipeline/contract/schema.js";
import { findingMessage } from "../pipeline/contract/finding.js";
import { checksSql } from "../pipeline/load/checks.js";
import { packageRoot } from "../pipeline/system/paths.js";

function filesUnder(dir: string, ext: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path, ext) : path.endsWith(ext) ? [path] : [];
  });
}

const catalogueFile = join(packageRoot, "pipeline", "contract", "findings.ts");
const pipelineSources = filesUnder(join(packageRoot, "pipeline"), ".ts").filter((f) => f !== catalogueFile);
const checkSources = filesUnder(join(packageRoot, "sql", "checks"), ".sql");

/** Codes an SQL text names: `'code' AS code`, and the THEN/ELSE branches of a `CASE … END AS code`. */
function sqlCodes(sql: string): string[] {
  const direct = [...sql.matchAll(/'([a-z0-9_]+)'\s+AS\s+code\b/g)].map((m) => m[1]);
  const cases = [...sql.matchAll(/CASE\b((?:(?!\bCASE\b)[\s\S])*?)\bEND\s+AS\s+code\b/g)].flatMap((m) =>
    [...m[1].matchAll(/\b(?:THEN|ELSE)\s+'([a-z0-9_]+)'/g)].map((c) => c[1])
  );
  return [...direct, ...cases];
}

/** Where each code is used: the pipeline's found("…") / problem("…") calls, the codes checks.ts
 *  gives the SQL checks' parameters for, the SQL checks, and the value checks derived from the schema. */
function usedCodes(): Map<string, string[]> {
  const used = new Map<string, string[]>();
  const add = (code: string, where: string) => used.set(code, [...(used.get(code) ?? []), where]);
  for (const file of pipelineSources) {
    const text = readFileSync(file, "utf8");
    const where = relative(packageRoot, file);
    for (const m of text.matchAll(/\b(?:found|problem)\(\s*"([a-z0-9_]+)"/g)) add(m[1], where);
    const params = text.indexOf("function checkFinding(");
    if (params >= 0) for (const m of text.slice(params).matchAll(/\bcase\s+"([a-z0-9_]+)":/g)) add(m[1], `${where} (checkFinding)`);
  }
  for (const file of checkSources) for (const code of sqlCodes(readFileSync(file, "utf8"))) add(code, relative(packageRoot, file));
  const s = schema();
  for (const kind of kindNames) for (const code of sqlCodes(checksSql(kind, s, "2025-01-01"))) add(code, `checksSql(${kind})`);
  return used;
}

describe("the findings catalogue", () => {
  const used = usedCodes();

  it("finds the codes in the sources (the grep works)", () => {
    for (const code of ["missing_column", "no_header", "utf16", "corrupt_xlsx", "too_few_fields", "no_rows", "wrong_municipality", "couples_one_coded", "missing_household_id", "invalid_amount"]) {
      expect(used.has(code), code).toBe(true);
    }
    expect(sqlCodes("CASE p.problem WHEN 'checksum' THEN 'person_id_checksum' ELSE 'invalid_person_id' END AS code")).toEqual(["person_id_checksum", "invalid_person_id"]);
  });

  it("has every code used anywhere in pipeline/ and sql/checks/", () => {
    const missing = [...used].filter(([code]) => !isCode(code)).map(([code, where]) => `${code} (${where.join(", ")})`);
    expect(missing).toEqual([]);
  });

  it("has no code that nothing uses", () => {
    expect(codes.filter((c) => !used.has(c))).toEqual([]);
  });

  it("is the only place findings are made: no call site passes a severity or words", () => {
    for (const file of pipelineSources) {
      const text = readFileSync(file, "utf8");
      expect(text, relative(packageRoot, file)).not.toMatch(/\bfinding\(\s*"(FATAL|ERROR|WARNING|INFO)"/);
      expect(text, relative(packageRoot, file)).not.toMatch(/\bcode:\s*"[a-z_]+",\s*message:/);
    }
  });

  it("gives every entry a severity, a stage, and a title and fix in Swedish, Norwegian and English", () => {
    expect(entries.length).toBe(codes.length);
    for (const e of entries) {
      expect(Object.keys(severities), e.code).toContain(e.severity);
      expect(Object.keys(stages), e.code).toContain(e.stage);
      for (const text of [e.title, e.fix]) {
        expect(text.sv.trim(), e.code).not.toBe("");
        expect(text.en.trim(), e.code).not.toBe("");
        expect(text.nb.trim(), e.code).not.toBe("");
        expect(text.en, e.code).not.toBe(text.sv);
        expect(text.nb, e.code).not.toBe(text.sv);
        expect(text.nb, e.code).not.toMatch(swedishOnly);
      }
    }
    for (const s of Object.values(severities)) for (const text of [s.label, s.meaning]) expect(text.nb).not.toBe(text.sv);
    // the stage "Kommunens kommentar (.md)" is the same words in both languages
    for (const text of Object.values(stages)) expect(text.nb).not.toMatch(swedishOnly);
  });

  it("renders every code's message in both languages, for every form of its parameters", () => {
    for (const code of codes) {
      const forms = samples[code] as readonly ParamsOf<typeof code>[];
      expect(forms.length, code).toBeGreaterThan(0);
      for (const params of forms) {
        const sv = messageOf(code, params, "sv");
        const nb = messageOf(code, params, "nb");
        const en = messageOf(code, params, "en");
        for (const [lang, text] of [["sv", sv], ["nb", nb], ["en", en]] as [Lang, string][]) {
          expect(text.length, `${code} ${lang}`).toBeGreaterThan(20);
          expect(text, `${code} ${lang}`).not.toMatch(/undefined|\[object Object\]|NaN/);
        }
        expect(en, code).not.toBe(sv);
        // English, not Swedish left behind (Swedish names of things, such as personnummer, may stay)
        expect(en, code).not.toMatch(/\b(och|inte|eller|saknas|finns|raden|filen|kolumnen|rätta)\b/i);
        // Norwegian bokmål, not Swedish left behind (SCB, personnummer and samordningsnummer may stay)
        expect(nb, code).not.toBe(sv);
        expect(nb, code).not.toMatch(swedishOnly);
      }
    }
  });
});

/** Words Swedish has and Norwegian bokmål does not: in a Norwegian text, Swedish left untranslated. */
const swedishOnly = /\b(och|inte|saknas|finns|kolumnen|rätta|läses|avvisas|ladda|måste|värdet|uttaget|rubrikraden|avgränsare|kommunkod|är)\b/i;

/** Parameters for every code, in each form its message has: the test cannot compile without a
 *  code's entry here, so a new code comes with a rendered message in both languages. */
const codesOf = { codes: ["K", "M"], profile: null };
const samples: { readonly [C in Code]: readonly ParamsOf<C>[] } = {
  unsupported_file_type: [{}],
  empty_file: [{ sheet: null }, { sheet: "Blad1" }],
  utf16: [{ encoding: "UTF-16 LE" }],
  binary_content: [{ looksLike: "xlsx", line: 1 }, { looksLike: "xls", line: 1 }, { looksLike: null, line: 3 }],
  mixed_encoding: [{ bom: true, otherLine: 3 }, { bom: false, utf8Line: 2, otherLine: 5 }],
  undecodable_bytes: [{ control: true, line: 3, byte: 7 }, { control: false, line: 3, byte: 0x81 }],
  cr_line_endings: [{}],
  mixed_line_endings: [{ firstCrlf: true, line: 3 }, { firstCrlf: false, line: 3 }],
  stray_carriage_return: [{ line: 2 }],
  line_too_long: [{ seen: "inspection", line: 2, limit: 1024 * 1024 }, { seen: "reader" }],
  corrupt_xlsx: [{ reason: "xls_or_password" }, { reason: "empty" }, { reason: "not_a_workbook" }, { reason: "truncated" }, { reason: "too_large" }, { reason: "parts_missing" }, { reason: "no_contents" }, { reason: "damaged" }],
  no_worksheet: [{}],
  cells_outside_header: [{ cells: 3, firstRow: 4 }],
  oversized_xlsx: [{ reason: "ratio", bytes: 460_025, ratio: 100 }, { reason: "ratio", bytes: 12_300_000, ratio: 100 }, { reason: "cell", row: 2, limit: 1 << 20 }, { reason: "cell", row: null, limit: 1 << 20 }],
  no_header: [{ found: "blank_line" }, { found: "blank_sheet_row" }, { found: "data_row", expected: [{ kind: "bistand", columns: ["municipality", "month"] }], profile: null }],
  no_delimiter: [{ header: "a|b", unclosedQuote: false, others: ["|"] }, { header: '"a,b', unclosedQuote: true, others: [] }, { header: "ab", unclosedQuote: false, others: [] }],
  too_many_columns: [{ columns: 30_000, limit: 1000 }],
  unknown_kind: [{ header: ["foo", "bar"], expected: [{ kind: "bistand", columns: ["municipality", "month"] }], profile: "case-system-sv" }, { header: ["foo"], expected: [], profile: null }],
  profile_fits: [{ profile: "case-system-sv", matched: 9, columns: 10, file: "schemas/profiles/case-system-sv.json", folder: null }, { profile: "p", matched: 3, columns: 4, file: "p.json", folder: "0180" }],
  missing_column: [{ column: "gender", kind: "bistand", profile: null }, { column: "gender", kind: "bistand", profile: "case-system-sv" }],
  duplicate_column: [{ first: "municipality", second: "Municipality", column: "municipality" }],
  extra_column: [{ column: "notes", kind: "bistand" }],
  empty_column_name: [{ position: 3, last: true }, { position: 2, last: false }],
  too_few_fields: [{ fields: 7, header: 10, delimiter: ";" }, { fields: null, header: 10, delimiter: "\t" }],
  too_many_fields: [{ fields: 12, header: 10, delimiter: "," }, { fields: null, header: 10, delimiter: "," }],
  unterminated_quote: [{}],
  invalid_unicode: [{}],
  csv_error: [{ cause: "unread_records", line: 7 }, { cause: "unread_records", line: null }, { cause: "reader", error: "CAST ERROR" }],
  checks_skipped: [{}],
  blank_rows: [{ rows: 1 }, { rows: 2 }],
  no_rows: [{}],
  missing_value: [{ column: "gender", codes: codesOf }, { column: "month", codes: null }],
  unknown_code: [
    { value: "X", column: "gender", codes: codesOf, profile: null },
    { value: "X", column: "gender", codes: { codes: ["K", "M"], profile: { name: "p", codes: ["Kvinna"] } }, profile: { name: "p", file: "p.json" } },
    { value: "sjuk", column: "Försörjningshinder", codes: { codes: schema().lists.reason.codes.map((c) => c.code), profile: null, list: "reason" }, profile: null },
    { value: "xyz", column: "reason", codes: { codes: schema().lists.reason.codes.map((c) => c.code), profile: { name: "p", codes: ["Arbetslös"] }, list: "reason" }, profile: { name: "p", file: "p.json" } }
  ],
  invalid_month: [{ value: "2024-13", format: { column: "month", profile: null } }, { value: "202413", format: { column: "month", profile: { name: "p", format: "%Y%m" } } }],
  invalid_date: [{ value: "2024-02-30", format: { column: "start_date", profile: null } }],
  invalid_year: [{ value: "19x7" }],
  invalid_amount: [{ value: "12 000 kr" }],
  invalid_municipality: [{ value: "01x0", profile: null }, { value: "Sthlm", profile: "p" }],
  missing_person_id: [{}, { column: "Personnummer" }],
  invalid_person_id: [{}, { column: "Personnummer" }],
  person_id_checksum: [{}, { column: "pnr" }],
  person_id_placeholder: [{}, { column: "pnr" }],
  missing_household_id: [{}, { column: "Hushållsnummer" }],
  future_date: [{ value: "2031-01" }],
  wrong_municipality: [{ value: "0182", folder: "0180", first: "0180" }, { value: "0182", folder: null, first: "0180" }],
  municipality_not_in_years: [
    { value: "9998", years: [2024, 2025], valid: [], snapshot: null, oneCode: true, reason: "unknown" },
    {
      value: "0219", years: [2024, 2025], valid: [], snapshot: null, oneCode: true, reason: "replaced", country: "NO", name: "Bærum", to: 2019,
      successors: [{ code: "3024", name: "Bærum", from: 2020 }, { code: "3201", name: "Bærum", from: 2024 }]
    },
    {
      value: "0219", years: [2022, 2024], valid: [], snapshot: null, oneCode: true, reason: "replaced", country: "NO", name: "Bærum", to: 2019,
      successors: [{ code: "3024", name: "Bærum", from: 2020 }, { code: "3201", name: "Bærum", from: 2024 }]
    },
    {
      value: "1507", years: [2024], valid: [2023], snapshot: null, oneCode: true, reason: "replaced", country: "NO", name: "Ålesund", to: 2023,
      successors: [{ code: "1508", name: "Ålesund", from: 2024 }, { code: "1580", name: "Haram", from: 2024 }]
    },
    {
      value: "0219", years: [2021], valid: [], snapshot: { date: "2021-06-30", source: "rows" }, oneCode: true, reason: "replaced", country: "NO", name: "Bærum", to: 2019,
      successors: [{ code: "3024", name: "Bærum", from: 2020 }, { code: "3201", name: "Bærum", from: 2024 }]
    },
    {
      value: "3201", years: [2023], valid: [2024], snapshot: null, oneCode: true, reason: "other_years", country: "NO", name: "Bærum", from: 2024, to: null,
      earlier: [{ code: "3024", name: "Bærum", from: 2020, to: 2023 }]
    },
    {
      value: "3201", years: [2023], valid: [], snapshot: { date: "2023-12-20", source: "rows" }, oneCode: true, reason: "other_years", country: "NO", name: "Bærum", from: 2024, to: null,
      earlier: [{ code: "3024", name: "Bærum", from: 2020, to: 2023 }]
    },
    { value: "0330", years: [2002], valid: [], snapshot: { date: "2002-12-31", source: "file_name" }, oneCode: true, reason: "other_years", country: "SE", name: "Knivsta", from: 2003, to: null, earlier: [] },
    { value: "0330", years: [2002], valid: [], snapshot: null, oneCode: false, reason: "other_years", country: "SE", name: "Knivsta", from: 2003, to: null, earlier: [] }
  ],
  birth_after_row_year: [{ birthYear: "2030", rowYear: "2024" }],
  unusual_age: [{ birthYear: "1900", age: "124" }],
  duplicate_person_month: [{ month: "2024-03", firstLine: "14" }],
  missing_amount: [{ month: "2024-03" }, { month: "2024-03", column: "Belopp" }],
  conflicting_amounts: [{ month: "2024-03", amounts: "100, 200" }],
  end_before_start: [{ end: "2024-02-01", start: "2024-03-01" }],
  exit_reason_missing: [{ end: "2024-04-01", codes: { codes: ["work", "studies"], profile: null } }],
  exit_reason_without_end: [{ value: "work" }],
  couples_one_coded: [{ share: "60 %" }],
  wrong_folder: [
    { kind: "population", folder: "0180", belongs: "network" },
    { kind: "survey", folder: "network", belongs: "municipality" },
    { kind: "commentary", folder: "network", belongs: "municipality" }
  ],
  missing_respondent: [{}, { column: "Svarande" }],
  respondent_identity_number: [{}, { column: "Svarande" }],
  invalid_calendar_year: [{ value: "24" }, { value: "20x4", column: "År" }],
  invalid_integer: [{ value: "7", column: "answer", min: 1, max: 6 }, { value: "-3", column: "persons", min: 0, max: null }],
  duplicate_survey_answer: [{ question: "respect", firstLine: "4" }],
  duplicate_population_row: [{ row: "0180, 2024, K, 35", firstLine: "12" }],
  commentary_not_text: [{ reason: "utf16", line: 1 }, { reason: "nul", line: 3 }, { reason: "encoding", line: 2 }],
  commentary_too_large: [{ bytes: 2_500_000, limit: 1 << 20 }],
  commentary_identity_number: [{}],
  commentary_unknown_heading: [
    { heading: "Arbetslösa", targetGroup: null, targetGroups: ["all", "unemployment"] },
    { heading: "unemployment / recipients_per_100", targetGroup: "unemployment", targetGroups: ["all", "unemployment"] }
  ],
  commentary_small_number: [{ number: "2", threshold: 3 }]
};

describe("the Swedish messages are exactly today's", () => {
  const s = schema();
  const reasons = s.lists.reason.codes.map((c) => c.code);
  const exitReasons = s.lists.exit_reason.codes.map((c) => c.code);
  const profileCodes = { codes: ["K", "M"], profile: { name: "case-system-sv", codes: ["Kvinna", "Man"] } };

  it.each<[string, string]>([
    [
      messageOf("unknown_code", { value: "Okänd", column: "gender", codes: profileCodes, profile: { name: "case-system-sv", file: "schemas/profiles/case-system-sv.json" } }),
      '"Okänd" är ingen känd kod för gender. Giltiga koder: K, M, eller det profilen case-system-sv översätter: Kvinna, Man. Rätta värdet i verksamhetssystemets export, eller lägg till översättningen i profilen case-system-sv (schemas/profiles/case-system-sv.json).'
    ],
    [
      // a long list: 8 of its codes (none looks like "foo": the first ones) and where the rest are
      messageOf("unknown_code", { value: "foo", column: "reason", codes: { codes: reasons, profile: null }, profile: null }),
      '"foo" är ingen känd kod för reason. Giltiga koder (23): unemployed_no_benefit, unemployed_insufficient_benefit, unemployed_awaiting_benefit, establishment_insufficient, establishment_awaiting, establishment_none, sick_certified_no_benefit, sick_certified_insufficient … och 15 till, se kodlistan: kas-webbplatsens codes.html. Rätta värdet i exporten, eller beskriv kommunens egna koder i en profil i schemas/profiles/.'
    ],
    [
      // those most like the value, by the code or its Swedish label, named with the label
      messageOf("unknown_code", { value: "sjuk", column: "Försörjningshinder", codes: { codes: reasons, profile: null, list: "reason" }, profile: null }),
      '"sjuk" är ingen känd kod för Försörjningshinder. Giltiga koder (23), de som liknar värdet mest: sick_certified_no_benefit (Sjukskriven med läkarintyg – ingen sjukpenning), sick_certified_insufficient (Sjukskriven med läkarintyg – otillräcklig sjukpenning), sick_certified_awaiting (Sjukskriven med läkarintyg – väntar på sjukpenning), disability_comp_insufficient (Sjuk- eller aktivitetsersättning – otillräcklig), disability_comp_awaiting (Sjuk- eller aktivitetsersättning – väntar på ersättning) … och 18 till, se kodlistan: kas-webbplatsens codes.html. Rätta värdet i exporten, eller beskriv kommunens egna koder i en profil i schemas/profiles/.'
    ],
    [
      messageOf("profile_fits", { profile: "case-system-sv", matched: 9, columns: 10, file: "schemas/profiles/case-system-sv.json", folder: null }),
      "Kolumnerna liknar profilen case-system-sv (9 av 10 kolumner): prova --profile case-system-sv. kas run läser en kommuns filer med profilen när kommunkoden står under municipalities i schemas/profiles/case-system-sv.json."
    ],
    [
      messageOf("missing_person_id", { column: "Personnummer" }),
      "Personnummer saknas. Varje rad ska ha personnummer, samordningsnummer, fødselsnummer/D-nummer eller en pseudonym."
    ],
    [
      messageOf("invalid_month", { value: "202413", format: { column: "month", profile: { name: "case-system-sv", format: "%Y%m" } } }),
      '"202413" är ingen giltig månad. Skriv ÅÅÅÅ-MM, t.ex. 2024-03, eller som profilen case-system-sv anger (%Y%m).'
    ],
    [
      messageOf("missing_value", { column: "gender", codes: profileCodes }),
      "gender saknar värde, men måste fyllas i på varje rad. Giltiga koder: K, M, eller det profilen case-system-sv översätter: Kvinna, Man."
    ],
    [
      messageOf("wrong_municipality", { value: "0182", folder: null, first: "0180" }),
      "Raden anger kommun 0182, men filen kom från kommun 0180 (filens första rad). En kommuns mapp får bara innehålla den kommunens uppgifter, så hela filen avvisas. Ladda upp filen i rätt kommuns mapp, eller rätta kommunkoden."
    ],
    [
      moreMessageOf({ code: "duplicate_person_month", params: { month: "…", firstLine: "…" } }, { shown: 20, total: 25 }),
      "Samma fel på ytterligare 5 rader (25 totalt); de 20 första visas ovan. Personen finns redan på rad … för månaden … i samma fil. En person får bara ha en rad per månad; slå ihop raderna."
    ],
    [
      messageOf("exit_reason_missing", { end: "2024-04-01", codes: { codes: exitReasons, profile: null } }),
      "Insatsen avslutades 2024-04-01 men saknar avslutsorsak. Fyll i avslutsorsaken, eller lämna slutdatum tomt om insatsen pågår. Giltiga koder: work, studies, municipal_employment, other_measure, employment_service, ill_health, moved, dropped_out, other, unknown."
    ],
    [
      messageOf("corrupt_xlsx", { reason: "too_large" }),
      "Filen kan inte läsas som en Excel-arbetsbok (.xlsx): filen är för stor (över 4 GB). Öppna den i Excel och spara den på nytt som ”Excel-arbetsbok (*.xlsx)”, eller spara uttaget som ”CSV UTF-8 (kommaavgränsad) (*.csv)”, och ladda upp det igen."
    ],
    [
      messageOf("corrupt_xlsx", { reason: "xls_or_password" }),
      "Filen kan inte läsas som en Excel-arbetsbok (.xlsx): den är sparad i det gamla .xls-formatet eller skyddad med lösenord. Öppna den i Excel, ta bort ett eventuellt lösenord och spara den som ”Excel-arbetsbok (*.xlsx)”, eller spara uttaget som ”CSV UTF-8 (kommaavgränsad) (*.csv)”, och ladda upp det igen."
    ],
    [
      messageOf("no_worksheet", {}),
      "Arbetsboken har inget arbetsblad som kan läsas (det första bladet saknas eller är ett diagramblad). Lägg uttaget i arbetsbokens första blad, med kolumnnamnen i rad 1, spara och ladda upp filen igen."
    ],
    [
      messageOf("no_delimiter", { header: "municipality|month|[siffror dolda]", unclosedQuote: false, others: ["|"] }),
      "Rubrikraden har bara en kolumn: ”municipality|month|[siffror dolda]”. I stället för en godkänd avgränsare innehåller raden ”|”. Godkända avgränsare mellan kolumnerna är komma (,), semikolon (;) och tabb. Spara filen i Excel som ”CSV (semikolonavgränsad) (*.csv)” eller ”CSV UTF-8 (kommaavgränsad) (*.csv)”, eller exportera den på nytt med en av de godkända avgränsarna."
    ],
    [
      messageOf("too_few_fields", { fields: null, header: 10, delimiter: "\t" }),
      "Raden har färre fält men rubriken har 10. Kontrollera avgränsaren (tabb) och att inga fält saknas eller har radbrytningar utan citattecken."
    ],
    [
      messageOf("too_many_fields", { fields: 12, header: 10, delimiter: "," }),
      'Raden har 12 fält men rubriken har 10. Ett värde innehåller troligen avgränsaren (komma) utan att stå inom citattecken ("…").'
    ],
    [messageOf("line_too_long", { seen: "reader" }), "Raden är för lång för att vara en extraktrad. Är filen verkligen en CSV-export?"],
    [
      messageOf("line_too_long", { seen: "inspection", line: 2, limit: 1024 * 1024 }),
      "Rad 2 är längre än 1 MiB (1\u00a0048\u00a0576 byte) och kan inte vara en post i ett uttag. Oftast saknas radbrytningarna: filen har exporterats som en enda rad eller med ett radslut som inte godkänns. Godkända radslut är LF och CRLF (Windows). Exportera filen på nytt som CSV med en post per rad."
    ],
    [
      messageOf("csv_error", { cause: "reader", error: "CAST ERROR" }),
      "CSV-filen kan inte läsas här (cast error). Spara om filen från Excel eller verksamhetssystemet som CSV."
    ],
    [
      messageOf("csv_error", { cause: "unread_records", line: 4 }),
      'Filen kan bara läsas fram till rad 4; raderna därefter kan inte läsas som CSV. Kontrollera citattecknen (") och avgränsarna på och efter rad 4 och spara om filen från Excel eller verksamhetssystemet som CSV.'
    ],
    [
      messageOf("csv_error", { cause: "unread_records", line: null }),
      'Filen kan bara läsas delvis; raderna därefter kan inte läsas som CSV. Kontrollera citattecknen (") och avgränsarna och spara om filen från Excel eller verksamhetssystemet som CSV.'
    ],
    [
      messageOf("blank_rows", { rows: 1 }),
      "1 rad är helt tom (bara avgränsare, som Excel skriver för tomma formaterade rader) och hoppades över."
    ],
    [
      messageOf("empty_column_name", { position: 10, last: true }),
      "Kolumn 10 i rubrikraden saknar namn och läses inte in. Rubrikraden slutar troligen med en extra avgränsare (till exempel ett semikolon sist på raden, som Excel ibland skriver); ta gärna bort den i exporten."
    ],
    [
      messageOf("missing_column", { column: "gender", kind: "bistand", profile: "case-system-sv" }),
      "Kolumnen gender saknas, men den krävs i en bistand-fil. Lägg till den i exporten, eller mappa kommunens kolumnnamn till gender i profilen case-system-sv."
    ],
    [
      messageOf("undecodable_bytes", { control: false, line: 3, byte: 0x81 }),
      "Rad 3 innehåller en byte (0x81) som varken är giltig UTF-8 eller ett tecken i Windows-1252, så filen kan inte läsas i någon godkänd teckenkodning. Godkända kodningar är UTF-8 (med eller utan BOM) och Windows-1252. Spara filen i Excel som ”CSV UTF-8 (kommaavgränsad) (*.csv)” eller ”CSV (semikolonavgränsad) (*.csv)”, eller exportera den på nytt från verksamhetssystemet som UTF-8."
    ]
  ])("message %# is today's Swedish, byte for byte", (rendered, today) => expect(rendered).toBe(today));

  it("makes findings with the catalogue's severity, the message and where", () => {
    expect(found("missing_column", "0180/b.csv", { column: "gender", kind: "bistand", profile: null }, { line: 1, column: "gender" })).toEqual({
      severity: "FATAL",
      code: "missing_column",
      file: "0180/b.csv",
      line: 1,
      column: "gender",
      value: null,
      message: "Kolumnen gender saknas, men den krävs i en bistand-fil. Lägg till den i exporten med exakt det namnet (eller beskriv kommunens namn i en profil).",
      // the parameters stay with the finding, for --json readers
      params: { column: "gender", kind: "bistand", profile: null }
    });
    const p = problem("cr_line_endings", {});
    expect(findingOf(p, "x.csv")).toMatchObject({ severity: "FATAL", code: "cr_line_endings", line: null, message: p.message });
    const more = foundMore({ code: "unusual_age", params: { birthYear: "…", age: "…" } }, "x.csv", { shown: 20, total: 21, column: "birth_year" });
    expect(more).toMatchObject({ severity: "WARNING", line: null, column: "birth_year" });
    expect(more.count).toBeUndefined(); // one more row is a row, not a count (as before)
    expect(foundMore({ code: "unusual_age", params: { birthYear: "…", age: "…" } }, "x.csv", { shown: 20, total: 25, column: "birth_year" }).count).toBe(5);
  });
});

describe("a finding's message in the reader's language (findingMessage)", () => {
  const f = found("unknown_code", "0114/a.csv", { column: "gender", value: "X", codes: { codes: ["K", "M"], profile: null }, profile: null }, { line: 3, column: "gender", value: "X" });
  it("is made again from the parameters in another language, and kept as written in Swedish", () => {
    expect(findingMessage(f, "nb")).toEqual({ text: messageOf("unknown_code", f.params as never, "nb"), lang: "nb" });
    expect(findingMessage(f, "nb").text).toMatch(/ingen kjent kode/);
    expect(findingMessage(f, "en")).toEqual({ text: messageOf("unknown_code", f.params as never, "en"), lang: "en" });
    expect(findingMessage(f, "sv")).toEqual({ text: f.message, lang: "sv" });
  });
  it("keeps the Swedish message of a finding stored without its parameters, and of one that stands for more rows", () => {
    const { params: _, ...stored } = f;
    expect(findingMessage(stored, "nb")).toEqual({ text: f.message, lang: "sv" });
    const more = foundMore({ code: "unknown_code", params: f.params } as never, "0114/a.csv", { shown: 5, total: 12, column: "gender" });
    expect(findingMessage(more, "en")).toEqual({ text: more.message, lang: "sv" });
  });
});
