// The words of the command line (kas run, validate, status, rebuild and their help) in every language
// of contract §12: Swedish (the default), Norwegian bokmål and English. The settings' language
// (--settings FILE) picks them; without settings the command line is Swedish. The pages' words are
// reports/words.ts; a finding's title, severity and message are the findings catalogue's
// (pipeline/contract/findings.ts), in the same three languages.
import type { Language } from "./contract/schema.js";
import type { IgnoreReason } from "./ingest/discover.js";

/** Whole numbers as the language writes them: "12 345" (sv, nb), "12,345" (en). */
const integer = (separator: string) => (n: number): string => String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, separator);
/** Seconds with one decimal: "1,5" (sv, nb), "1.5" (en). */
const seconds = (point: string) => (s: number): string => s.toFixed(1).replace(".", point);

/** The stages of a run as run.ts names them (Swedish), in the other languages. */
type Stages = Readonly<Record<string, string>>;

const sv = (() => {
  const int = integer(" ");
  const plural = (n: number, one: string, many: string) => `${int(n)} ${n === 1 ? one : many}`;
  const rows = (n: number) => plural(n, "rad", "rader");
  const errors = (n: number) => plural(n, "fel", "fel");
  return {
    int,
    seconds: seconds(","),
    /** run.ts's stage names, as the summary's "Tid:" line says them */
    stages: {} as Stages,
    summary: {
      moreFindings: (k: number) => `… och ${k} till (se quality.html eller kör kas validate på filen)`,
      quarantined: (path: string) => `en kopia finns i karantän, med skälen i .reason.txt bredvid: ${path}`,
      notQuarantined: "ingen kopia kunde läggas i karantän (se körningsloggen); skälen står nedan och på quality.html",
      /** the quarantine's .reason.txt beside a rejected file (pipeline/ingest/archive.ts) */
      reasonFile: { rejected: (file: string, when: string) => `Filen ${file} avvisades ${when}.`, reasons: "Skäl:", others: "Övriga iakttagelser:" },
      nothingNew: (inbox: string, files: number, runId: number | null) => `Inget nytt i inkorgen ${inbox} (${plural(files, "fil", "filer")} oförändrade sedan körning ${runId}).`,
      reports: (index: string) => `Rapporterna: ${index}`,
      run: (runId: number | null, when: string) => `kas run nr ${runId}: ${when}`,
      inbox: (inbox: string) => `Inkorg: ${inbox}`,
      accepted: (k: number) => `Inlästa filer: ${k}`,
      rejected: (k: number) => `Avvisade filer: ${k}`,
      loaded: (file: string, kind: string, loaded: number, read: number) => `${file}: ${kind}, ${rows(loaded)} inlästa av ${int(read)}`,
      replaced: (what: string | null, file: string) => `ersatte ${what ?? "ögonblicksbilden"} från ${file}`,
      replacedYears: (years: string) => `år ${years}`,
      replacedCommentary: "kommentaren",
      network: "network (befolkning för hela nätverket)",
      rejectedFile: (file: string, errorCount: number) => `${file}: avvisad (${errors(errorCount)}); filen ligger kvar i inkorgen`,
      duplicate: (file: string) => `${file}: redan inläst (byte för byte lika), läses inte igen`,
      deferred: (file: string) => `${file}: ändras fortfarande, läses nästa körning`,
      ignored: (file: string, reason: string) => `${file}: hoppades över: ${reason}`,
      outside: "Utanför kommunmapparna",
      unchanged: (files: number) => `Oförändrade sedan tidigare körningar: ${plural(files, "fil", "filer")}`,
      rows: (bistand: number, insats: number, replacements: number, more = "") => `Rader: bistand ${int(bistand)}, insats ${int(insats)}${more}; ersättningar av tidigare rader: ${replacements}`,
      time: (stages: string) => `Tid: ${stages}`,
      database: (path: string) => `Databas: ${path}`
    },
    /** why an entry of the inbox (or the archive) is not read: pipeline/ingest/discover.ts IgnoreReason */
    ignoredReason: {
      hidden_folder: "är en dold mapp (namnet börjar med punkt) och läses inte",
      outside: "ligger inte i en kommunmapp (inkorgen ska bara ha mappar med fyrsiffrig kommunkod, t.ex. 0181/, och mappen network/ för befolkningsuppgifter)",
      unreadable_folder: (code: string) => `mappen kan inte läsas (${code}); ge kas läsrätt till mappen, så läses dess filer nästa körning`,
      hidden_file: "är en dold fil (namnet börjar med punkt) och läses inte; byt namn på filen om den ska läsas in",
      uploading: "laddas fortfarande upp (.part) och läses när den har bytt namn",
      symlink: "är en symbolisk länk; ladda upp själva filen",
      not_a_file: "är inte en vanlig fil",
      not_utf8: "har ett namn som inte är giltig UTF-8 och läses inte; byt namn på filen (till exempel utan å, ä, ö från ett annat teckensystem)",
      unlisted: "ligger i arkivet men nämns inte i dess manifest (manifest.jsonl), så kommun och filnamn är okända och den läses inte; ladda upp filen igen i rätt kommunmapp"
    },
    /** the run log's lines (pipeline/system/log.ts; the terminal and the log file) */
    log: {
      warning: "VARNING",
      error: "FEL",
      archiveFolder: "arkivet",
      locked: (pid: number | null) => `En annan körning av kas pågår${pid ? ` (process ${pid})` : ""}. Vänta tills den är klar, eller kör med --wait för att vänta på den.`,
      lockWait: (pid: number | null) => (pid === null ? "väntar på en körning som pågår" : `väntar på körningen i process ${pid}`),
      recoveredFinished: "slutförde en publicering som avbröts",
      recoveredDiscarded: "kastade en halvfärdig körning som avbröts",
      skipping: (file: string, reason: string) => `hoppar över ${file}: ${reason}`,
      vanished: (file: string, code: string) => `${file} kunde inte läsas (${code}: försvann den eller bytte den namn medan den lästes?) och läses nästa körning`,
      changing: (file: string) => `${file} ändrades medan den lästes (laddas den fortfarande upp?) och läses nästa körning`,
      notQuarantined: (file: string, why: string) => `${file} kunde inte läggas i karantän (${why}); filen är avvisad och skälen står på kvalitetssidan`,
      loaded: (file: string, loaded: number, kind: string) => `${file}: inläst, ${rows(loaded)} (${kind})`,
      rejected: (file: string, errorCount: number) => `${file}: avvisad, ${errors(errorCount)}`
    },
    /** why a run stopped before it published anything (exit 3) */
    failure: {
      dbMissing: (db: string, archive: string, files: number) =>
        `databasen ${db} finns inte, men arkivet ${archive} har ${plural(files, "inläst fil", "inlästa filer")}. Återskapa databasen ur arkivet med kas rebuild (med samma --db och --out), eller ange rätt --db.`,
      dbUnreadable: (db: string, why: string, archive: string) =>
        `databasen ${db} kan inte öppnas (${why}). Är filen skadad? Kör kas rebuild för att återskapa den ur arkivet ${archive}.`,
      wrongKey: (db: string, keyFile: string) =>
        `pseudonymiseringsnyckeln är inte den som databasen ${db} skapades med (--key-file, KAS_KEY eller ${keyFile}), så nya rader skulle inte kopplas till personerna som redan är inlästa. Ange rätt nyckel; för att byta nyckel, kör kas rebuild --key-file NY (hela databasen återskapas ur arkivet med den nya nyckeln).`
    },
    /** wrong usage of a command (exit 2): what is wrong and how to put it right */
    usage: {
      outNotSite: (out: string) => `--out ${out} finns redan och är inte en webbplats som kas har publicerat. Ange en ny sökväg eller en tom mapp; kas ersätter hela mappen vid varje publicering.`,
      inboxMissing: (inbox: string) => `inkorgen ${inbox} finns inte. Ange rätt mapp med --inbox (eller kontrollera att den delade mappen är monterad).`,
      inboxNotFolder: (inbox: string) => `inkorgen ${inbox} är ingen mapp. Ange mappen som har en undermapp per kommun (t.ex. 0181/) med --inbox.`,
      noFiles: "ange minst en fil: kas validate FIL…",
      unknownProfile: (name: string, known: readonly string[]) => `okänd profil: ${name} (finns: ${known.join(", ") || "inga"})`,
      fileMissing: (path: string) => `filen finns inte: ${path}`,
      isFolder: (path: string, example: string) => `${path} är en mapp: ange filerna, till exempel ${example}`,
      notAFile: (path: string) => `${path} är ingen vanlig fil (en länk eller en enhet); ange själva extraktfilen`,
      dbNotAFile: (path: string) => `--db ${path} är ingen vanlig fil. Ange databasfilen som kas run skapade (standard: out/kas.duckdb).`,
      notKasDb: (path: string) =>
        `${path} är en DuckDB-databas men saknar kas tabeller (runs, files, meta): är det rätt fil? En kas-databas återskapas ur arkivet med kas rebuild --db ${path}.`
    },
    /** a pseudonymisation key that cannot be read or used (pipeline/load/pseudonym.ts KeyError) */
    key: {
      missing: (path: string, create: string) =>
        `Nyckelfilen ${path} (angiven med --key-file) finns inte. Pseudonymerna i databasen beror på nyckeln, så samma nyckel måste användas vid varje körning; ` +
        `därför skapar kas aldrig en nyckel på en sökväg som du själv har angett. Kontrollera sökvägen till den befintliga nyckeln. ` +
        `Är det första körningen och finns ännu ingen data, skapa en nyckel med: ${create}`,
      unknownError: "okänt fel",
      unopenable: (path: string, code: string, named: boolean) =>
        `Nyckelfilen ${path} kunde inte öppnas (${code}). Kontrollera att sökvägen${named ? " i --key-file" : ""} pekar på en fil och att användaren som kör kas får läsa den.`,
      notAFile: (path: string) => `Nyckelfilen ${path} är ingen vanlig fil. Ange sökvägen till filen som innehåller nyckeln.`,
      open: (path: string, mode: string, chmod: string) =>
        `Nyckelfilen ${path} är åtkomlig för andra än ägaren (rättigheter ${mode}). Nyckeln är hemlig: med den går det att räkna fram personnumren ` +
        `bakom pseudonymerna. Gör filen läsbar bara för ägaren, med: ${chmod} (eller ge nyckeln i miljövariabeln KAS_KEY).`,
      file: (path: string) => `Nyckelfilen ${path}`,
      env: "Miljövariabeln KAS_KEY",
      empty: "den är tom",
      hexChars: (n: number) => `den har ${n} hexadecimala tecken`,
      otherChars: "den innehåller andra tecken än 0–9 och a–f",
      createEnv: `skapa en ny nyckel med node -e "console.log(require('crypto').randomBytes(32).toString('hex'))" och lägg den i KAS_KEY`,
      createFile: (create: string) => `skapa en ny nyckel med: ${create}`,
      invalid: (what: string, found: string, how: string) =>
        `${what} innehåller ingen giltig pseudonymiseringsnyckel (${found}). En nyckel är exakt 64 hexadecimala tecken (0–9, a–f), det vill säga ` +
        `32 slumpmässiga byte, följda av en radbrytning. Har databasen redan data ska samma nyckel som tidigare användas – med en ny nyckel får ` +
        `alla personer nya pseudonymer. Första gången: ${how}`,
      createFailed: (path: string, code: string, create: string) =>
        `Pseudonymiseringsnyckeln kunde inte skapas i ${path} (${code}). Kontrollera att mappen finns eller kan skapas och att användaren som kör ` +
        `kas får skriva där och skapa hårda länkar. Du kan också skapa nyckeln själv och ange den med --key-file: ${create}`
    },
    validation: {
      accepted: "godkänd",
      rejected: (errorCount: number) => `avvisas (${errors(errorCount)})`,
      delimiter: (d: string) => `avgränsare ${d}`,
      profile: (p: string) => `profil ${p}`,
      rows
    },
    status: {
      noDatabase: (path: string) => `Ingen databas ännu på ${path}: kör kas run först.`,
      database: (path: string) => `Databas: ${path}`,
      lastRun: (runId: number, when: string) => `Senaste körning: nr ${runId}, ${when}`,
      noRun: "Ingen körning publicerad ännu.",
      months: (ranges: string, k: number) => `månader ${ranges} (${k})`,
      snapshot: (from: string | null, to: string | null) => `ögonblicksbild, insatser som startade ${from} – ${to}`,
      years: (years: string, municipalities: number | null) => `år ${years}${municipalities === null ? "" : `, ${plural(municipalities, "kommun", "kommuner")}`}`,
      commentary: "den senaste kommentaren",
      rows,
      file: (name: string, fileRows: number, when: string) => `${name}: ${rows(fileRows)}, inläst ${when}`,
      rejected: "Avvisade filer:",
      rejectedFile: (file: string, when: string, errorCount: number) => `${file} (${when}): ${errors(errorCount)}`
    },
    cli: {
      /** yargs' own texts (help headings and usage errors) */
      yargs: {
        "Commands:": "Kommandon:",
        "Options:": "Flaggor:",
        "Positionals:": "Argument:",
        "Examples:": "Exempel:",
        boolean: "sant/falskt",
        string: "text",
        number: "tal",
        array: "lista",
        required: "krävs",
        "default:": "standard:",
        "choices:": "val:",
        "Show help": "visa hjälpen",
        "Show version number": "visa vilken version av kas det är",
        command: "kommando",
        default: "standard",
        "Not enough non-option arguments: got %s, need at least %s": {
          one: "För få argument: %s angivna, minst %s behövs (ange filerna som ska kontrolleras)",
          other: "För få argument: %s angivna, minst %s behövs (ange filerna som ska kontrolleras)"
        },
        "Too many non-option arguments: got %s, maximum of %s": { one: "För många argument: %s angivna, högst %s", other: "För många argument: %s angivna, högst %s" },
        "Missing argument value: %s": { one: "Värde saknas för flaggan %s", other: "Värden saknas för flaggorna %s" },
        "Missing required argument: %s": { one: "Flaggan %s krävs", other: "Flaggorna %s krävs" },
        "Unknown argument: %s": { one: "Okänd flagga eller okänt argument: %s", other: "Okända flaggor eller argument: %s" },
        "Invalid values:": "Ogiltiga värden:",
        "Argument: %s, Given: %s, Choices: %s": "Flagga: %s, angivet: %s, möjliga: %s",
        "Not enough arguments following: %s": "Värde saknas efter %s",
        "Did you mean %s?": "Menade du %s?"
      } as Readonly<Record<string, string | { one: string; other: string }>>,
      unknownCommand: "okänt kommando: ",
      noCommand: "ange ett kommando",
      commandsHeading: "Kommandon:",
      usage: "$0 <kommando> [flaggor]",
      commands: {
        run: "nattkörningen: läs in nya filer, publicera rapporterna",
        validate: "kontrollera filer utan att läsa in dem",
        status: "visa vad som är inläst, per kommun och typ",
        rebuild: "återskapa databasen ur arkivet och publicera igen"
      },
      options: {
        json: "skriv resultatet som ett JSON-dokument",
        out: "den publicerade webbplatsen (standard: out/site)",
        db: "den publicerade databasen (standard: out/kas.duckdb); arkivet, nyckeln och loggarna ligger bredvid",
        statusDb: "den publicerade databasen (standard: out/kas.duckdb)",
        keyFile: "pseudonymiseringsnyckeln (annars KAS_KEY, annars en nyckelfil bredvid databasen)",
        threshold: "sekretessgränsen: antal från 1 till N visas som .. (standard: inställningarnas threshold, annars 3)",
        settings: "nätverkets inställningar (JSON): namn, språk, sekretessgräns, jämförelsegrupper, antaganden för socioekonomiskt värde",
        languageSettings: "nätverkets inställningar (JSON): här används bara språket",
        wait: "vänta på en körning som redan pågår i stället för att avsluta",
        memoryLimit: "DuckDB:s minnesgräns, t.ex. 1GB (standard 1GB)",
        inbox: "inkorgen (standard: exemplen i data-samples/inbox)",
        files: "extraktfilerna (.csv eller .xlsx)",
        profile: "profilen som filerna läses med (schemas/profiles/NAMN.json)"
      },
      examplesHeading: "Exempel:",
      exitCodesHeading: "Slutkoder:",
      examples: {
        run: [
          ["kas run", "exemplen i data-samples/inbox; webbplatsen i out/site, databasen i out/"],
          ["kas run --inbox /srv/kas/inbox --out /srv/kas/site", "en riktig inkorg; webbplatsen i /srv/kas/site"],
          ["kas run --db /var/lib/kas/kas.duckdb --key-file /etc/kas/kas.key --wait", "databasen och nyckeln på egna platser; väntar på en körning som pågår"],
          ["kas run --json", "sammanfattningen som ett JSON-dokument"]
        ],
        validate: [
          ["kas validate 0181/bistand-2025.csv", "en fil, med profilen för kommunmappen 0181"],
          ["kas validate 0181/*.csv 0192/*.xlsx", "flera filer"],
          ["kas validate export.csv --profile case-system-sv", "en fil utanför kommunmapparna, med en namngiven profil"],
          ["kas validate 0181/bistand-2025.csv --json", "fynden som ett JSON-dokument"]
        ],
        status: [
          ["kas status", "databasen out/kas.duckdb"],
          ["kas status --db /var/lib/kas/kas.duckdb --json", "en annan databas, som ett JSON-dokument"]
        ],
        rebuild: [
          ["kas rebuild", "out/kas.duckdb ur arkivet out/archive; webbplatsen i out/site"],
          ["kas rebuild --db /var/lib/kas/kas.duckdb --out /srv/kas/site", "en installation med databasen i /var/lib/kas"]
        ],
        main: [
          ["kas run --inbox /srv/kas/inbox --out /srv/kas/site", "nattkörningen"],
          ["kas validate 0181/bistand-2025.csv", "kontrollera en fil innan den laddas upp"],
          ["kas status", "vad som är inläst"],
          ["kas run --help", "ett kommandos flaggor, exempel och slutkoder"]
        ]
      } as Readonly<Record<"run" | "validate" | "status" | "rebuild" | "main", readonly (readonly [string, string])[]>>,
      exitCodes: {
        batch: ["allt godkänt", "minst en fil avvisades; resten lästes in och publicerades", "fel användning (okänd flagga, inkorg som saknas …); inget rördes", "körningen misslyckades och inget publicerades; det tidigare är orört"],
        validate: ["alla filer godkända", "minst en fil avvisas (felen står i utskriften)", "fel användning (en fil som inte finns, en okänd profil …)", "kontrollen kunde inte göras (t.ex. en trasig profil)"],
        status: ["klart (också när ingen databas finns ännu)", "", "fel användning", "databasen kunde inte läsas"]
      } as Readonly<Record<"batch" | "validate" | "status", readonly [string, string, string, string]>>,
      helpHint: "Kör kas --help för hjälp.",
      runFailed: "körningen misslyckades och ingenting publicerades; den tidigare databasen och rapporterna är orörda.",
      reason: (message: string) => `Orsak: ${message}`,
      diskFull: "Disken är full (eller en gräns för filstorlek nåddes). Frigör utrymme där databasen och webbplatsen ligger och kör igen; inget har gått förlorat.",
      progressReports: "rapporter",
      dbInSite: (db: string, out: string, suggestion: string) =>
        `--db ${db} ligger i webbplatsen --out ${out}, som kas ersätter helt vid varje publicering: databasen, arkivet och nyckeln skulle försvinna. Lägg databasen utanför webbplatsen, t.ex. --db ${suggestion}.`
    },
    /** what is wrong with a settings file (contract §9: wrong usage, exit 2, naming the key) */
    settings: {
      unreadable: (file: string, reason: string) => `--settings ${file}: filen kan inte läsas (${reason}). Ange en JSON-fil med nätverkets inställningar.`,
      notJson: (file: string, reason: string) => `--settings ${file}: filen är inte giltig JSON (${reason}).`,
      wholeFile: "(hela filen)",
      unknownKey: (keys: string) => `okänd nyckel ${keys}`,
      invalid: (file: string, issues: string) =>
        `--settings ${file}: ${issues}. Giltiga nycklar: name, language (sv, nb, en), threshold, survey_min_respondents, comparison_groups, socioeconomic (contract §9–§10).`,
      retention: (file: string, key: string, count: number, horizon: number) =>
        `--settings ${file}: socioeconomic.${key} har ${count} värden, men horizon_years är ${horizon}: listan ska ha ett värde (andel 0–1) per år.`
    }
  };
})();

/** The words of the command line in one language. */
export type CliWords = typeof sv;

const nb: CliWords = (() => {
  const int = integer(" ");
  const plural = (n: number, one: string, many: string) => `${int(n)} ${n === 1 ? one : many}`;
  const rows = (n: number) => plural(n, "rad", "rader");
  const errors = (n: number) => plural(n, "feil", "feil");
  return {
    int,
    seconds: seconds(","),
    stages: { "kontroll av inkorgen": "kontroll av innboksen", "kopiering av databasen": "kopiering av databasen", "inläsning": "innlesing", rapporter: "rapporter" },
    summary: {
      moreFindings: (k: number) => `… og ${k} til (se quality.html eller kjør kas validate på filen)`,
      quarantined: (path: string) => `en kopi ligger i karantene, med årsakene i .reason.txt ved siden av: ${path}`,
      notQuarantined: "ingen kopi kunne legges i karantene (se kjøringsloggen); årsakene står nedenfor og på quality.html",
      reasonFile: { rejected: (file: string, when: string) => `Filen ${file} ble avvist ${when}.`, reasons: "Årsaker:", others: "Andre merknader:" },
      nothingNew: (inbox: string, files: number, runId: number | null) => `Ingenting nytt i innboksen ${inbox} (${plural(files, "fil", "filer")} uendret siden kjøring ${runId}).`,
      reports: (index: string) => `Rapportene: ${index}`,
      run: (runId: number | null, when: string) => `kas run nr. ${runId}: ${when}`,
      inbox: (inbox: string) => `Innboks: ${inbox}`,
      accepted: (k: number) => `Innleste filer: ${k}`,
      rejected: (k: number) => `Avviste filer: ${k}`,
      loaded: (file: string, kind: string, loaded: number, read: number) => `${file}: ${kind}, ${rows(loaded)} lest inn av ${int(read)}`,
      replaced: (what: string | null, file: string) => `erstattet ${what ?? "øyeblikksbildet"} fra ${file}`,
      replacedYears: (years: string) => `år ${years}`,
      replacedCommentary: "kommentaren",
      network: "network (befolkning for hele nettverket)",
      rejectedFile: (file: string, errorCount: number) => `${file}: avvist (${errors(errorCount)}); filen ligger fortsatt i innboksen`,
      duplicate: (file: string) => `${file}: allerede lest inn (byte for byte lik), leses ikke på nytt`,
      deferred: (file: string) => `${file}: endres fortsatt, leses ved neste kjøring`,
      ignored: (file: string, reason: string) => `${file}: hoppet over: ${reason}`,
      outside: "Utenfor kommunemappene",
      unchanged: (files: number) => `Uendret siden tidligere kjøringer: ${plural(files, "fil", "filer")}`,
      rows: (bistand: number, insats: number, replacements: number, more = "") => `Rader: bistand ${int(bistand)}, insats ${int(insats)}${more}; erstatninger av tidligere rader: ${replacements}`,
      time: (stages: string) => `Tid: ${stages}`,
      database: (path: string) => `Database: ${path}`
    },
    ignoredReason: {
      hidden_folder: "er en skjult mappe (navnet begynner med punktum) og leses ikke",
      outside: "ligger ikke i en kommunemappe (innboksen skal bare ha mapper med firesifret kommunenummer, f.eks. 3201/, og mappen network/ for befolkningstall)",
      unreadable_folder: (code: string) => `mappen kan ikke leses (${code}); gi kas lesetilgang til mappen, så leses filene i den neste kjøring`,
      hidden_file: "er en skjult fil (navnet begynner med punktum) og leses ikke; gi filen et annet navn hvis den skal leses inn",
      uploading: "lastes fortsatt opp (.part) og leses når den har fått nytt navn",
      symlink: "er en symbolsk lenke; last opp selve filen",
      not_a_file: "er ikke en vanlig fil",
      not_utf8: "har et navn som ikke er gyldig UTF-8 og leses ikke; gi filen et annet navn (for eksempel uten æ, ø, å fra et annet tegnsett)",
      unlisted: "ligger i arkivet, men er ikke nevnt i manifestet (manifest.jsonl), så kommune og filnavn er ukjent og den leses ikke; last opp filen på nytt i riktig kommunemappe"
    },
    log: {
      warning: "ADVARSEL",
      error: "FEIL",
      archiveFolder: "arkivet",
      locked: (pid: number | null) => `En annen kjøring av kas pågår${pid ? ` (prosess ${pid})` : ""}. Vent til den er ferdig, eller kjør med --wait for å vente på den.`,
      lockWait: (pid: number | null) => (pid === null ? "venter på en kjøring som pågår" : `venter på kjøringen i prosess ${pid}`),
      recoveredFinished: "fullførte en publisering som ble avbrutt",
      recoveredDiscarded: "forkastet en halvferdig kjøring som ble avbrutt",
      skipping: (file: string, reason: string) => `hopper over ${file}: ${reason}`,
      vanished: (file: string, code: string) => `${file} kunne ikke leses (${code}: forsvant den eller fikk den nytt navn mens den ble lest?) og leses neste kjøring`,
      changing: (file: string) => `${file} ble endret mens den ble lest (lastes den fortsatt opp?) og leses neste kjøring`,
      notQuarantined: (file: string, why: string) => `${file} kunne ikke legges i karantene (${why}); filen er avvist, og årsakene står på kvalitetssiden`,
      loaded: (file: string, loaded: number, kind: string) => `${file}: lest inn, ${rows(loaded)} (${kind})`,
      rejected: (file: string, errorCount: number) => `${file}: avvist, ${errors(errorCount)}`
    },
    failure: {
      dbMissing: (db: string, archive: string, files: number) =>
        `databasen ${db} finnes ikke, men arkivet ${archive} har ${plural(files, "innlest fil", "innleste filer")}. Gjenopprett databasen fra arkivet med kas rebuild (med samme --db og --out), eller oppgi riktig --db.`,
      dbUnreadable: (db: string, why: string, archive: string) =>
        `databasen ${db} kan ikke åpnes (${why}). Er filen skadet? Kjør kas rebuild for å gjenopprette den fra arkivet ${archive}.`,
      wrongKey: (db: string, keyFile: string) =>
        `pseudonymiseringsnøkkelen er ikke den databasen ${db} ble laget med (--key-file, KAS_KEY eller ${keyFile}), så nye rader ville ikke blitt koblet til personene som allerede er lest inn. Oppgi riktig nøkkel; for å bytte nøkkel, kjør kas rebuild --key-file NY (hele databasen gjenopprettes fra arkivet med den nye nøkkelen).`
    },
    usage: {
      outNotSite: (out: string) => `--out ${out} finnes allerede og er ikke et nettsted som kas har publisert. Oppgi en ny sti eller en tom mappe; kas erstatter hele mappen ved hver publisering.`,
      inboxMissing: (inbox: string) => `innboksen ${inbox} finnes ikke. Oppgi riktig mappe med --inbox (eller kontroller at den delte mappen er montert).`,
      inboxNotFolder: (inbox: string) => `innboksen ${inbox} er ingen mappe. Oppgi mappen som har en undermappe per kommune (f.eks. 3201/) med --inbox.`,
      noFiles: "oppgi minst én fil: kas validate FIL…",
      unknownProfile: (name: string, known: readonly string[]) => `ukjent profil: ${name} (finnes: ${known.join(", ") || "ingen"})`,
      fileMissing: (path: string) => `filen finnes ikke: ${path}`,
      isFolder: (path: string, example: string) => `${path} er en mappe: oppgi filene, for eksempel ${example}`,
      notAFile: (path: string) => `${path} er ingen vanlig fil (en lenke eller en enhet); oppgi selve uttrekksfilen`,
      dbNotAFile: (path: string) => `--db ${path} er ingen vanlig fil. Oppgi databasefilen som kas run laget (standard: out/kas.duckdb).`,
      notKasDb: (path: string) =>
        `${path} er en DuckDB-database, men mangler kas-tabellene (runs, files, meta): er det riktig fil? En kas-database gjenopprettes fra arkivet med kas rebuild --db ${path}.`
    },
    key: {
      missing: (path: string, create: string) =>
        `Nøkkelfilen ${path} (oppgitt med --key-file) finnes ikke. Pseudonymene i databasen avhenger av nøkkelen, så samme nøkkel må brukes ved hver kjøring; ` +
        `derfor lager kas aldri en nøkkel på en sti du selv har oppgitt. Kontroller stien til den eksisterende nøkkelen. ` +
        `Er dette første kjøring og finnes det ennå ingen data, lag en nøkkel med: ${create}`,
      unknownError: "ukjent feil",
      unopenable: (path: string, code: string, named: boolean) =>
        `Nøkkelfilen ${path} kunne ikke åpnes (${code}). Kontroller at stien${named ? " i --key-file" : ""} peker på en fil, og at brukeren som kjører kas, får lese den.`,
      notAFile: (path: string) => `Nøkkelfilen ${path} er ingen vanlig fil. Oppgi stien til filen som inneholder nøkkelen.`,
      open: (path: string, mode: string, chmod: string) =>
        `Nøkkelfilen ${path} er tilgjengelig for andre enn eieren (rettigheter ${mode}). Nøkkelen er hemmelig: med den kan fødselsnumrene bak ` +
        `pseudonymene regnes ut. Gjør filen lesbar bare for eieren, med: ${chmod} (eller gi nøkkelen i miljøvariabelen KAS_KEY).`,
      file: (path: string) => `Nøkkelfilen ${path}`,
      env: "Miljøvariabelen KAS_KEY",
      empty: "den er tom",
      hexChars: (n: number) => `den har ${n} heksadesimale tegn`,
      otherChars: "den inneholder andre tegn enn 0–9 og a–f",
      createEnv: `lag en ny nøkkel med node -e "console.log(require('crypto').randomBytes(32).toString('hex'))" og legg den i KAS_KEY`,
      createFile: (create: string) => `lag en ny nøkkel med: ${create}`,
      invalid: (what: string, found: string, how: string) =>
        `${what} inneholder ingen gyldig pseudonymiseringsnøkkel (${found}). En nøkkel er nøyaktig 64 heksadesimale tegn (0–9, a–f), altså ` +
        `32 tilfeldige byte, fulgt av et linjeskift. Har databasen allerede data, skal samme nøkkel som før brukes – med en ny nøkkel får ` +
        `alle personer nye pseudonymer. Første gang: ${how}`,
      createFailed: (path: string, code: string, create: string) =>
        `Pseudonymiseringsnøkkelen kunne ikke lages i ${path} (${code}). Kontroller at mappen finnes eller kan lages, og at brukeren som kjører ` +
        `kas, får skrive der og lage harde lenker. Du kan også lage nøkkelen selv og oppgi den med --key-file: ${create}`
    },
    validation: {
      accepted: "godkjent",
      rejected: (errorCount: number) => `avvises (${errors(errorCount)})`,
      delimiter: (d: string) => `skilletegn ${d}`,
      profile: (p: string) => `profil ${p}`,
      rows
    },
    status: {
      noDatabase: (path: string) => `Ingen database ennå på ${path}: kjør kas run først.`,
      database: (path: string) => `Database: ${path}`,
      lastRun: (runId: number, when: string) => `Siste kjøring: nr. ${runId}, ${when}`,
      noRun: "Ingen kjøring er publisert ennå.",
      months: (ranges: string, k: number) => `måneder ${ranges} (${k})`,
      snapshot: (from: string | null, to: string | null) => `øyeblikksbilde, tiltak som startet ${from} – ${to}`,
      years: (years: string, municipalities: number | null) => `år ${years}${municipalities === null ? "" : `, ${plural(municipalities, "kommune", "kommuner")}`}`,
      commentary: "den nyeste kommentaren",
      rows,
      file: (name: string, fileRows: number, when: string) => `${name}: ${rows(fileRows)}, lest inn ${when}`,
      rejected: "Avviste filer:",
      rejectedFile: (file: string, when: string, errorCount: number) => `${file} (${when}): ${errors(errorCount)}`
    },
    cli: {
      yargs: {
        "Commands:": "Kommandoer:",
        "Options:": "Flagg:",
        "Positionals:": "Argumenter:",
        "Examples:": "Eksempler:",
        boolean: "sann/usann",
        string: "tekst",
        number: "tall",
        array: "liste",
        required: "påkrevd",
        "default:": "standard:",
        "choices:": "valg:",
        "Show help": "vis hjelpen",
        "Show version number": "vis hvilken versjon av kas dette er",
        command: "kommando",
        default: "standard",
        "Not enough non-option arguments: got %s, need at least %s": {
          one: "For få argumenter: %s oppgitt, minst %s trengs (oppgi filene som skal kontrolleres)",
          other: "For få argumenter: %s oppgitt, minst %s trengs (oppgi filene som skal kontrolleres)"
        },
        "Too many non-option arguments: got %s, maximum of %s": { one: "For mange argumenter: %s oppgitt, høyst %s", other: "For mange argumenter: %s oppgitt, høyst %s" },
        "Missing argument value: %s": { one: "Verdi mangler for flagget %s", other: "Verdier mangler for flaggene %s" },
        "Missing required argument: %s": { one: "Flagget %s er påkrevd", other: "Flaggene %s er påkrevd" },
        "Unknown argument: %s": { one: "Ukjent flagg eller argument: %s", other: "Ukjente flagg eller argumenter: %s" },
        "Invalid values:": "Ugyldige verdier:",
        "Argument: %s, Given: %s, Choices: %s": "Flagg: %s, oppgitt: %s, mulige: %s",
        "Not enough arguments following: %s": "Verdi mangler etter %s",
        "Did you mean %s?": "Mente du %s?"
      },
      unknownCommand: "ukjent kommando: ",
      noCommand: "oppgi en kommando",
      commandsHeading: "Kommandoer:",
      usage: "$0 <kommando> [flagg]",
      commands: {
        run: "nattkjøringen: les inn nye filer, publiser rapportene",
        validate: "kontroller filer uten å lese dem inn",
        status: "vis hva som er lest inn, per kommune og type",
        rebuild: "gjenskap databasen fra arkivet og publiser på nytt"
      },
      options: {
        json: "skriv resultatet som et JSON-dokument",
        out: "det publiserte nettstedet (standard: out/site)",
        db: "den publiserte databasen (standard: out/kas.duckdb); arkivet, nøkkelen og loggene ligger ved siden av",
        statusDb: "den publiserte databasen (standard: out/kas.duckdb)",
        keyFile: "pseudonymiseringsnøkkelen (ellers KAS_KEY, ellers en nøkkelfil ved siden av databasen)",
        threshold: "konfidensialitetsgrensen: antall fra 1 til N vises som .. (standard: innstillingenes threshold, ellers 3)",
        settings: "nettverkets innstillinger (JSON): navn, språk, konfidensialitetsgrense, sammenligningsgrupper, forutsetninger for samfunnsøkonomisk verdi",
        languageSettings: "nettverkets innstillinger (JSON): her brukes bare språket",
        wait: "vent på en kjøring som allerede pågår i stedet for å avslutte",
        memoryLimit: "DuckDBs minnegrense, f.eks. 1GB (standard 1GB)",
        inbox: "innboksen (standard: eksemplene i data-samples/inbox)",
        files: "uttrekksfilene (.csv eller .xlsx)",
        profile: "profilen filene leses med (schemas/profiles/NAVN.json)"
      },
      examplesHeading: "Eksempler:",
      exitCodesHeading: "Avslutningskoder:",
      examples: {
        run: [
          ["kas run", "eksemplene i data-samples/inbox; nettstedet i out/site, databasen i out/"],
          ["kas run --inbox /srv/kas/inbox --out /srv/kas/site", "en ekte innboks; nettstedet i /srv/kas/site"],
          ["kas run --db /var/lib/kas/kas.duckdb --key-file /etc/kas/kas.key --wait", "databasen og nøkkelen på egne steder; venter på en kjøring som pågår"],
          ["kas run --json", "sammendraget som et JSON-dokument"]
        ],
        validate: [
          ["kas validate 0181/bistand-2025.csv", "én fil, med profilen for kommunemappen 0181"],
          ["kas validate 0181/*.csv 0192/*.xlsx", "flere filer"],
          ["kas validate export.csv --profile case-system-sv", "én fil utenfor kommunemappene, med en navngitt profil"],
          ["kas validate 0181/bistand-2025.csv --json", "funnene som et JSON-dokument"]
        ],
        status: [
          ["kas status", "databasen out/kas.duckdb"],
          ["kas status --db /var/lib/kas/kas.duckdb --json", "en annen database, som et JSON-dokument"]
        ],
        rebuild: [
          ["kas rebuild", "out/kas.duckdb fra arkivet out/archive; nettstedet i out/site"],
          ["kas rebuild --db /var/lib/kas/kas.duckdb --out /srv/kas/site", "en installasjon med databasen i /var/lib/kas"]
        ],
        main: [
          ["kas run --inbox /srv/kas/inbox --out /srv/kas/site", "nattkjøringen"],
          ["kas validate 0181/bistand-2025.csv", "kontroller en fil før den lastes opp"],
          ["kas status", "hva som er lest inn"],
          ["kas run --help", "en kommandos flagg, eksempler og avslutningskoder"]
        ]
      },
      exitCodes: {
        batch: ["alt godkjent", "minst én fil ble avvist; resten ble lest inn og publisert", "feil bruk (ukjent flagg, innboks som mangler …); ingenting ble rørt", "kjøringen mislyktes og ingenting ble publisert; det tidligere er urørt"],
        validate: ["alle filer godkjent", "minst én fil avvises (feilene står i utskriften)", "feil bruk (en fil som ikke finnes, en ukjent profil …)", "kontrollen kunne ikke gjøres (f.eks. en ødelagt profil)"],
        status: ["ferdig (også når det ikke finnes noen database ennå)", "", "feil bruk", "databasen kunne ikke leses"]
      },
      helpHint: "Kjør kas --help for hjelp.",
      runFailed: "kjøringen mislyktes og ingenting ble publisert; den tidligere databasen og rapportene er urørt.",
      reason: (message: string) => `Årsak: ${message}`,
      diskFull: "Disken er full (eller en grense for filstørrelse ble nådd). Frigjør plass der databasen og nettstedet ligger, og kjør på nytt; ingenting har gått tapt.",
      progressReports: "rapporter",
      dbInSite: (db: string, out: string, suggestion: string) =>
        `--db ${db} ligger i nettstedet --out ${out}, som kas erstatter helt ved hver publisering: databasen, arkivet og nøkkelen ville forsvinne. Legg databasen utenfor nettstedet, f.eks. --db ${suggestion}.`
    },
    settings: {
      unreadable: (file: string, reason: string) => `--settings ${file}: filen kan ikke leses (${reason}). Oppgi en JSON-fil med nettverkets innstillinger.`,
      notJson: (file: string, reason: string) => `--settings ${file}: filen er ikke gyldig JSON (${reason}).`,
      wholeFile: "(hele filen)",
      unknownKey: (keys: string) => `ukjent nøkkel ${keys}`,
      invalid: (file: string, issues: string) =>
        `--settings ${file}: ${issues}. Gyldige nøkler: name, language (sv, nb, en), threshold, survey_min_respondents, comparison_groups, socioeconomic (contract §9–§10).`,
      retention: (file: string, key: string, count: number, horizon: number) =>
        `--settings ${file}: socioeconomic.${key} har ${count} verdier, men horizon_years er ${horizon}: listen skal ha én verdi (andel 0–1) per år.`
    }
  };
})();

const en: CliWords = (() => {
  const int = integer(",");
  const plural = (n: number, one: string, many: string) => `${int(n)} ${n === 1 ? one : many}`;
  const rows = (n: number) => plural(n, "row", "rows");
  const errors = (n: number) => plural(n, "error", "errors");
  return {
    int,
    seconds: seconds("."),
    stages: { "kontroll av inkorgen": "inbox check", "kopiering av databasen": "database copy", "inläsning": "loading", rapporter: "reports" },
    summary: {
      moreFindings: (k: number) => `… and ${k} more (see quality.html or run kas validate on the file)`,
      quarantined: (path: string) => `a copy is in quarantine, with the reasons in .reason.txt beside it: ${path}`,
      notQuarantined: "no copy could be put in quarantine (see the run log); the reasons are below and on quality.html",
      reasonFile: { rejected: (file: string, when: string) => `The file ${file} was rejected at ${when}.`, reasons: "Reasons:", others: "Other findings:" },
      nothingNew: (inbox: string, files: number, runId: number | null) => `Nothing new in the inbox ${inbox} (${plural(files, "file", "files")} unchanged since run ${runId}).`,
      reports: (index: string) => `The reports: ${index}`,
      run: (runId: number | null, when: string) => `kas run no. ${runId}: ${when}`,
      inbox: (inbox: string) => `Inbox: ${inbox}`,
      accepted: (k: number) => `Files loaded: ${k}`,
      rejected: (k: number) => `Files rejected: ${k}`,
      loaded: (file: string, kind: string, loaded: number, read: number) => `${file}: ${kind}, ${rows(loaded)} loaded of ${int(read)}`,
      replaced: (what: string | null, file: string) => `replaced ${what ?? "the snapshot"} from ${file}`,
      replacedYears: (years: string) => `the years ${years}`,
      replacedCommentary: "the commentary",
      network: "network (population for the whole network)",
      rejectedFile: (file: string, errorCount: number) => `${file}: rejected (${errors(errorCount)}); the file stays in the inbox`,
      duplicate: (file: string) => `${file}: already loaded (identical byte for byte), not read again`,
      deferred: (file: string) => `${file}: still changing, read at the next run`,
      ignored: (file: string, reason: string) => `${file}: skipped: ${reason}`,
      outside: "Outside the municipality folders",
      unchanged: (files: number) => `Unchanged since earlier runs: ${plural(files, "file", "files")}`,
      rows: (bistand: number, insats: number, replacements: number, more = "") => `Rows: bistand ${int(bistand)}, insats ${int(insats)}${more}; replacements of earlier rows: ${replacements}`,
      time: (stages: string) => `Time: ${stages}`,
      database: (path: string) => `Database: ${path}`
    },
    ignoredReason: {
      hidden_folder: "is a hidden folder (its name begins with a dot) and is not read",
      outside: "is not in a municipality's folder (the inbox holds only folders named by a four-digit municipality code, e.g. 0181/, and the folder network/ for population figures)",
      unreadable_folder: (code: string) => `the folder cannot be read (${code}); give kas read access to it, and its files are read at the next run`,
      hidden_file: "is a hidden file (its name begins with a dot) and is not read; rename it if it is to be loaded",
      uploading: "is still being uploaded (.part) and is read once it has been renamed",
      symlink: "is a symbolic link; upload the file itself",
      not_a_file: "is not a regular file",
      not_utf8: "has a name that is not valid UTF-8 and is not read; rename the file (e.g. without letters from another character set)",
      unlisted: "is in the archive but not in its manifest (manifest.jsonl), so its municipality and name are unknown and it is not read; upload the file again into the right municipality's folder"
    },
    log: {
      warning: "WARNING",
      error: "ERROR",
      archiveFolder: "archive",
      locked: (pid: number | null) => `Another run of kas is in progress${pid ? ` (process ${pid})` : ""}. Wait until it has finished, or run with --wait to wait for it.`,
      lockWait: (pid: number | null) => (pid === null ? "waiting for a run in progress" : `waiting for the run in process ${pid}`),
      recoveredFinished: "finished a publication that was interrupted",
      recoveredDiscarded: "discarded a half-made run that was interrupted",
      skipping: (file: string, reason: string) => `skipping ${file}: ${reason}`,
      vanished: (file: string, code: string) => `${file} could not be read (${code}: was it removed or renamed while it was read?) and is read at the next run`,
      changing: (file: string) => `${file} changed while it was read (is it still being uploaded?) and is read at the next run`,
      notQuarantined: (file: string, why: string) => `${file} could not be put in quarantine (${why}); the file is rejected and its reasons are on the quality page`,
      loaded: (file: string, loaded: number, kind: string) => `${file}: loaded, ${rows(loaded)} (${kind})`,
      rejected: (file: string, errorCount: number) => `${file}: rejected, ${errors(errorCount)}`
    },
    failure: {
      dbMissing: (db: string, archive: string, files: number) =>
        `the database ${db} does not exist, but the archive ${archive} holds ${plural(files, "loaded file", "loaded files")}. Recreate the database from the archive with kas rebuild (with the same --db and --out), or give the right --db.`,
      dbUnreadable: (db: string, why: string, archive: string) =>
        `the database ${db} cannot be opened (${why}). Is the file damaged? Run kas rebuild to recreate it from the archive ${archive}.`,
      wrongKey: (db: string, keyFile: string) =>
        `the pseudonymisation key is not the one the database ${db} was made with (--key-file, KAS_KEY or ${keyFile}), so new rows would not be linked to the persons already loaded. Give the right key; to change the key, run kas rebuild --key-file NEW (the whole database is recreated from the archive with the new key).`
    },
    usage: {
      outNotSite: (out: string) => `--out ${out} exists already and is not a site kas has published. Give a new path or an empty folder; kas replaces the whole folder at every publication.`,
      inboxMissing: (inbox: string) => `the inbox ${inbox} does not exist. Give the right folder with --inbox (or check that the shared folder is mounted).`,
      inboxNotFolder: (inbox: string) => `the inbox ${inbox} is not a folder. Give the folder that has a subfolder per municipality (e.g. 0181/) with --inbox.`,
      noFiles: "give at least one file: kas validate FILE…",
      unknownProfile: (name: string, known: readonly string[]) => `unknown profile: ${name} (there are: ${known.join(", ") || "none"})`,
      fileMissing: (path: string) => `the file does not exist: ${path}`,
      isFolder: (path: string, example: string) => `${path} is a folder: give the files, e.g. ${example}`,
      notAFile: (path: string) => `${path} is not a regular file (a link or a device); give the extract file itself`,
      dbNotAFile: (path: string) => `--db ${path} is not a regular file. Give the database file kas run made (default: out/kas.duckdb).`,
      notKasDb: (path: string) =>
        `${path} is a DuckDB database but lacks kas's tables (runs, files, meta): is it the right file? A kas database is recreated from the archive with kas rebuild --db ${path}.`
    },
    key: {
      missing: (path: string, create: string) =>
        `The key file ${path} (given with --key-file) does not exist. The pseudonyms in the database depend on the key, so the same key must be used at every run; ` +
        `that is why kas never creates a key at a path you gave. Check the path to the existing key. ` +
        `If this is the first run and there is no data yet, create a key with: ${create}`,
      unknownError: "unknown error",
      unopenable: (path: string, code: string, named: boolean) =>
        `The key file ${path} could not be opened (${code}). Check that the path${named ? " in --key-file" : ""} points to a file and that the user running kas may read it.`,
      notAFile: (path: string) => `The key file ${path} is not a regular file. Give the path to the file that holds the key.`,
      open: (path: string, mode: string, chmod: string) =>
        `The key file ${path} can be read by others than its owner (permissions ${mode}). The key is secret: with it the identity numbers behind ` +
        `the pseudonyms can be worked out. Make the file readable by its owner only, with: ${chmod} (or give the key in the environment variable KAS_KEY).`,
      file: (path: string) => `The key file ${path}`,
      env: "The environment variable KAS_KEY",
      empty: "it is empty",
      hexChars: (n: number) => `it has ${n} hexadecimal characters`,
      otherChars: "it has characters other than 0–9 and a–f",
      createEnv: `create a new key with node -e "console.log(require('crypto').randomBytes(32).toString('hex'))" and put it in KAS_KEY`,
      createFile: (create: string) => `create a new key with: ${create}`,
      invalid: (what: string, found: string, how: string) =>
        `${what} holds no valid pseudonymisation key (${found}). A key is exactly 64 hexadecimal characters (0–9, a–f), that is ` +
        `32 random bytes, followed by a line break. If the database has data already, the same key as before must be used – with a new key ` +
        `every person gets new pseudonyms. The first time: ${how}`,
      createFailed: (path: string, code: string, create: string) =>
        `The pseudonymisation key could not be created in ${path} (${code}). Check that the folder exists or can be created and that the user running ` +
        `kas may write there and make hard links. You can also create the key yourself and give it with --key-file: ${create}`
    },
    validation: {
      accepted: "accepted",
      rejected: (errorCount: number) => `rejected (${errors(errorCount)})`,
      delimiter: (d: string) => `delimiter ${d}`,
      profile: (p: string) => `profile ${p}`,
      rows
    },
    status: {
      noDatabase: (path: string) => `No database yet at ${path}: run kas run first.`,
      database: (path: string) => `Database: ${path}`,
      lastRun: (runId: number, when: string) => `Last run: no. ${runId}, ${when}`,
      noRun: "No run published yet.",
      months: (ranges: string, k: number) => `months ${ranges} (${k})`,
      snapshot: (from: string | null, to: string | null) => `snapshot, measures that started ${from} – ${to}`,
      years: (years: string, municipalities: number | null) => `years ${years}${municipalities === null ? "" : `, ${plural(municipalities, "municipality", "municipalities")}`}`,
      commentary: "the latest commentary",
      rows,
      file: (name: string, fileRows: number, when: string) => `${name}: ${rows(fileRows)}, loaded ${when}`,
      rejected: "Rejected files:",
      rejectedFile: (file: string, when: string, errorCount: number) => `${file} (${when}): ${errors(errorCount)}`
    },
    cli: {
      // yargs' own English texts, but for these two
      yargs: { "Show help": "show help", "Show version number": "show which version of kas this is" },
      unknownCommand: "unknown command: ",
      noCommand: "give a command",
      commandsHeading: "Commands:",
      usage: "$0 <command> [options]",
      commands: {
        run: "the nightly run: load new files, publish the reports",
        validate: "check files without loading them",
        status: "show what is loaded, per municipality and kind",
        rebuild: "rebuild the database from the archive and publish again"
      },
      options: {
        json: "write the result as one JSON document",
        out: "the published site (default: out/site)",
        db: "the published database (default: out/kas.duckdb); the archive, the key and the logs are beside it",
        statusDb: "the published database (default: out/kas.duckdb)",
        keyFile: "the pseudonymisation key (else KAS_KEY, else a key file beside the database)",
        threshold: "the confidentiality threshold: counts from 1 to N show as .. (default: the settings' threshold, else 3)",
        settings: "the network settings (JSON): name, language, threshold, comparison groups, socio-economic assumptions",
        languageSettings: "the network settings (JSON): only the language is used here",
        wait: "wait for a run already in progress instead of stopping",
        memoryLimit: "DuckDB's memory limit, e.g. 1GB (default 1GB)",
        inbox: "the inbox (default: the samples in data-samples/inbox)",
        files: "the extract files (.csv or .xlsx)",
        profile: "the profile the files are read with (schemas/profiles/NAME.json)"
      },
      examplesHeading: "Examples:",
      exitCodesHeading: "Exit codes:",
      examples: {
        run: [
          ["kas run", "the samples in data-samples/inbox; the site in out/site, the database in out/"],
          ["kas run --inbox /srv/kas/inbox --out /srv/kas/site", "a real inbox; the site in /srv/kas/site"],
          ["kas run --db /var/lib/kas/kas.duckdb --key-file /etc/kas/kas.key --wait", "the database and the key in places of their own; waits for a run in progress"],
          ["kas run --json", "the summary as one JSON document"]
        ],
        validate: [
          ["kas validate 0181/bistand-2025.csv", "one file, with the profile of the municipality folder 0181"],
          ["kas validate 0181/*.csv 0192/*.xlsx", "several files"],
          ["kas validate export.csv --profile case-system-sv", "a file outside the municipality folders, with a named profile"],
          ["kas validate 0181/bistand-2025.csv --json", "the findings as one JSON document"]
        ],
        status: [
          ["kas status", "the database out/kas.duckdb"],
          ["kas status --db /var/lib/kas/kas.duckdb --json", "another database, as one JSON document"]
        ],
        rebuild: [
          ["kas rebuild", "out/kas.duckdb from the archive out/archive; the site in out/site"],
          ["kas rebuild --db /var/lib/kas/kas.duckdb --out /srv/kas/site", "an installation with the database in /var/lib/kas"]
        ],
        main: [
          ["kas run --inbox /srv/kas/inbox --out /srv/kas/site", "the nightly run"],
          ["kas validate 0181/bistand-2025.csv", "check a file before it is uploaded"],
          ["kas status", "what is loaded"],
          ["kas run --help", "a command's options, examples and exit codes"]
        ]
      },
      exitCodes: {
        batch: ["everything accepted", "at least one file was rejected; the rest was loaded and published", "wrong usage (an unknown option, a missing inbox …); nothing was touched", "the run failed and nothing was published; what was there is untouched"],
        validate: ["every file accepted", "at least one file is rejected (the errors are in the output)", "wrong usage (a file that does not exist, an unknown profile …)", "the check could not be made (e.g. a broken profile)"],
        status: ["done (also when there is no database yet)", "", "wrong usage", "the database could not be read"]
      },
      helpHint: "Run kas --help for help.",
      runFailed: "the run failed and nothing was published; the previous database and reports are untouched.",
      reason: (message: string) => `Cause: ${message}`,
      diskFull: "The disk is full (or a file size limit was reached). Free space where the database and the site are and run again; nothing has been lost.",
      progressReports: "reports",
      dbInSite: (db: string, out: string, suggestion: string) =>
        `--db ${db} is inside the site --out ${out}, which kas replaces whole at every publication: the database, the archive and the key would disappear. Put the database outside the site, e.g. --db ${suggestion}.`
    },
    settings: {
      unreadable: (file: string, reason: string) => `--settings ${file}: the file cannot be read (${reason}). Give a JSON file with the network's settings.`,
      notJson: (file: string, reason: string) => `--settings ${file}: the file is not valid JSON (${reason}).`,
      wholeFile: "(the whole file)",
      unknownKey: (keys: string) => `unknown key ${keys}`,
      invalid: (file: string, issues: string) =>
        `--settings ${file}: ${issues}. Valid keys: name, language (sv, nb, en), threshold, survey_min_respondents, comparison_groups, socioeconomic (contract §9–§10).`,
      retention: (file: string, key: string, count: number, horizon: number) =>
        `--settings ${file}: socioeconomic.${key} has ${count} values, but horizon_years is ${horizon}: the list needs one value (a share 0–1) per year.`
    }
  };
})();

const catalogues: Readonly<Record<Language, CliWords>> = { sv, nb, en };

/** A stage of a run as the language names it (run.ts names them in Swedish). */
export function stageName(w: CliWords, stage: string): string {
  return w.stages[stage] ?? stage;
}

/** Why an entry of the inbox is not read, in the words' language. */
export function ignoredReason(w: CliWords, r: IgnoreReason): string {
  return r.why === "unreadable_folder" ? w.ignoredReason.unreadable_folder(r.code) : w.ignoredReason[r.why];
}

/** The command line's words in a language (Swedish when none is given: no settings). */
export function cliWords(language: Language = "sv"): CliWords {
  const w = catalogues[language];
  if (!w) throw new Error(`invalid language: ${String(language)}`);
  return w;
}
