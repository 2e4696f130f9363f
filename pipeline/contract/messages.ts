// What each check code means to a user: its severity and a Swedish message that names what is
// valid and how to fix it. The checks (sql/checks/, pipeline/load/checks.ts) only return codes and values.
import type { Severity } from "./finding.js";
import type { Profile } from "./profile.js";
import type { ColumnDef, KindName, Schema } from "./schema.js";

export interface MessageContext {
  readonly schema: Schema;
  readonly kind: KindName;
  readonly profile: Profile | null;
  /** the folder the file came from, when it came from an inbox */
  readonly folder: string | null;
}

export interface Problem {
  readonly code: string;
  readonly column: string | null;
  readonly value: string | null;
  readonly expected: string | null;
}

/** Digits shaped like a Swedish (10 or 12 digits, optional - + or space before the last four) or
 *  Norwegian (11 digits) identity number, checksum or not. */
const identityShaped = /(?<!\d)(?:\d{6}|\d{8})[-+ ]?\d{4}(?!\d)|(?<!\d)\d{11}(?!\d)/g;

/** A value as findings and messages may show it: an identity number typed into any column (a birth
 *  year, a header cell of a file without header) is hidden, like person_id values always are. */
export function masked(value: string): string {
  return value.replace(identityShaped, "[dolt: ser ut som ett personnummer]");
}

const severities: Record<string, Severity> = {
  wrong_municipality: "FATAL",
  unusual_age: "WARNING",
  person_id_placeholder: "WARNING",
  future_date: "WARNING",
  couples_one_coded: "WARNING"
};

export function severityOf(code: string): Severity {
  return severities[code] ?? "ERROR";
}

function columnDef(ctx: MessageContext, column: string): ColumnDef | undefined {
  return ctx.schema.kinds[ctx.kind].columns.find((c) => c.name === column);
}

function validCodes(ctx: MessageContext, column: string): string {
  const def = columnDef(ctx, column);
  if (!def?.list) return "";
  const codes = ctx.schema.lists[def.list].codes.map((c) => c.code).join(", ");
  const own = ctx.profile?.sourceValues[column];
  return own?.length
    ? `Giltiga koder: ${codes}, eller det profilen ${ctx.profile!.name} översätter: ${own.join(", ")}.`
    : `Giltiga koder: ${codes}.`;
}

function formatHint(ctx: MessageContext, column: string): string {
  const own = ctx.profile?.formats[column as keyof Profile["formats"]];
  const standard = column === "month" ? "ÅÅÅÅ-MM, t.ex. 2024-03" : "ÅÅÅÅ-MM-DD, t.ex. 2024-02-29";
  return own ? `Skriv ${standard}, eller som profilen ${ctx.profile!.name} anger (${own}).` : `Skriv ${standard}.`;
}

/** The Swedish message for one problem. */
export function messageOf(p: Problem, ctx: MessageContext): string {
  const col = p.column ?? "";
  const fixProfile = ctx.profile
    ? ` Rätta värdet i verksamhetssystemets export, eller lägg till översättningen i profilen ${ctx.profile.name} (${ctx.profile.file}).`
    : " Rätta värdet i exporten, eller beskriv kommunens egna koder i en profil i schemas/profiles/.";
  switch (p.code) {
    case "missing_value": {
      const def = columnDef(ctx, col);
      const what = def?.type === "code" ? ` ${validCodes(ctx, col)}` : "";
      return `${col} saknar värde, men måste fyllas i på varje rad.${what}`;
    }
    case "unknown_code":
      return `"${p.value}" är ingen känd kod för ${col}. ${validCodes(ctx, col)}${fixProfile}`;
    case "invalid_month":
      return `"${p.value}" är ingen giltig månad. ${formatHint(ctx, col)}`;
    case "invalid_date":
      return `"${p.value}" är inget giltigt datum (finns dagen i den månaden?). ${formatHint(ctx, col)}`;
    case "invalid_year":
      return `"${p.value}" är inget födelseår. Skriv året med fyra siffror, t.ex. 1987.`;
    case "invalid_amount":
      return `"${p.value}" är inget giltigt belopp. Skriv hela kronor eller kronor med decimaler, med decimalkomma eller decimalpunkt och utan tusentalsavgränsare eller valutatecken, t.ex. 8450 eller 8450,50 (högst två decimaler: hela ören). Beloppet får inte vara negativt.`;
    case "invalid_municipality":
      return `"${p.value}" är ingen kommunkod. Skriv kommunens fyrsiffriga kod (SCB i Sverige, SSB i Norge), t.ex. 0181.${ctx.profile ? ` Profilen ${ctx.profile.name} kan också översätta kommunens namn.` : ""}`;
    case "missing_person_id":
      return "person_id saknas. Varje rad ska ha personnummer, samordningsnummer, fødselsnummer/D-nummer eller en pseudonym.";
    case "invalid_person_id":
      return "person_id är varken ett personnummer/samordningsnummer (10 eller 12 siffror, ev. med - eller +), ett norskt fødselsnummer/D-nummer (11 siffror) eller en pseudonym (16–64 hexadecimala tecken). Värdet visas inte, eftersom det kan vara ett personnummer; leta upp raden i exporten.";
    case "person_id_checksum":
      return "person_id har fel kontrollsiffra (Luhn för svenska nummer, modulus 11 för norska). Värdet visas inte, eftersom det är ett personnummer; kontrollera numret i verksamhetssystemet.";
    case "person_id_placeholder":
      return "person_id har ett datum som inte finns (månad eller dag 00), som platshållare av bara nollor har. Raden läses in, men alla rader med samma sådana nummer får samma pseudonym, så olika personer kan räknas som en. Ange personens riktiga nummer eller en pseudonym. Värdet visas inte, eftersom det kan vara ett personnummer.";
    case "missing_household_id":
      return "household_id saknas. Varje rad ska ange hushållet (ärendet) som biståndet betalades till.";
    case "wrong_municipality":
      return `Raden anger kommun ${p.value}, men filen kom från ${ctx.folder ? `kommunmappen ${ctx.folder}` : `kommun ${p.expected} (filens första rad)`}. En kommuns mapp får bara innehålla den kommunens uppgifter, så hela filen avvisas. Ladda upp filen i rätt kommuns mapp, eller rätta kommunkoden.`;
    case "birth_after_row_year":
      return `Födelseåret ${p.value} ligger efter radens år ${p.expected}. Kontrollera födelseåret.`;
    case "unusual_age":
      return `Födelseåret ${p.value} ger åldern ${p.expected} år det året. Raden läses in, men kontrollera födelseåret.`;
    case "duplicate_person_month":
      return `Personen finns redan på rad ${p.expected} för månaden ${p.value} i samma fil. En person får bara ha en rad per månad; slå ihop raderna.`;
    case "missing_amount":
      return `Hushållet saknar belopp för ${p.expected}. amount_sek ska anges på (minst) en rad per hushåll och månad; övriga rader får lämnas tomma.`;
    case "conflicting_amounts":
      return `Hushållet har olika belopp för ${p.expected} (${p.value}). Beloppet gäller hela hushållet: ange det på en rad, eller samma belopp på alla rader.`;
    case "end_before_start":
      return `Slutdatum ${p.value} ligger före startdatum ${p.expected}. Rätta datumen.`;
    case "exit_reason_missing":
      return `Insatsen avslutades ${p.expected} men saknar avslutsorsak. Fyll i avslutsorsaken, eller lämna slutdatum tomt om insatsen pågår. ${validCodes(ctx, "exit_reason")}`;
    case "exit_reason_without_end":
      return `Avslutsorsak "${p.value}" är angiven men slutdatum saknas. Lämna avslutsorsaken tom medan insatsen pågår, eller fyll i slutdatum.`;
    case "couples_one_coded":
      return `I omkring ${p.value} av filens par-hushållsmånader har bara den ena vuxna ett försörjningshinder. Hindret ska kodas för varje vuxen, även medsökande; kodas bara sökande blir jämförelser per person och kön missvisande. Raderna läses in, och kvalitetsrapporten visar det per kommun och år.`;
    case "future_date":
      return `${p.value} ligger efter körningens datum. Raden läses in, men kontrollera datumet.`;
    default:
      throw new Error(`no message for check code: ${p.code}`);
  }
}
