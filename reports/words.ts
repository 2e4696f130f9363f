// The words of the published pages, in every language of contract §12: Swedish (sv, the default),
// Norwegian bokmål (nb: SSB's and KOSTRA's terms — sosialhjelp, sosialhjelpsmottakere, tiltak,
// kommune, nettverkets gjennomsnitt) and English (en). Every fixed phrase of a page is here, once per
// language; a phrase that takes numbers is a function and writes them in its language's notation
// (reports/format.ts), and a phrase that names a symbol uses its language's symbols. The names and
// definitions of indicators, target groups, breakdowns and codes are the schemas' (schemas/*.json),
// picked by `name`, `text` and `unit`. The Swedish catalogue defines the shape; the compiler holds
// the other two to it.
//
// Usage: `const w = words(page.language ?? "sv")`, then `w.n.value(ind, f, false)` for a figure,
// `w.name(indicator)` for a label, `w.report.lead(years, w.text(tg.definition))` for a phrase.
import type { Indicator, Language, Localized } from "../pipeline/contract/schema.js";
import { html, type Html } from "./html.js";
import { notation, type Notation } from "./format.js";

/** Anything with a name in every language: an indicator, target group, dimension, category, code or code list. */
export interface Named {
  readonly sv: string;
  readonly nb: string;
  readonly en: string;
}

/** A table's caption (also the name of its region) and its column heads. */
type Table = readonly [caption: string, head: readonly string[]];

const sym = (s: string): Html => html`<span class="sym">${s}</span>`;
const nw = (s: string | number): Html => html`<span class="nw">${s}</span>`;

/** What every language's catalogue shares: its notation and how it picks the schemas' texts. */
function common(language: Language, locale: string) {
  const n: Notation = notation(language);
  return {
    language,
    /** the locale of sorting and case: "sv", "nb", "en" */
    locale,
    /** names sorted as readers of the language expect (å after z in Swedish and Norwegian) */
    collator: new Intl.Collator(locale),
    /** numbers and symbols */
    n,
    /** the name of an indicator, target group, dimension, category, code or code list */
    name: (x: Named): string => x[language],
    /** a definition, numerator or denominator of the schemas */
    text: (x: Localized): string => x[language],
    /** an indicator's unit */
    unit: (ind: Pick<Indicator, "unit">): string => ind.unit[language]
  };
}

const sv = (() => {
  const c = common("sv", "sv");
  const { n } = c;
  const S = n; // the symbols
  const count = (v: number) => n.count(v);
  return {
    ...c,
    /** the unit of an indicator's values: "procent" for a share */
    valueUnit: (ind: Pick<Indicator, "kind" | "unit">): string => (ind.kind === "share" ? "procent" : c.unit(ind)),
    /** "a, b och c" */
    and: (items: readonly string[]): string => items.join(", ").replace(/, ([^,]*)$/, " och $1"),
    gender: { K: "Kvinnor", M: "Män", T: "Totalt" },
    municipality: "Kommun",
    municipalities: "Kommuner",
    networkLabel: "Nätverket (medel)",
    /** a comparison group's mean (contract §13) */
    groupLabel: (name: string) => `${name} (medel)`,
    run: "Körning",
    runLine: (time: Html, id: number): Html => html`${time}, körning nr ${id}`,
    /** the name of a table's scrolling region */
    table: (what: string) => `Tabell: ${what}`,
    /** ", del 2 av 3" */
    part: (k: number, of: number) => `, del ${k} av ${of}`,
    outOf: (k: number, of: number) => `${k} av ${of}`,
    notRanked: "ej rankad",
    rankOf: (rank: number, of: number) => `${rank} av ${of}`,
    frame: {
      siteName: "KAS jämförelser",
      nav: { index: "Start", survey: "Brukarundersökning", quality: "Datakvalitet", codes: "Kodlistor" },
      pages: "Sidor",
      skip: "Till innehållet",
      footer: (id: number, time: Html): Html => html`Körning nr ${id}, startad ${time}. Sidan är genererad utan skript och hämtar inget från nätet.`,
      freshnessCaption: "Datum för data per kommun",
      noData: "Inga data är inlästa ännu.",
      upTo: "t.o.m.",
      noBistand: "(inga biståndsdata)",
      snapshot: (date: string) => `ögonblicksbild ${date}`,
      noInsats: "(inga insatsdata)",
      freshnessHead: ["Kommun", "Ekonomiskt bistånd, månader", "Insatser", "Senast inläst"],
      fromRows: "(senaste datum i filen)",
      fromFirstSeen: "(dagen filen lästes in: varken filnamnet eller raderna anger datum)",
      /** the symbols' legend: with the threshold, or the rule alone (null) */
      symbols: (threshold: number | null): Html =>
        threshold === null
          ? html`<li>${sym(S.withheld)} = skyddat av sekretesskäl: uppgiften bygger på för få personer eller händelser, eller skulle kunna räknas fram ur andra uppgifter.</li>
<li>${sym(S.noData)} = uppgift saknas.</li>`
          : html`<li>${sym(S.withheld)} = skyddat av sekretesskäl: uppgiften bygger på 1–${threshold} personer eller händelser, eller skulle kunna räknas fram ur andra uppgifter (t.ex. kvinnor + män = totalt).</li>
<li>${sym(S.noData)} = uppgift saknas: inga data för året, månaderna uppgiften bygger på (t.ex. uppföljningen efter avslut) är inte inlästa, eller en andel eller ett medelvärde vars nämnare är 0.</li>`
    },
    report: {
      lead: (years: string, definition: string) => `Jämförelse mellan nätverkets kommuner, ${years}. Målgrupp: ${definition}`,
      targetGroup: "Målgrupp",
      data: "Data",
      downloads: (id: string): Html => html`<a href="data/${id}.csv">Alla siffror i rapporten som CSV</a> (punkt som decimaltecken), <a href="data/${id}.xlsx">som Excel-fil</a> (för Excel: svenska rubriker, kommun- och indikatornamn) och <a href="data/${id}.arrow">som Apache Arrow-fil</a> (typade kolumner, för R, Python och andra analysverktyg)`,
      municipalityCount: (k: number) => `${count(k)} kommuner`,
      symbols: "Symboler",
      protection: (withheld: number, secondary: number): Html | string =>
        withheld === 0
          ? "Inga värden i rapporten är skyddade."
          : html`${nw(count(withheld))} ${withheld === 1 ? "värde" : "värden"} i rapporten är skyddade (${sym(S.withheld)})${secondary > 0 ? html`, varav ${nw(count(secondary))} för att andra skyddade värden inte ska kunna räknas fram` : ""}.`,
      rankKey: html`<p><strong>Rang</strong>: 1 = bäst bland kommunerna med publicerat värde. Färgen följer Kolada och rangen står alltid också i text:</p>
<ul class="rank-key">
<li><span class="rank rank-good">grön</span> bästa tredjedelen</li>
<li><span class="rank rank-mid">gul</span> mittersta tredjedelen</li>
<li><span class="rank rank-bad">röd</span> sämsta tredjedelen</li>
<li><span class="rank rank-missing">grå</span> ej rankad (värdet saknas eller är skyddat, eller färre än tre kommuner har ett publicerat värde)</li>
</ul>`,
      networkMeanKey: html`<p><strong>Nätverkets medelvärde</strong> är medelvärdet av kommunernas publicerade värden; under det står hur många kommuner det bygger på (<span class="nw">n = 5</span>), och <span class="ov-n ov-one">1 kommun</span> där det är en enda kommuns värde. Är alla kommuners värden skyddade visar nätverket ${sym(S.withheld)}.</p>`,
      freshnessCaption: "Senast inlästa data per kommun",
      /** how far a large network's data reach: reach is a month or a span of months, null without assistance data */
      freshnessSummary: (total: number, reach: string | null, without: number) =>
        `${count(total)} kommuner, ${reach === null ? "inga biståndsdata" : `biståndsdata t.o.m. ${reach}`}${without > 0 ? `, ${count(without)} utan biståndsdata` : ""}`,
      indicators: "Indikatorer",
      breakdowns: "Uppdelningar",
      model: "Modellberäkning",
      nothingYet: html`<strong>Inga uppgifter ännu.</strong> Ingen kommuns extrakt har godkänts, så det finns inget att jämföra. Se <a href="quality.html">Datakvalitet</a> för filer som har avvisats och varför.`,
      definition: "Definition",
      numerator: "Täljare",
      denominator: "Nämnare",
      ranking: "Rangordning",
      direction: {
        higher: "Högre värde är bättre.",
        lower: "Lägre värde är bättre.",
        none: "Rankas inte: ett högre värde är inte bättre eller sämre (t.ex. antal)."
      },
      figuresCaption: (name: string, unit: string, byGender: boolean, which: string) =>
        `${name} (${unit}) per kommun, år${byGender ? " och kön" : ""}, med rang; nätverkets medelvärde med antalet kommuner (n)${which}`,
      partsLabel: (name: string, which: string) => `täljare och nämnare, ${name}${which}`,
      partsCaption: (name: string, byGender: boolean, which: string) => `${name}: täljare / nämnare per kommun, år${byGender ? " och kön" : ""}${which}`,
      partsNetworkOnly: "Kommunernas värden är antal och har ingen nämnare. Nätverkets medelvärde är summan av de kommunvärden som ingår (täljare) delad med antalet kommuner som ingår (nämnare).",
      partsExplain: (numerator: string, denominator: string) =>
        `Varje cell visar täljaren och under den / nämnaren. Täljare: ${numerator}. Nämnare: ${denominator}. För nätverket: summan av de kommunvärden som ingår i medelvärdet / antalet kommuner som ingår.`,
      partsNetworkSummary: "Täljare och nämnare för nätverkets medelvärde",
      partsSummary: "Täljare och nämnare"
    },
    chart: {
      legend: "Teckenförklaring",
      diagram: (title: string) => `Diagram: ${title}`,
      oneMunicipality: "1 kommun",
      meanOfTitle: (k: number) => `medelvärde av ${k === 1 ? "en enda kommun" : `${k} kommuner`}`,
      /** "n = 5" as a caption says it */
      meanOf: (counts: string) => (counts === "1 kommun" ? "medelvärde av 1 kommun" : `${counts} kommuner`),
      empty: "inga publicerade värden",
      emptyWhy: html`(alla värden är skyddade ${sym(S.withheld)} eller saknas ${sym(S.noData)}). Tabellen visar vilka.`,
      shareAxis: "Andel, %",
      moneyAxis: "Kronor",
      countAxis: (unit: string) => `Antal ${unit}`,
      networkMean: "Nätverkets medelvärde",
      meanShort: "Medel",
      middleHalf: "Mittersta hälften av kommunerna (kvartil 1–3)",
      byMunicipalityAndYear: (name: string) => `${name} per kommun och år`,
      allShown: "Alla värden finns med i diagrammet.",
      notShown: (emptyFacets: boolean): Html =>
        html`Skyddade värden (${sym(S.withheld)}) och värden som saknas (${sym(S.noData)}) visas inte i diagrammet${emptyFacets ? html`; en ruta utan något publicerat värde säger ”inga publicerade värden”` : ""}`,
      andMore: (k: number) => ` och ${k} till`,
      tableBelowShowsAll: "Tabellen nedan visar alla värden.",
      singleMean: (list: string) => ` Nätverkets medelvärde är en enda kommuns värde (1 kommun): ${list}.`,
      genderOrder: (list: string) => ` Inom varje år står ${list} i den ordningen, från vänster.`,
      facetsHow: (meanOf: string) =>
        `En ruta per kommun; linje med symbol = kommunens värde, kort tjock stapel utan symbol i samma färg = nätverkets medelvärde samma år${meanOf ? ` (${meanOf})` : ""}.`,
      byMunicipalityIn: (name: string, year: number, part: string) => `${name} per kommun ${year}${part}`,
      rowsChangeKey: (key: string, previous: number) => `Förändring ${key} från ${previous}`,
      rowsMarks: (marks: readonly (readonly ["ring" | "square", string])[], key: string) =>
        `${marks.map(([shape, g]) => `${shape === "ring" ? "ring" : "fyrkant"} = ${g}`).join(", ")}, lodrätt streck = ${key}; lika värden ligger i varandra`,
      rowsMarkTotal: (key: string) => `streck = ${key}`,
      rowsTrend: (previous: number) => ` Pilen börjar vid värdet ${previous} (ingen pil: för liten förändring för att synas, eller ett av åren saknas).`,
      rowsNoMean: (year: number) => `Nätverkets medelvärde ${year} saknas.`,
      rowsMean: (year: number, meanOf: string) => `Nätverkets medelvärde ${year} (streckad linje, ${meanOf})`,
      rowsMissing: (k: number, key: string | null): Html =>
        html`${count(k)} ${k === 1 ? "värde" : "värden"} för ${key ?? "kvinnor eller män"} här är skyddade (${sym(S.withheld)}) eller saknas (${sym(S.noData)}) och visas inte.`,
      rowsHow: (from: number, to: number, total: number, key: string, year: number, marks: string) =>
        `kommun ${from}–${to} av ${total} i ordning efter värdet för ${key} ${year}, högst först (${marks}).`,
      rowsTableShowsAll: "Tabellen visar alla värden och år.",
      trendHow: (onlyYear: number | null, fewest: number | null): Html =>
        html`nätverkets medelvärde per år (symbol och linje, med värdet utskrivet${onlyYear === null ? "" : html` för ${onlyYear}`}; under året hur många kommuner medelvärdet bygger på) och spridningen mellan kommunerna: stapeln går från första till tredje kvartilen av kommunernas publicerade värden, så hälften av kommunerna ligger inom den. Skyddade (${sym(S.withheld)}) och saknade (${sym(S.noData)}) värden ingår inte${fewest === null ? "" : html`; varje stapel bygger på minst ${nw(fewest)} kommuner`}. Diagrammen nedan visar varje kommun.`,
      rankGap: (k: number) => `… ${count(k)} kommuner till …`,
      rankMeanLabel: (mean: string, k: string) => `Nätverket ${mean} (${k})`,
      rankTitle: (title: string) => `${title}, kommunerna i rangordning`,
      rankHow: (year: number, axis: string, lower: boolean, ranked: boolean): Html =>
        html`${year}, totalt (${axis}): ${lower ? "lägst värde först (lägre är bättre)" : "högst värde först (högre är bättre)"}${ranked ? ", med rang" : html`, <span class="nw">ej rankad</span> (färre än tre publicerade värden)`}.`,
      rankNoMean: "Nätverkets medelvärde saknas.",
      rankMean: (mean: string, meanOf: string): Html => html`Streckad linje: nätverkets medelvärde, ${nw(mean)} (${meanOf}).`,
      rankCut: (k: number, of: number): Html => html` Visar de ${k} bästa och de ${k} sämsta av ${nw(count(of))} kommuner med publicerat värde.`,
      rankUnpublished: (k: number, cut: boolean): Html =>
        html` ${nw(count(k))} ${k === 1 ? "kommun saknar" : "kommuner saknar"} publicerat värde (${sym(S.withheld)} skyddat, ${sym(S.noData)} saknas)${cut ? "" : " och står sist"}.`
    },
    overview: {
      direction: { lower: "lägre är bättre", higher: "högre är bättre", none: "ej rankad" },
      title: (year: number) => `Översikt ${year}`,
      caption: (year: number, previous: number | null) => `Nyckeltal ${year} per kommun, totalt: värde, förändring från ${previous ?? "föregående år"} och rang`,
      intro: (year: number, previous: number | null, shares: boolean, scrolls: boolean): Html =>
        html`Nyckeltalen ${year} för kvinnor och män tillsammans (totalt). Under varje värde: ${previous === null ? `förändringen från året före (finns inte i rapporten, därför ${S.noData})` : html`förändringen från ${previous} (${shares ? "andelar i procentenheter, övriga i indikatorns enhet" : "i indikatorns enhet"})`} och rangen bland kommunerna med publicerat värde (1 = bäst; ingen rang bland färre än tre). Överst nätverkets medelvärde och hur många kommuner det bygger på (n). Kommunens namn leder till alla dess siffror; nyckeltalets namn till dess avsnitt nedan. ${sym(S.withheld)} = skyddat, ${sym(S.noData)} = saknas.${scrolls ? " Tabellen rullar inom sin ruta; rubrikraden och kommunnamnen står kvar." : ""}`,
      rankingTitle: (year: number) => `Rangordning ${year}`,
      rankingIntro: (all: number, k: number) =>
        `Per nyckeltal kommunerna med publicerat värde, bäst först (med fler än ${all} de ${k} bästa och de ${k} sämsta), och nätverkets medelvärde som streckad linje. Diagrammen visar totalt; värdena per kön står i avsnitten nedan.`
    },
    breakdown: {
      /** "Deltagare i insatser per behovskategori" */
      by: "per",
      breakdown: "Uppdelning",
      intro: (k: number, categories: string, year: number) =>
        `${k} kategorier, i den här ordningen: ${categories}. Varje kategori redovisas, också när den är 0. Diagrammen visar ${year} totalt; tabellerna kvinnor, män och totalt.`,
      participantOnce: "En deltagare räknas en gång, i kategorin för den av årets pågående insatser som började senast. ",
      sumsToTotal: (total: Html): Html => html`Kategorierna summerar till totalen (${total}).`,
      sharesOfTotal: (denominator: string) => `Nämnaren är alla ${denominator}; kategoriernas andelar summerar till 100 % (avrundat).`,
      sharesWithin: (denominator: string) => `Andelen räknas inom varje kategori: nämnaren är kategorins ${denominator}.`,
      notRanked: "Uppdelningar rangordnas inte.",
      earlierYears: (span: string) => `Tidigare år (${span})`,
      earlierInFiles: (span: string) => `Tidigare år (${span}) finns i datafilerna (CSV, Excel, Arrow).`,
      countUnit: (unit: string) => `antal ${unit}`,
      totalDenominator: (denominator: string) => `${denominator}, alla kategorier tillsammans (samma i varje kategori)`,
      categoryDenominator: (denominator: string) => `${denominator} i kategorin`,
      partsWhat: (name: string) => `${name}: täljare / nämnare`,
      totalWho: "totalt (kvinnor och män)",
      distributionTitle: (title: string, year: number) => `${title}: fördelning per kommun, ${year}`,
      andMunicipalityTitle: (title: string, year: number) => `${title} och kommun, ${year}`,
      networkTitle: (title: string, when: number | string) => `${title}, nätverket ${when}`,
      /** the text in place of a bar with no category drawn */
      barNotDrawn: (withheld: boolean, symbol: string) => (withheld ? `skyddat (${symbol})` : `saknas (${symbol})`),
      barsShareHow: "En stapel per kommun delad i kategoriernas andelar, i teckenförklaringens ordning; nätverkets stapel är medelvärdet per kategori av de kommuner där andelen är publicerad, så den summerar inte alltid till 100 %.",
      barsCountHow: "En stapel per kommun med kategoriernas antal efter varandra, i teckenförklaringens ordning; nätverkets stapel är medelvärdet per kategori.",
      withoutBar: "Utan stapel",
      categoriesNotDrawn: (share: boolean): Html =>
        html`Kategorier som är skyddade (${sym(S.withheld)}) eller saknas (${sym(S.noData)}) ritas inte${share ? " (randigt: det som återstår upp till 100 %)" : html` (${sym(`+ ${S.withheld}`)} efter stapeln)`}`,
      hatchedKey: "Skyddade eller saknade kategorier",
      tableShowsAll: "Tabellen visar alla värden, också för kvinnor och män.",
      panelsHow: "En ruta per kategori med en stapel per kommun, samma skala i alla rutor.",
      panelsMean: "Nätverkets medelvärde (streckad linje)",
      panelsGaps: html`Skyddade (${sym(S.withheld)}) och saknade (${sym(S.noData)}) värden ritas inte; deras symbol står vid noll.`,
      categoryMeanKey: "Nätverkets medelvärde i kategorin",
      profileBarKey: "Stapel: nätverkets medelvärde i kategorin (kategorins färg)",
      profileHow: (unpublished: number, of: number, fewest: number | null): Html =>
        html`en rad per kategori. Stapeln är nätverkets medelvärde (kommunernas publicerade värden, ovägt), linjen går från första till tredje kvartilen av kommunernas värden, så hälften av kommunerna ligger inom den. Skyddade (${sym(S.withheld)}) och saknade (${sym(S.noData)}) värden ingår inte${unpublished > 0 ? html` (${nw(count(unpublished))} av ${nw(count(of))} kommunvärden)` : ""}${fewest === null ? "" : html`; varje kategori bygger på minst ${nw(count(fewest))} kommuner`}. Tabellen visar varje kommun.`
    },
    socio: {
      title: "Socioekonomiskt värde av avslut till arbete eller studier",
      /** an amount of money: "150 000 kr" */
      money: (amount: string) => `${amount} kr`,
      notMeasured: html`<strong>Detta är en modellberäkning med nätverkets antaganden, inte uppmätta utfall.</strong> Ingen person har följts upp för att ta fram de här värdena: de visar vad årets avslut till arbete eller studier är värda <em>om</em> antagandena nedan stämmer.`,
      model: (horizon: number, discount: string): Html =>
        html`Modellen: ett hushålls bistånd under ett år, A, är 12 gånger målgruppens utbetalda bistånd per hushållsmånad i kommunen samma år. Varje avslut till arbete antas ge, år 1 till ${horizon}, andelen p<sub>t</sub> av (A + R) — biståndet som inte betalas ut och skatter och avgifter av arbetet — och varje avslut till studier andelen q<sub>t</sub> av A, diskonterat med ${discount} per år från år 2. Värdet är summan för årets avslut till arbete och till studier, minskat med dödvikten d. Nettovärdet är värdet minus den sammanlagda kostnaden för årets avslutade insatser; avkastningen är värdet delat med kostnaden (kronor tillbaka per satsad krona, saknas när kostnaden är 0).`,
      noDeadweight: html`Dödvikten är 0: modellen tillskriver insatserna <em>varje</em> avslut, också de som kanske hade skett ändå. Värdena är därför en övre gräns för vad insatserna ger.`,
      protected: (threshold: number): Html =>
        html`Värdena skyddas som antalen de bygger på: de visas som ${sym(S.withheld)} när avsluten till arbete eller studier eller årets avslut är få (1–${threshold}) eller skyddade i rapporten.`,
      parameters: {
        H: "Horisont (år)",
        r: "Diskonteringsränta",
        R: "Skatter och avgifter av ett års arbete",
        p: "Andel kvar utan bistånd år 1…H efter avslut till arbete",
        q: "Andel kvar utan bistånd år 1…H efter avslut till studier",
        d: "Dödvikt (andel avslut som hade skett ändå)"
      },
      parametersLabel: "modellens antaganden",
      parametersCaption: (defaults: boolean) => `Antaganden som värdena bygger på (${defaults ? "kontraktets standardvärden" : "nätverkets inställningar"})`,
      parametersHead: ["Parameter", "Innebörd", "Värde"],
      short: { socioeconomic_value: "Värde, kr", socioeconomic_net_value: "Netto, kr", socioeconomic_return: "Kr per kr" },
      tableLabel: "socioekonomiskt värde per kommun och år",
      tableCaption: "Socioekonomiskt värde, nettovärde och avkastning per kommun och år (totalt, modellberäkning)",
      netTitle: (year: number) => `Socioekonomiskt nettovärde per kommun, ${year}`,
      netHow: "(kronor, modellberäkning), högst först.",
      netWithout: "Utan stapel (värdet är skyddat eller saknas)",
      noNet: (year: number) => `Inget publicerat nettovärde för ${year}.`,
      millions: "Miljoner kronor",
      tooMany: (k: number) => `Nätverket har ${k} kommuner: nettovärdena står i tabellen nedan och i datafilerna.`,
      sensitivityTitle: "Hur mycket vilar på antagandena?",
      noValue: (year: number) => `Inget värde för ${year} är publicerat.`,
      sensitivityIntro: (year: number, defaults: boolean) =>
        `Värdet ${year} med andelarna kvar utan bistånd (p och q) halverade, och med kontraktets standardvärden${defaults ? " (som används ovan)" : ""}:`,
      sensitivityLine: (value: string, half: string, defaults: string) => `${value}; halverade andelar ${half}; standardvärden ${defaults}`
    },
    municipalityPage: {
      crumb: "Kommunernas sidor",
      lead: "Kommunens uppgifter i nätverkets alla rapporter: per målgrupp, år och kön, bredvid nätverkets medelvärde och med kommunens rang. Indikatorns namn leder till rapportens avsnitt med definition, diagram och alla kommuner.",
      noData: "Inga data är inlästa för kommunen.",
      bistand: "Ekonomiskt bistånd",
      insats: "Insatser",
      lastLoaded: "Senast inläst",
      key: (groups: string): Html =>
        html`<strong>Nätverket (medel)</strong> är det ovägda medelvärdet av de kommuner vars värde är publicerat; för antal med en decimal.${groups === "" ? "" : html` Jämförelsegruppernas medelvärden (${groups}) räknas på samma sätt över gruppens kommuner i nätverket.`} <strong>Rang</strong>: 1 = bäst bland kommunerna med publicerat värde (<span class="rank rank-good">grön</span> bästa tredjedelen, <span class="rank rank-mid">gul</span> mittersta, <span class="rank rank-bad">röd</span> sämsta, <span class="rank rank-missing">grå</span> ej rankad: värdet saknas eller är skyddat).`,
      reportsNav: "Rapporter",
      reportsTitle: "Rapporter per målgrupp",
      noReports: "Inga rapporter ännu.",
      theReport: "rapporten",
      wholeReport: (name: string) => `Hela rapporten: ${name}`,
      nothingInReport: "Kommunen har inga uppgifter i rapporten.",
      totalsCaption: (name: string, span: string) => `${name} och nätverket, ${span}`,
      totalsLabel: (report: string, name: string, span: string) => `${report}, ${name} och nätverkets medelvärde, ${span}`,
      modelNote: (href: string): Html =>
        html`Socioekonomiskt värde av avslut till arbete eller studier: en modellberäkning på nätverkets antaganden, inte mätta utfall (<a href="${href}">modellen och antagandena</a>).`,
      modelCaption: (span: string) => `Socioekonomiskt värde, ${span}`,
      modelLabel: (report: string, name: string, span: string) => `${report}, socioekonomiskt värde (modellberäkning), ${name} och nätverkets medelvärde, ${span}`,
      year: "År",
      rank: "Rang",
      networkHead: html`Nätverket<br>(medel)`,
      meanMark: "(medel)",
      totalOnly: "endast totalt",
      breakdownsTitle: (year: number) => `Uppdelningar ${year}`,
      breakdownsIntro: "Kommunens värden per kategori för det senaste året, bredvid nätverkets medelvärde. Uppdelningar rangordnas inte; tidigare år finns i rapportens datafiler."
    },
    index: {
      title: "Jämförelser mellan nätverkets kommuner",
      lead: "Ekonomiskt bistånd och kommunala arbetsmarknadsinsatser, per målgrupp. Varje rapport jämför kommunerna med nätverkets medelvärde och rangordnar dem, med diagram och tabeller.",
      files: "Filer",
      filesLine: (accepted: number, rejected: number): Html =>
        html`${nw(count(accepted))} ${accepted === 1 ? "fil godkänd" : "filer godkända"}, ${nw(count(rejected))} ${rejected === 1 ? "fil avvisad" : "filer avvisade"}${rejected > 0 ? html` – <a href="quality.html">se skälen på sidan Datakvalitet</a>` : html` (<a href="quality.html">datakvalitet</a>)`}`,
      reports: "Rapporter per målgrupp",
      noReports: "Inga rapporter ännu.",
      municipalities: "Kommunernas sidor",
      noMunicipalities: "Inga kommuner har data ännu.",
      municipalitiesIntro: "En sida per kommun med alla dess uppgifter i rapporterna, bredvid nätverkets medelvärde.",
      otherPages: "Övriga sidor",
      otherPagesList: html`<li><a href="quality.html">Datakvalitet</a>: inlästa och avvisade filer, alla fel med rad och kolumn, kodningens fullständighet.</li>
<li><a href="codes.html">Kodlistor</a>: de gemensamma koderna (försörjningshinder, insatser, avslutsorsaker m.m.) och indikatorernas definitioner.</li>`,
      dataTitle: "Data per kommun",
      symbols: "Symboler i rapporterna"
    },
    quality: {
      lead: "Vilka filer som lästes in och vilka som avvisades, med varje skäl (rad och kolumn), hur fullständigt försörjningshindren är kodade och vilka koder som översatts.",
      filesLine: (accepted: number, rejected: number) => `${count(accepted)} inlästa, ${count(rejected)} avvisade`,
      confidentiality: "Sekretess",
      confidentialityRule: (threshold: number): Html =>
        html`Antal personer, hushåll, personmånader och rader från 1 till ${threshold} visas som ${sym(S.withheld)} även här; ${sym(S.noData)} = uppgift saknas.`,
      contents: "Innehåll",
      sections: {
        files: "Filer per kommun",
        completeness: "Kodningens fullständighet",
        couples: "Par där bara en vuxen är kodad",
        mappings: "Koder översatta via profiler",
        replacements: "Ersatta rader"
      },
      filesIntro: "En avvisad fil läses inte in alls. Rätta felen som anges (rubrikraden är rad 1) och ladda upp filen igen; övriga filer från kommunen påverkas inte.",
      noFiles: "Inga filer har lästs ännu.",
      completenessIntro: "Andelen personmånader med ett försörjningshinder angivet. Månader utan hinder räknas inte när årets hinder bestäms, så en låg andel gör målgrupperna ofullständiga.",
      completenessTable: ["Personmånader med försörjningshinder per kommun och år", ["Kommun", "År", "Personmånader", "Med försörjningshinder", "Andel, %"]] as Table,
      couplesIntro: "Hushåll med två vuxna (sökande och medsökande) där medsökande saknar försörjningshinder.",
      couplesTable: ["Par per kommun och år", ["Kommun", "År", "Par", "Medsökande utan försörjningshinder"]] as Table,
      mappingsIntro: html`Kommunens egna beteckningar och de gemensamma koder (se <a href="codes.html">Kodlistor</a>) som de översatts till, med kodens svenska benämning. Antalet rader per kod visas inte: bredvid filens radantal skulle det avslöja små antal.`,
      mappingsTable: ["Översatta koder", ["Kommun", "Profil", "Kolumn", "Kommunens kod", "Kontraktets kod"]] as Table,
      replacementsIntro: "En nyare biståndsfil ersätter kommunens tidigare rader för de månader den innehåller; en nyare insatsfil ersätter hela den tidigare ögonblicksbilden; en nyare enkät- eller befolkningsfil ersätter raderna för de år den innehåller, och en nyare kommentar den tidigare.",
      replacementsTable: ["Ersatta rader", ["Kommun", "Typ", "Månad eller år", "Tidigare fil", "Ny fil", "Rader"]] as Table,
      nothing: "Inget att redovisa.",
      wholeSnapshot: "hela ögonblicksbilden",
      municipalityCode: "Kommunkod",
      filesOf: (k: number, rejected: number) => `${count(k)} ${k === 1 ? "fil" : "filer"}, varav ${count(rejected)} ${rejected === 1 ? "avvisad" : "avvisade"}.`,
      filesFrom: (name: string) => `Filer från ${name}`,
      filesCaption: (name: string) => `Filer från ${name}, i den ordning de lästes in`,
      /** the inbox's folder of network-wide reference data (contract §1: population, §11), listed after the municipalities */
      networkFolder: { title: "Nätverkets referensdata", from: "nätverkets mapp" },
      filesHead: ["Fil", "Typ", "Status", "Först sedd", "Rader", "Teckenkodning", "Avgränsare", "Profil", "Fynd"],
      unknownKind: "okänd",
      kind: { bistand: "Ekonomiskt bistånd", insats: "Insatser", survey: "Brukarundersökning", population: "Befolkning", commentary: "Kommentar" } as Readonly<Record<string, string>>,
      status: { accepted: "Inläst", rejected: "Avvisad" },
      encoding: { "utf-8": "UTF-8", utf8: "UTF-8", "utf-8-bom": "UTF-8 med BOM", "windows-1252": "Windows-1252", latin1: "Latin-1" } as Readonly<Record<string, string>>,
      delimiter: { ",": "komma (,)", ";": "semikolon (;)", "\t": "tabb" } as Readonly<Record<string, string>>,
      noProfile: "ingen",
      none: "inga",
      findingsIn: "Fynd i",
      findingsCaption: "Allvarlighet, rad (rubrikraden är rad 1), kolumn (som filen skriver den), värde och vad som behöver rättas",
      findingsHead: ["Allvar", "Rad", "Kolumn", "Värde", "Meddelande"],
      showing: (shown: number, total: number): Html =>
        html`Visar ${count(shown)} av ${count(total)} fynd, de allvarligaste först. Kontrollera filen med <code>kas validate</code> för att se alla.`,
      rowsFrom: (rows: number, line: string) => `(${count(rows)} rader, från rad ${line})`
    },
    codes: {
      title: "Kodlistor och definitioner",
      lead: "De gemensamma koderna som alla kommuners uttag översätts till, och hur målgrupper och indikatorer definieras. Koderna är stabila nycklar; benämningarna finns på svenska, norska och engelska.",
      listCaption: ": kod och benämning på svenska, norska och engelska",
      listHead: ["Kod", "Svenska", "Norska", "Engelska"],
      group: "Grupp",
      workOrStudies: "Räknas som arbete eller studier",
      yes: "ja",
      no: "nej",
      targetGroups: "Målgrupper",
      targetGroupsCaption: "Målgrupper: id, namn och definition",
      targetGroupsHead: ["Id", "Namn", "Definition"],
      indicatorsCaption: "Indikatorer: id, namn, definition, täljare, nämnare och redovisade kön",
      indicatorsHead: ["Id", "Namn", "Definition", "Täljare", "Nämnare", "Kön"],
      checksTitle: "Kontroller och meddelanden",
      checksIntro: html`Varje fil kontrolleras innan något av den läses in: först filen själv, sedan rubrikraden, radernas struktur, värdet i varje kolumn och reglerna inom och mellan rader. Varje fynd anger kod, fil, rad, kolumn och värde och ett meddelande om vad som är fel och hur det rättas; <code>kas validate</code> visar fynden för en fil utan att läsa in den. Allvarlighet:`,
      checksCaption: ": kod, allvarlighet, vad kontrollen hittar och hur det rättas",
      checksHead: ["Kod", "Allvar", "Vad", "Så rättar du"],
      inJson: (severity: string) => `(${severity} i --json)`
    },
    survey: {
      title: "Brukarundersökning",
      /** the index's line about survey.html */
      indexLine: "Hur brukarna i nätverkets kommuner svarat på brukarundersökningen, per fråga: andel positiva svar och medelvärde per kommun, bredvid nätverkets medelvärde.",
      lead: (year: number) => `Hur brukarna i nätverkets kommuner svarat på brukarundersökningen ${year}, per fråga. Svaren ges på en skala från 1 till 6 där 6 är bäst; 5 och 6 räknas som positiva svar.`,
      noSurvey: (year: number) => `ingen enkät ${year}`,
      dataLinks: (csv: Html, xlsx: Html, arrow: Html): Html => html`Alla siffror, också tidigare år, ${csv} (punkt som decimaltecken), ${xlsx} och ${arrow}`,
      csv: "som CSV", xlsx: "som Excel-fil", arrow: "som Apache Arrow-fil",
      symbols: (t: number): readonly (readonly [symbol: "withheld" | "noData" | "notApplicable", text: string])[] => [
        ["withheld", `skyddat: uppgiften bygger på för få svarande, eller skulle kunna räknas fram ur andra uppgifter (se nedan). Antal från 1 till ${t} visas aldrig.`],
        ["noData", "uppgift saknas: ingen enkät i kommunen det året, eller ingen svarande på frågan (andel och medelvärde)."]
      ],
      ruleTitle: (min: number) => `Minst ${min} svarande`,
      rule: (min: number, t: number) =>
        `En uppgift som bygger på färre än ${min} svarande visas inte, för kvinnor, män och totalt. Visas kvinnornas eller männens uppgifter för en fråga inte, så visas ingen av dem: annars skulle den ena kunna räknas fram ur totalt och den andra. Totalt visas om det självt har minst ${min} svarande. Svarande som inte angett kön räknas bara i totalt, så kvinnor och män kan tillsammans vara färre än totalt. Dessutom gäller rapporternas sekretessregel: ett antal svarande eller positiva svar från 1 till ${t} visas inte, inte heller en andel av färre än 10 svarande eller en uppgift som skulle kunna räknas fram ur andra.`,
      networkMean: "Nätverkets medelvärde är medelvärdet av kommunernas publicerade värden (skyddade värden ingår inte); under det står hur många kommuner det bygger på.",
      questions: "Frågor",
      figures: { survey_respondents: "Svarande", survey_positive_share: "Positiva, %", survey_mean_score: "Medelvärde" },
      caption: (q: string, year: number) => `${q}: svarande, andel positiva svar (5–6) och medelvärde (1–6) per kommun och kön, ${year}`,
      withheldTitle: (year: number) => `Skyddade uppgifter ${year}`,
      withheldLink: "Vilka uppgifter som är skyddade och varför",
      withheldNone: (year: number) => `Inga uppgifter för ${year} är skyddade.`,
      withheldSummary: (o: { total: number; respondents: number; confidentiality: number; year: number; min: number; distinguished: boolean }) =>
        `${o.total} ${o.total === 1 ? "uppgift" : "uppgifter"} för ${o.year} på sidan är skyddade (${S.withheld})` +
        (o.distinguished ? `: ${o.respondents} för att de bygger på färre än ${o.min} svarande (eller hör ihop med en sådan uppgift för det andra könet), ${o.confidentiality} enligt sekretessregeln.` : "."),
      withheldColumns: ["Kommun", "Fråga", "Skyddat", "Skäl"] as readonly [string, string, string, string],
      withheldShowAll: (k: number) => `Visa alla ${k} rader`,
      all: "alla uppgifter",
      reasons: {
        total: (min: number) => `färre än ${min} svarande totalt: inget visas för frågan`,
        pair: (min: number) => `färre än ${min} svarande bland kvinnor eller män: båda skyddas, så att ingen av dem kan räknas fram ur totalt och den andra`,
        confidentiality: (t: number) => `sekretessregeln: ett antal från 1 till ${t}, en andel av färre än 10 svarande, eller en uppgift som annars skulle kunna räknas fram ur andra`,
        either: (min: number, t: number) => `färre än ${min} svarande, eller sekretessregeln (ett antal från 1 till ${t} eller en uppgift som annars skulle kunna räknas fram)`
      },
      chart: {
        genders: { K: "Kvinnor", M: "Män", T: "Totalt" },
        axis: "Andel positiva svar (5–6), %",
        legend: "Teckenförklaring",
        networkMean: "Nätverkets medelvärde, totalt",
        diagram: "Diagram",
        part: (k: number, of: number) => `, del ${k} av ${of}`,
        caption: (o: { question: string; year: number; from: number; to: number; total: number }) =>
          `andel positiva svar per kommun ${o.year}, kommun ${o.from}–${o.to} av ${o.total} i ordning efter värdet för totalt, högst först`,
        marks: "ring = kvinnor, fyrkant = män, lodrätt streck = totalt; lika värden ligger i varandra",
        mean: (v: string, k: string) => `Nätverkets medelvärde för totalt (streckad linje): ${v}\u00a0% (${k}).`,
        missing: (items: Html, more: number): Html => html`Visas inte (skyddat eller saknas): ${items}${more > 0 ? ` och ${more} till` : ""}. Tabellen visar alla värden.`,
        empty: (q: string) => `${q}: inga publicerade värden (alla är skyddade eller saknas). Tabellen visar vilka.`
      }
    },
    commentary: {
      /** over a municipality's own words (reports/commentary-html.ts): "Kommunens kommentar — <kommun>, <date>" */
      label: "Kommunens kommentar",
      /** the section of a report's page with the municipalities' own words on the report */
      title: "Vad kommunerna säger",
      intro: "Kommunernas egna kommentarer till rapporten, med deras egna ord. Kommentarer till en enskild indikator står vid indikatorn.",
      /** a fold of many municipalities' comments */
      fold: (k: number) => `Kommentarer från ${count(k)} kommuner`,
      /** what a comment is about, where not beside its indicator */
      about: (name: Html | string): Html => html`Om ${name}`,
      /** after an indicator in a list of contents: it has comments */
      mark: (k: number) => (k === 1 ? "1 kommentar" : `${count(k)} kommentarer`),
      /** on a municipality's page, after an indicator's name: a link to the municipality's comment on it */
      see: "se kommentaren"
    },
    xlsx: {
      sheet: "Siffror",
      headers: ["Indikator", "Uppdelning", "Kategori", "Kommunkod", "Kommun", "År", "Kön", "Värde", "Täljare", "Nämnare", "Status"]
    }
  };
})();

/** The words of one language's pages. */
export type Words = typeof sv;

const nb: Words = (() => {
  const c = common("nb", "nb");
  const { n } = c;
  const S = n;
  const count = (v: number) => n.count(v);
  /** the three symbols of a Norwegian page that stand for no published figure, for running text: "Skjermede (:), manglende (..) og ikke aktuelle (.)" */
  const Unpublished = html`Skjermede (${sym(S.withheld)}), manglende (${sym(S.noData)}) og ikke aktuelle (${sym(S.notApplicable)})`;
  /** "er skjermet (:), mangler (..) eller er ikke aktuelle (.)" */
  const isUnpublished = html`er skjermet (${sym(S.withheld)}), mangler (${sym(S.noData)}) eller er ikke aktuelle (${sym(S.notApplicable)})`;
  return {
    ...c,
    valueUnit: (ind: Pick<Indicator, "kind" | "unit">): string => (ind.kind === "share" ? "prosent" : c.unit(ind)),
    and: (items: readonly string[]): string => items.join(", ").replace(/, ([^,]*)$/, " og $1"),
    gender: { K: "Kvinner", M: "Menn", T: "Totalt" },
    municipality: "Kommune",
    municipalities: "Kommuner",
    networkLabel: "Nettverket (gjennomsnitt)",
    groupLabel: (name: string) => `${name} (gjennomsnitt)`,
    run: "Kjøring",
    runLine: (time: Html, id: number): Html => html`${time}, kjøring nr. ${id}`,
    table: (what: string) => `Tabell: ${what}`,
    part: (k: number, of: number) => `, del ${k} av ${of}`,
    outOf: (k: number, of: number) => `${k} av ${of}`,
    notRanked: "ikke rangert",
    rankOf: (rank: number, of: number) => `${rank} av ${of}`,
    frame: {
      siteName: "KAS-sammenligninger",
      nav: { index: "Start", survey: "Brukerundersøkelse", quality: "Datakvalitet", codes: "Kodelister" },
      pages: "Sider",
      skip: "Til innholdet",
      footer: (id: number, time: Html): Html => html`Kjøring nr. ${id}, startet ${time}. Siden er laget uten skript og henter ingenting fra nettet.`,
      freshnessCaption: "Dato for data per kommune",
      noData: "Ingen data er lest inn ennå.",
      upTo: "t.o.m.",
      noBistand: "(ingen sosialhjelpsdata)",
      snapshot: (date: string) => `øyeblikksbilde ${date}`,
      noInsats: "(ingen tiltaksdata)",
      freshnessHead: ["Kommune", "Økonomisk sosialhjelp, måneder", "Tiltak", "Sist lest inn"],
      fromRows: "(siste dato i filen)",
      fromFirstSeen: "(dagen filen ble lest inn: verken filnavnet eller radene oppgir dato)",
      symbols: (threshold: number | null): Html =>
        threshold === null
          ? html`<li>${sym(S.withheld)} = vises ikke av konfidensialitetshensyn: tallet bygger på for få personer eller hendelser, eller kunne ha blitt regnet ut fra andre tall.</li>
<li>${sym(S.noData)} = tallgrunnlag mangler.</li>
<li>${sym(S.notApplicable)} = lovlig umulig å føre opp: en andel eller et gjennomsnitt der nevneren er 0.</li>`
          : html`<li>${sym(S.withheld)} = vises ikke av konfidensialitetshensyn: tallet bygger på 1–${threshold} personer eller hendelser, eller kunne ha blitt regnet ut fra andre tall (f.eks. kvinner + menn = totalt).</li>
<li>${sym(S.noData)} = tallgrunnlag mangler: ingen data for året, eller månedene tallet bygger på (f.eks. oppfølgingen etter avslutning) er ikke lest inn.</li>
<li>${sym(S.notApplicable)} = lovlig umulig å føre opp: en andel eller et gjennomsnitt der nevneren er 0.</li>`
    },
    report: {
      lead: (years: string, definition: string) => `Sammenligning mellom nettverkets kommuner, ${years}. Målgruppe: ${definition}`,
      targetGroup: "Målgruppe",
      data: "Data",
      downloads: (id: string): Html => html`<a href="data/${id}.csv">Alle tallene i rapporten som CSV</a> (punktum som desimaltegn; statuskolonnen bruker kontraktens symboler: .. skjermet, - mangler), <a href="data/${id}.xlsx">som Excel-fil</a> (for Excel: norske overskrifter, kommune- og indikatornavn, symbolene som på siden) og <a href="data/${id}.arrow">som Apache Arrow-fil</a> (typede kolonner, for R, Python og andre analyseverktøy)`,
      municipalityCount: (k: number) => `${count(k)} kommuner`,
      symbols: "Symboler",
      protection: (withheld: number, secondary: number): Html | string =>
        withheld === 0
          ? "Ingen verdier i rapporten er skjermet."
          : html`${nw(count(withheld))} ${withheld === 1 ? "verdi" : "verdier"} i rapporten er skjermet (${sym(S.withheld)})${secondary > 0 ? html`, hvorav ${nw(count(secondary))} for at andre skjermede verdier ikke skal kunne regnes ut` : ""}.`,
      rankKey: html`<p><strong>Rangering</strong>: 1 = best blant kommunene med publisert verdi. Fargene følger Kolada, og rangeringen står alltid også som tekst:</p>
<ul class="rank-key">
<li><span class="rank rank-good">grønn</span> beste tredjedel</li>
<li><span class="rank rank-mid">gul</span> midterste tredjedel</li>
<li><span class="rank rank-bad">rød</span> dårligste tredjedel</li>
<li><span class="rank rank-missing">grå</span> ikke rangert (verdien mangler eller er skjermet, eller færre enn tre kommuner har en publisert verdi)</li>
</ul>`,
      networkMeanKey: html`<p><strong>Nettverkets gjennomsnitt</strong> er gjennomsnittet av kommunenes publiserte verdier; under det står hvor mange kommuner det bygger på (<span class="nw">n = 5</span>), og <span class="ov-n ov-one">1 kommune</span> der det er én enkelt kommunes verdi. Er alle kommunenes verdier skjermet, viser nettverket ${sym(S.withheld)}.</p>`,
      freshnessCaption: "Sist innleste data per kommune",
      freshnessSummary: (total: number, reach: string | null, without: number) =>
        `${count(total)} kommuner, ${reach === null ? "ingen sosialhjelpsdata" : `sosialhjelpsdata t.o.m. ${reach}`}${without > 0 ? `, ${count(without)} uten sosialhjelpsdata` : ""}`,
      indicators: "Indikatorer",
      breakdowns: "Fordelinger",
      model: "Modellberegning",
      nothingYet: html`<strong>Ingen tall ennå.</strong> Ingen kommunes uttrekk er godkjent, så det er ingenting å sammenligne. Se <a href="quality.html">Datakvalitet</a> for filer som er avvist, og hvorfor.`,
      definition: "Definisjon",
      numerator: "Teller",
      denominator: "Nevner",
      ranking: "Rangering",
      direction: {
        higher: "Høyere verdi er bedre.",
        lower: "Lavere verdi er bedre.",
        none: "Rangeres ikke: en høyere verdi er verken bedre eller dårligere (f.eks. antall)."
      },
      figuresCaption: (name: string, unit: string, byGender: boolean, which: string) =>
        `${name} (${unit}) etter kommune, år${byGender ? " og kjønn" : ""}, med rangering; nettverkets gjennomsnitt med antall kommuner (n)${which}`,
      partsLabel: (name: string, which: string) => `teller og nevner, ${name}${which}`,
      partsCaption: (name: string, byGender: boolean, which: string) => `${name}: teller / nevner etter kommune, år${byGender ? " og kjønn" : ""}${which}`,
      partsNetworkOnly: "Kommunenes verdier er antall og har ingen nevner. Nettverkets gjennomsnitt er summen av kommuneverdiene som inngår (teller), delt på antall kommuner som inngår (nevner).",
      partsExplain: (numerator: string, denominator: string) =>
        `Hver celle viser telleren og under den / nevneren. Teller: ${numerator}. Nevner: ${denominator}. For nettverket: summen av kommuneverdiene som inngår i gjennomsnittet / antall kommuner som inngår.`,
      partsNetworkSummary: "Teller og nevner for nettverkets gjennomsnitt",
      partsSummary: "Teller og nevner"
    },
    chart: {
      legend: "Tegnforklaring",
      diagram: (title: string) => `Diagram: ${title}`,
      oneMunicipality: "1 kommune",
      meanOfTitle: (k: number) => `gjennomsnitt av ${k === 1 ? "én enkelt kommune" : `${k} kommuner`}`,
      meanOf: (counts: string) => (counts === "1 kommune" ? "gjennomsnitt av 1 kommune" : `${counts} kommuner`),
      empty: "ingen publiserte verdier",
      emptyWhy: html`(alle verdiene er skjermet ${sym(S.withheld)}, mangler ${sym(S.noData)} eller er ikke aktuelle ${sym(S.notApplicable)}). Tabellen viser hvilke.`,
      shareAxis: "Andel, %",
      moneyAxis: "Kroner",
      countAxis: (unit: string) => `Antall ${unit}`,
      networkMean: "Nettverkets gjennomsnitt",
      meanShort: "Snitt",
      middleHalf: "Midterste halvdel av kommunene (kvartil 1–3)",
      byMunicipalityAndYear: (name: string) => `${name} etter kommune og år`,
      allShown: "Alle verdiene er med i diagrammet.",
      notShown: (emptyFacets: boolean): Html =>
        html`${Unpublished} verdier vises ikke i diagrammet${emptyFacets ? html`; en rute uten noen publisert verdi sier «ingen publiserte verdier»` : ""}`,
      andMore: (k: number) => ` og ${k} til`,
      tableBelowShowsAll: "Tabellen nedenfor viser alle verdiene.",
      singleMean: (list: string) => ` Nettverkets gjennomsnitt er én enkelt kommunes verdi (1 kommune): ${list}.`,
      genderOrder: (list: string) => ` Innenfor hvert år står ${list} i den rekkefølgen, fra venstre.`,
      facetsHow: (meanOf: string) =>
        `Én rute per kommune; linje med symbol = kommunens verdi, kort tykk stolpe uten symbol i samme farge = nettverkets gjennomsnitt samme år${meanOf ? ` (${meanOf})` : ""}.`,
      byMunicipalityIn: (name: string, year: number, part: string) => `${name} etter kommune ${year}${part}`,
      rowsChangeKey: (key: string, previous: number) => `Endring ${key} fra ${previous}`,
      rowsMarks: (marks: readonly (readonly ["ring" | "square", string])[], key: string) =>
        `${marks.map(([shape, g]) => `${shape === "ring" ? "ring" : "firkant"} = ${g}`).join(", ")}, loddrett strek = ${key}; like verdier ligger i hverandre`,
      rowsMarkTotal: (key: string) => `strek = ${key}`,
      rowsTrend: (previous: number) => ` Pilen starter ved verdien for ${previous} (ingen pil: for liten endring til å synes, eller ett av årene mangler).`,
      rowsNoMean: (year: number) => `Nettverkets gjennomsnitt ${year} mangler.`,
      rowsMean: (year: number, meanOf: string) => `Nettverkets gjennomsnitt ${year} (stiplet linje, ${meanOf})`,
      rowsMissing: (k: number, key: string | null): Html =>
        html`${count(k)} ${k === 1 ? "verdi" : "verdier"} for ${key ?? "kvinner eller menn"} her ${isUnpublished} og vises ikke.`,
      rowsHow: (from: number, to: number, total: number, key: string, year: number, marks: string) =>
        `kommune ${from}–${to} av ${total} sortert etter verdien for ${key} ${year}, høyest først (${marks}).`,
      rowsTableShowsAll: "Tabellen viser alle verdier og år.",
      trendHow: (onlyYear: number | null, fewest: number | null): Html =>
        html`nettverkets gjennomsnitt per år (symbol og linje, med verdien skrevet ut${onlyYear === null ? "" : html` for ${onlyYear}`}; under året hvor mange kommuner gjennomsnittet bygger på) og spredningen mellom kommunene: stolpen går fra første til tredje kvartil av kommunenes publiserte verdier, så halvparten av kommunene ligger innenfor den. ${Unpublished} verdier inngår ikke${fewest === null ? "" : html`; hver stolpe bygger på minst ${nw(fewest)} kommuner`}. Diagrammene nedenfor viser hver kommune.`,
      rankGap: (k: number) => `… ${count(k)} kommuner til …`,
      rankMeanLabel: (mean: string, k: string) => `Nettverket ${mean} (${k})`,
      rankTitle: (title: string) => `${title}, kommunene rangert`,
      rankHow: (year: number, axis: string, lower: boolean, ranked: boolean): Html =>
        html`${year}, totalt (${axis}): ${lower ? "lavest verdi først (lavere er bedre)" : "høyest verdi først (høyere er bedre)"}${ranked ? ", med rangering" : html`, <span class="nw">ikke rangert</span> (færre enn tre publiserte verdier)`}.`,
      rankNoMean: "Nettverkets gjennomsnitt mangler.",
      rankMean: (mean: string, meanOf: string): Html => html`Stiplet linje: nettverkets gjennomsnitt, ${nw(mean)} (${meanOf}).`,
      rankCut: (k: number, of: number): Html => html` Viser de ${k} beste og de ${k} dårligste av ${nw(count(of))} kommuner med publisert verdi.`,
      rankUnpublished: (k: number, cut: boolean): Html =>
        html` ${nw(count(k))} ${k === 1 ? "kommune mangler" : "kommuner mangler"} publisert verdi (${sym(S.withheld)} skjermet, ${sym(S.noData)} mangler, ${sym(S.notApplicable)} ikke aktuelt)${cut ? "" : " og står sist"}.`
    },
    overview: {
      direction: { lower: "lavere er bedre", higher: "høyere er bedre", none: "ikke rangert" },
      title: (year: number) => `Oversikt ${year}`,
      caption: (year: number, previous: number | null) => `Nøkkeltall ${year} etter kommune, totalt: verdi, endring fra ${previous ?? "året før"} og rangering`,
      intro: (year: number, previous: number | null, shares: boolean, scrolls: boolean): Html =>
        html`Nøkkeltallene ${year} for kvinner og menn samlet (totalt). Under hver verdi: ${previous === null ? `endringen fra året før (finnes ikke i rapporten, derfor ${S.noData})` : html`endringen fra ${previous} (${shares ? "andeler i prosentpoeng, øvrige i indikatorens enhet" : "i indikatorens enhet"})`} og rangeringen blant kommunene med publisert verdi (1 = best; ingen rangering blant færre enn tre). Øverst nettverkets gjennomsnitt og hvor mange kommuner det bygger på (n). Kommunens navn fører til alle dens tall; nøkkeltallets navn til avsnittet om det nedenfor. ${sym(S.withheld)} = skjermet, ${sym(S.noData)} = mangler, ${sym(S.notApplicable)} = ikke aktuelt.${scrolls ? " Tabellen ruller innenfor sin ramme; overskriftsraden og kommunenavnene blir stående." : ""}`,
      rankingTitle: (year: number) => `Rangering ${year}`,
      rankingIntro: (all: number, k: number) =>
        `For hvert nøkkeltall kommunene med publisert verdi, best først (med flere enn ${all} de ${k} beste og de ${k} dårligste), og nettverkets gjennomsnitt som stiplet linje. Diagrammene viser totalt; verdiene per kjønn står i avsnittene nedenfor.`
    },
    breakdown: {
      by: "etter",
      breakdown: "Fordeling",
      intro: (k: number, categories: string, year: number) =>
        `${k} kategorier, i denne rekkefølgen: ${categories}. Hver kategori vises, også når den er 0. Diagrammene viser ${year} totalt; tabellene kvinner, menn og totalt.`,
      participantOnce: "En deltaker telles én gang, i kategorien for det av årets pågående tiltak som startet sist. ",
      sumsToTotal: (total: Html): Html => html`Kategoriene summerer seg til totalen (${total}).`,
      sharesOfTotal: (denominator: string) => `Nevneren er alle ${denominator}; kategorienes andeler summerer seg til 100 % (avrundet).`,
      sharesWithin: (denominator: string) => `Andelen beregnes innenfor hver kategori: nevneren er kategoriens ${denominator}.`,
      notRanked: "Fordelinger rangeres ikke.",
      earlierYears: (span: string) => `Tidligere år (${span})`,
      earlierInFiles: (span: string) => `Tidligere år (${span}) finnes i datafilene (CSV, Excel, Arrow).`,
      countUnit: (unit: string) => `antall ${unit}`,
      totalDenominator: (denominator: string) => `${denominator}, alle kategorier samlet (den samme i hver kategori)`,
      categoryDenominator: (denominator: string) => `${denominator} i kategorien`,
      partsWhat: (name: string) => `${name}: teller / nevner`,
      totalWho: "totalt (kvinner og menn)",
      distributionTitle: (title: string, year: number) => `${title}: fordeling etter kommune, ${year}`,
      andMunicipalityTitle: (title: string, year: number) => `${title} og kommune, ${year}`,
      networkTitle: (title: string, when: number | string) => `${title}, nettverket ${when}`,
      barNotDrawn: (withheld: boolean, symbol: string) =>
        withheld ? `skjermet (${symbol})` : symbol === S.notApplicable ? `ikke aktuelt (${symbol})` : `mangler (${symbol})`,
      barsShareHow: "Én stolpe per kommune delt i kategorienes andeler, i tegnforklaringens rekkefølge; nettverkets stolpe er gjennomsnittet per kategori av kommunene der andelen er publisert, så den summerer seg ikke alltid til 100 %.",
      barsCountHow: "Én stolpe per kommune med kategorienes antall etter hverandre, i tegnforklaringens rekkefølge; nettverkets stolpe er gjennomsnittet per kategori.",
      withoutBar: "Uten stolpe",
      categoriesNotDrawn: (share: boolean): Html =>
        html`Kategorier som ${isUnpublished}, tegnes ikke${share ? " (skravert: det som gjenstår opp til 100 %)" : html` (${sym(`+ ${S.withheld}`)} etter stolpen)`}`,
      hatchedKey: "Skjermede, manglende eller ikke aktuelle kategorier",
      tableShowsAll: "Tabellen viser alle verdiene, også for kvinner og menn.",
      panelsHow: "Én rute per kategori med én stolpe per kommune, samme skala i alle rutene.",
      panelsMean: "Nettverkets gjennomsnitt (stiplet linje)",
      panelsGaps: html`${Unpublished} verdier tegnes ikke; symbolet deres står ved null.`,
      categoryMeanKey: "Nettverkets gjennomsnitt i kategorien",
      profileBarKey: "Stolpe: nettverkets gjennomsnitt i kategorien (kategoriens farge)",
      profileHow: (unpublishedValues: number, of: number, fewest: number | null): Html =>
        html`én rad per kategori. Stolpen er nettverkets gjennomsnitt (kommunenes publiserte verdier, uvektet), linjen går fra første til tredje kvartil av kommunenes verdier, så halvparten av kommunene ligger innenfor den. ${Unpublished} verdier inngår ikke${unpublishedValues > 0 ? html` (${nw(count(unpublishedValues))} av ${nw(count(of))} kommuneverdier)` : ""}${fewest === null ? "" : html`; hver kategori bygger på minst ${nw(count(fewest))} kommuner`}. Tabellen viser hver kommune.`
    },
    socio: {
      title: "Samfunnsøkonomisk verdi av avslutninger til arbeid eller utdanning",
      money: (amount: string) => `${amount} kr`,
      notMeasured: html`<strong>Dette er en modellberegning med nettverkets forutsetninger, ikke målte utfall.</strong> Ingen personer er fulgt opp for å komme fram til disse verdiene: de viser hva årets avslutninger til arbeid eller utdanning er verdt <em>hvis</em> forutsetningene nedenfor stemmer.`,
      model: (horizon: number, discount: string): Html =>
        html`Modellen: én husholdnings sosialhjelp i ett år, A, er 12 ganger målgruppens utbetalte sosialhjelp per husholdningsmåned i kommunen samme år. Hver avslutning til arbeid antas å gi, år 1 til ${horizon}, andelen p<sub>t</sub> av (A + R) — sosialhjelpen som ikke blir utbetalt og skatter og avgifter av arbeidet — og hver avslutning til utdanning andelen q<sub>t</sub> av A, diskontert med ${discount} per år fra år 2. Verdien er summen for årets avslutninger til arbeid og til utdanning, redusert med dødvekten d. Nettoverdien er verdien minus samlet kostnad for årets avsluttede tiltak; avkastningen er verdien delt på kostnaden (kroner tilbake per investert krone, mangler når kostnaden er 0).`,
      noDeadweight: html`Dødvekten er 0: modellen tilskriver tiltakene <em>hver</em> avslutning, også dem som kanskje ville ha skjedd uansett. Verdiene er derfor en øvre grense for hva tiltakene gir.`,
      protected: (threshold: number): Html =>
        html`Verdiene skjermes som antallene de bygger på: de vises som ${sym(S.withheld)} når avslutningene til arbeid eller utdanning eller årets avslutninger er få (1–${threshold}) eller skjermet i rapporten.`,
      parameters: {
        H: "Horisont (år)",
        r: "Diskonteringsrente",
        R: "Skatter og avgifter av ett års arbeid",
        p: "Andel fortsatt uten sosialhjelp år 1…H etter avslutning til arbeid",
        q: "Andel fortsatt uten sosialhjelp år 1…H etter avslutning til utdanning",
        d: "Dødvekt (andel avslutninger som ville ha skjedd uansett)"
      },
      parametersLabel: "modellens forutsetninger",
      parametersCaption: (defaults: boolean) => `Forutsetninger som verdiene bygger på (${defaults ? "kontraktens standardverdier" : "nettverkets innstillinger"})`,
      parametersHead: ["Parameter", "Betydning", "Verdi"],
      short: { socioeconomic_value: "Verdi, kr", socioeconomic_net_value: "Netto, kr", socioeconomic_return: "Kr per kr" },
      tableLabel: "samfunnsøkonomisk verdi etter kommune og år",
      tableCaption: "Samfunnsøkonomisk verdi, nettoverdi og avkastning etter kommune og år (totalt, modellberegning)",
      netTitle: (year: number) => `Samfunnsøkonomisk nettoverdi etter kommune, ${year}`,
      netHow: "(kroner, modellberegning), høyest først.",
      netWithout: "Uten stolpe (verdien er skjermet eller mangler)",
      noNet: (year: number) => `Ingen publisert nettoverdi for ${year}.`,
      millions: "Millioner kroner",
      tooMany: (k: number) => `Nettverket har ${k} kommuner: nettoverdiene står i tabellen nedenfor og i datafilene.`,
      sensitivityTitle: "Hvor mye hviler på forutsetningene?",
      noValue: (year: number) => `Ingen verdi for ${year} er publisert.`,
      sensitivityIntro: (year: number, defaults: boolean) =>
        `Verdien ${year} med andelene fortsatt uten sosialhjelp (p og q) halvert, og med kontraktens standardverdier${defaults ? " (som brukes ovenfor)" : ""}:`,
      sensitivityLine: (value: string, half: string, defaults: string) => `${value}; halverte andeler ${half}; standardverdier ${defaults}`
    },
    municipalityPage: {
      crumb: "Kommunenes sider",
      lead: "Kommunens tall i alle nettverkets rapporter: per målgruppe, år og kjønn, ved siden av nettverkets gjennomsnitt og med kommunens rangering. Indikatorens navn fører til rapportens avsnitt med definisjon, diagram og alle kommunene.",
      noData: "Ingen data er lest inn for kommunen.",
      bistand: "Økonomisk sosialhjelp",
      insats: "Tiltak",
      lastLoaded: "Sist lest inn",
      key: (groups: string): Html =>
        html`<strong>Nettverket (gjennomsnitt)</strong> er det uvektede gjennomsnittet av kommunene med publisert verdi; for antall med én desimal.${groups === "" ? "" : html` Sammenligningsgruppenes gjennomsnitt (${groups}) beregnes på samme måte over gruppens kommuner i nettverket.`} <strong>Rangering</strong>: 1 = best blant kommunene med publisert verdi (<span class="rank rank-good">grønn</span> beste tredjedel, <span class="rank rank-mid">gul</span> midterste, <span class="rank rank-bad">rød</span> dårligste, <span class="rank rank-missing">grå</span> ikke rangert: verdien mangler eller er skjermet).`,
      reportsNav: "Rapporter",
      reportsTitle: "Rapporter per målgruppe",
      noReports: "Ingen rapporter ennå.",
      theReport: "rapporten",
      wholeReport: (name: string) => `Hele rapporten: ${name}`,
      nothingInReport: "Kommunen har ingen tall i rapporten.",
      totalsCaption: (name: string, span: string) => `${name} og nettverket, ${span}`,
      totalsLabel: (report: string, name: string, span: string) => `${report}, ${name} og nettverkets gjennomsnitt, ${span}`,
      modelNote: (href: string): Html =>
        html`Samfunnsøkonomisk verdi av avslutninger til arbeid eller utdanning: en modellberegning på nettverkets forutsetninger, ikke målte utfall (<a href="${href}">modellen og forutsetningene</a>).`,
      modelCaption: (span: string) => `Samfunnsøkonomisk verdi, ${span}`,
      modelLabel: (report: string, name: string, span: string) => `${report}, samfunnsøkonomisk verdi (modellberegning), ${name} og nettverkets gjennomsnitt, ${span}`,
      year: "År",
      rank: "Rangering",
      networkHead: html`Nettverket<br>(snitt)`,
      meanMark: "(snitt)",
      totalOnly: "bare totalt",
      breakdownsTitle: (year: number) => `Fordelinger ${year}`,
      breakdownsIntro: "Kommunens verdier per kategori for det siste året, ved siden av nettverkets gjennomsnitt. Fordelinger rangeres ikke; tidligere år finnes i rapportens datafiler."
    },
    index: {
      title: "Sammenligninger mellom nettverkets kommuner",
      lead: "Økonomisk sosialhjelp og kommunale arbeidsmarkedstiltak, per målgruppe. Hver rapport sammenligner kommunene med nettverkets gjennomsnitt og rangerer dem, med diagrammer og tabeller.",
      files: "Filer",
      filesLine: (accepted: number, rejected: number): Html =>
        html`${nw(count(accepted))} ${accepted === 1 ? "fil godkjent" : "filer godkjent"}, ${nw(count(rejected))} ${rejected === 1 ? "fil avvist" : "filer avvist"}${rejected > 0 ? html` – <a href="quality.html">se årsakene på siden Datakvalitet</a>` : html` (<a href="quality.html">datakvalitet</a>)`}`,
      reports: "Rapporter per målgruppe",
      noReports: "Ingen rapporter ennå.",
      municipalities: "Kommunenes sider",
      noMunicipalities: "Ingen kommuner har data ennå.",
      municipalitiesIntro: "Én side per kommune med alle dens tall i rapportene, ved siden av nettverkets gjennomsnitt.",
      otherPages: "Andre sider",
      otherPagesList: html`<li><a href="quality.html">Datakvalitet</a>: innleste og avviste filer, alle feil med rad og kolonne, hvor fullstendig kodingen er.</li>
<li><a href="codes.html">Kodelister</a>: de felles kodene (hindringer for selvforsørgelse, tiltak, avslutningsårsaker m.m.) og indikatorenes definisjoner.</li>`,
      dataTitle: "Data per kommune",
      symbols: "Symboler i rapportene"
    },
    quality: {
      lead: "Hvilke filer som ble lest inn og hvilke som ble avvist, med hver årsak (rad og kolonne), hvor fullstendig hindringene for selvforsørgelse er kodet, og hvilke koder som er oversatt.",
      filesLine: (accepted: number, rejected: number) => `${count(accepted)} lest inn, ${count(rejected)} avvist`,
      confidentiality: "Konfidensialitet",
      confidentialityRule: (threshold: number): Html =>
        html`Antall personer, husholdninger, personmåneder og rader fra 1 til ${threshold} vises som ${sym(S.withheld)} også her; ${sym(S.noData)} = tallgrunnlag mangler; ${sym(S.notApplicable)} = lovlig umulig å føre opp.`,
      contents: "Innhold",
      sections: {
        files: "Filer per kommune",
        completeness: "Hvor fullstendig kodingen er",
        couples: "Par der bare én voksen er kodet",
        mappings: "Koder oversatt via profiler",
        replacements: "Erstattede rader"
      },
      filesIntro: "En avvist fil leses ikke inn i det hele tatt. Rett feilene som er oppgitt (overskriftsraden er rad 1), og last opp filen på nytt; andre filer fra kommunen påvirkes ikke.",
      noFiles: "Ingen filer er lest ennå.",
      completenessIntro: "Andelen personmåneder med en hindring for selvforsørgelse oppgitt. Måneder uten hindring teller ikke når årets hindring bestemmes, så en lav andel gjør målgruppene ufullstendige.",
      completenessTable: ["Personmåneder med hindring for selvforsørgelse etter kommune og år", ["Kommune", "År", "Personmåneder", "Med hindring for selvforsørgelse", "Andel, %"]] as Table,
      couplesIntro: "Husholdninger med to voksne (søker og medsøker) der medsøkeren mangler hindring for selvforsørgelse.",
      couplesTable: ["Par etter kommune og år", ["Kommune", "År", "Par", "Medsøkere uten hindring for selvforsørgelse"]] as Table,
      mappingsIntro: html`Kommunens egne betegnelser og de felles kodene (se <a href="codes.html">Kodelister</a>) de er oversatt til, med kodens norske betegnelse. Antall rader per kode vises ikke: ved siden av filens radantall ville det avsløre små antall.`,
      mappingsTable: ["Oversatte koder", ["Kommune", "Profil", "Kolonne", "Kommunens kode", "Kontraktens kode"]] as Table,
      replacementsIntro: "En nyere sosialhjelpsfil erstatter kommunens tidligere rader for månedene den inneholder; en nyere tiltaksfil erstatter hele det tidligere øyeblikksbildet; en nyere undersøkelses- eller befolkningsfil erstatter radene for årene den inneholder, og en nyere kommentar den tidligere.",
      replacementsTable: ["Erstattede rader", ["Kommune", "Type", "Måned eller år", "Tidligere fil", "Ny fil", "Rader"]] as Table,
      nothing: "Ingenting å rapportere.",
      wholeSnapshot: "hele øyeblikksbildet",
      municipalityCode: "Kommunenummer",
      filesOf: (k: number, rejected: number) => `${count(k)} ${k === 1 ? "fil" : "filer"}, hvorav ${count(rejected)} avvist.`,
      filesFrom: (name: string) => `Filer fra ${name}`,
      filesCaption: (name: string) => `Filer fra ${name}, i den rekkefølgen de ble lest inn`,
      networkFolder: { title: "Nettverkets referansedata", from: "nettverkets mappe" },
      filesHead: ["Fil", "Type", "Status", "Først sett", "Rader", "Tegnkoding", "Skilletegn", "Profil", "Funn"],
      unknownKind: "ukjent",
      kind: { bistand: "Økonomisk sosialhjelp", insats: "Tiltak", survey: "Brukerundersøkelse", population: "Befolkning", commentary: "Kommentar" } as Readonly<Record<string, string>>,
      status: { accepted: "Lest inn", rejected: "Avvist" },
      encoding: { "utf-8": "UTF-8", utf8: "UTF-8", "utf-8-bom": "UTF-8 med BOM", "windows-1252": "Windows-1252", latin1: "Latin-1" } as Readonly<Record<string, string>>,
      delimiter: { ",": "komma (,)", ";": "semikolon (;)", "\t": "tabulator" } as Readonly<Record<string, string>>,
      noProfile: "ingen",
      none: "ingen",
      findingsIn: "Funn i",
      findingsCaption: "Alvorlighetsgrad, rad (overskriftsraden er rad 1), kolonne (slik filen skriver den), verdi og hva som må rettes",
      findingsHead: ["Alvorlighet", "Rad", "Kolonne", "Verdi", "Melding"],
      showing: (shown: number, total: number): Html =>
        html`Viser ${count(shown)} av ${count(total)} funn, de alvorligste først. Kontroller filen med <code>kas validate</code> for å se alle.`,
      rowsFrom: (rows: number, line: string) => `(${count(rows)} rader, fra rad ${line})`
    },
    codes: {
      title: "Kodelister og definisjoner",
      lead: "De felles kodene som alle kommunenes uttrekk oversettes til, og hvordan målgrupper og indikatorer er definert. Kodene er stabile nøkler; betegnelsene finnes på svensk, norsk og engelsk.",
      listCaption: ": kode og betegnelse på svensk, norsk og engelsk",
      listHead: ["Kode", "Svensk", "Norsk", "Engelsk"],
      group: "Gruppe",
      workOrStudies: "Teller som arbeid eller utdanning",
      yes: "ja",
      no: "nei",
      targetGroups: "Målgrupper",
      targetGroupsCaption: "Målgrupper: id, navn og definisjon",
      targetGroupsHead: ["Id", "Navn", "Definisjon"],
      indicatorsCaption: "Indikatorer: id, navn, definisjon, teller, nevner og kjønn som vises",
      indicatorsHead: ["Id", "Navn", "Definisjon", "Teller", "Nevner", "Kjønn"],
      checksTitle: "Kontroller og meldinger",
      checksIntro: html`Hver fil kontrolleres før noe av den leses inn: først selve filen, så overskriftsraden, radenes struktur, verdien i hver kolonne og reglene innenfor og mellom rader. Hvert funn oppgir kode, fil, rad, kolonne og verdi og en melding om hva som er feil og hvordan det rettes; <code>kas validate</code> viser funnene for en fil uten å lese den inn. Alvorlighetsgrad:`,
      checksCaption: ": kode, alvorlighetsgrad, hva kontrollen finner og hvordan det rettes",
      checksHead: ["Kode", "Alvorlighet", "Hva", "Slik retter du"],
      inJson: (severity: string) => `(${severity} i --json)`
    },
    survey: {
      title: "Brukerundersøkelse",
      indexLine: "Hvordan brukerne i nettverkets kommuner har svart på brukerundersøkelsen, per spørsmål: andel positive svar og gjennomsnitt per kommune, ved siden av nettverkets gjennomsnitt.",
      lead: (year: number) => `Hvordan brukerne i nettverkets kommuner har svart på brukerundersøkelsen ${year}, per spørsmål. Svarene gis på en skala fra 1 til 6 der 6 er best; 5 og 6 regnes som positive svar.`,
      noSurvey: (year: number) => `ingen undersøkelse ${year}`,
      dataLinks: (csv: Html, xlsx: Html, arrow: Html): Html => html`Alle tall, også tidligere år, ${csv} (punktum som desimaltegn), ${xlsx} og ${arrow}`,
      csv: "som CSV", xlsx: "som Excel-fil", arrow: "som Apache Arrow-fil",
      symbols: (t: number): readonly (readonly [symbol: "withheld" | "noData" | "notApplicable", text: string])[] => [
        ["withheld", `skjermet: tallet bygger på for få svar, eller kunne ha blitt regnet ut fra andre tall (se nedenfor). Antall fra 1 til ${t} vises aldri.`],
        ["noData", "tall mangler: ingen undersøkelse i kommunen det året."],
        ["notApplicable", "ikke aktuelt: ingen har svart på spørsmålet (andel og gjennomsnitt)."]
      ],
      ruleTitle: (min: number) => `Minst ${min} svar`,
      rule: (min: number, t: number) =>
        `Et tall som bygger på færre enn ${min} svar, vises ikke, for kvinner, menn og totalt. Vises ikke kvinnenes eller mennenes tall for et spørsmål, vises ingen av dem: ellers kunne det ene regnes ut fra totalen og det andre. Totalt vises hvis det selv har minst ${min} svar. Svar uten oppgitt kjønn regnes bare med i totalt, så kvinner og menn kan til sammen være færre enn totalt. I tillegg gjelder rapportenes konfidensialitetsregel: et antall svar eller positive svar fra 1 til ${t} vises ikke, heller ikke en andel av færre enn 10 svar eller et tall som kunne ha blitt regnet ut fra andre.`,
      networkMean: "Nettverkets gjennomsnitt er gjennomsnittet av kommunenes publiserte verdier (skjermede verdier inngår ikke); under det står hvor mange kommuner det bygger på.",
      questions: "Spørsmål",
      figures: { survey_respondents: "Svar", survey_positive_share: "Positive, %", survey_mean_score: "Gjennomsnitt" },
      caption: (q: string, year: number) => `${q}: svar, andel positive svar (5–6) og gjennomsnitt (1–6) per kommune og kjønn, ${year}`,
      withheldTitle: (year: number) => `Skjermede tall ${year}`,
      withheldLink: "Hvilke tall som er skjermet og hvorfor",
      withheldNone: (year: number) => `Ingen tall for ${year} er skjermet.`,
      withheldSummary: (o: { total: number; respondents: number; confidentiality: number; year: number; min: number; distinguished: boolean }) =>
        `${o.total} tall for ${o.year} på siden er skjermet (${S.withheld})` +
        (o.distinguished ? `: ${o.respondents} fordi de bygger på færre enn ${o.min} svar (eller hører sammen med et slikt tall for det andre kjønnet), ${o.confidentiality} etter konfidensialitetsregelen.` : "."),
      withheldColumns: ["Kommune", "Spørsmål", "Skjermet", "Årsak"] as readonly [string, string, string, string],
      withheldShowAll: (k: number) => `Vis alle ${k} rader`,
      all: "alle tall",
      reasons: {
        total: (min: number) => `færre enn ${min} svar totalt: ingenting vises for spørsmålet`,
        pair: (min: number) => `færre enn ${min} svar blant kvinner eller menn: begge skjermes, så ingen av dem kan regnes ut fra totalen og det andre`,
        confidentiality: (t: number) => `konfidensialitetsregelen: et antall fra 1 til ${t}, en andel av færre enn 10 svar, eller et tall som ellers kunne ha blitt regnet ut fra andre`,
        either: (min: number, t: number) => `færre enn ${min} svar, eller konfidensialitetsregelen (et antall fra 1 til ${t} eller et tall som ellers kunne ha blitt regnet ut)`
      },
      chart: {
        genders: { K: "Kvinner", M: "Menn", T: "Totalt" },
        axis: "Andel positive svar (5–6), %",
        legend: "Tegnforklaring",
        networkMean: "Nettverkets gjennomsnitt, totalt",
        diagram: "Diagram",
        part: (k: number, of: number) => `, del ${k} av ${of}`,
        caption: (o: { question: string; year: number; from: number; to: number; total: number }) =>
          `andel positive svar per kommune ${o.year}, kommune ${o.from}–${o.to} av ${o.total} sortert etter verdien for totalt, høyest først`,
        marks: "ring = kvinner, firkant = menn, loddrett strek = totalt; like verdier ligger i hverandre",
        mean: (v: string, k: string) => `Nettverkets gjennomsnitt for totalt (stiplet linje): ${v}\u00a0% (${k}).`,
        missing: (items: Html, more: number): Html => html`Vises ikke (skjermet, mangler eller ikke aktuelt): ${items}${more > 0 ? ` og ${more} til` : ""}. Tabellen viser alle verdier.`,
        empty: (q: string) => `${q}: ingen publiserte verdier (alle er skjermet eller mangler). Tabellen viser hvilke.`
      }
    },
    commentary: {
      /** over a municipality's own words (reports/commentary-html.ts): "Kommunens kommentar — <kommun>, <date>" */
      label: "Kommunens kommentar",
      title: "Hva kommunene sier",
      intro: "Kommunenes egne kommentarer til rapporten, med deres egne ord. Kommentarer til en enkelt indikator står ved indikatoren.",
      fold: (k: number) => `Kommentarer fra ${count(k)} kommuner`,
      about: (name: Html | string): Html => html`Om ${name}`,
      mark: (k: number) => (k === 1 ? "1 kommentar" : `${count(k)} kommentarer`),
      see: "se kommentaren"
    },
    xlsx: {
      sheet: "Tall",
      headers: ["Indikator", "Fordeling", "Kategori", "Kommunenummer", "Kommune", "År", "Kjønn", "Verdi", "Teller", "Nevner", "Status"]
    }
  };
})();

const en: Words = (() => {
  const c = common("en", "en");
  const { n } = c;
  const S = n;
  const count = (v: number) => n.count(v);
  return {
    ...c,
    valueUnit: (ind: Pick<Indicator, "kind" | "unit">): string => (ind.kind === "share" ? "per cent" : c.unit(ind)),
    and: (items: readonly string[]): string => items.join(", ").replace(/, ([^,]*)$/, " and $1"),
    gender: { K: "Women", M: "Men", T: "Total" },
    municipality: "Municipality",
    municipalities: "Municipalities",
    networkLabel: "Network (mean)",
    groupLabel: (name: string) => `${name} (mean)`,
    run: "Run",
    runLine: (time: Html, id: number): Html => html`${time}, run no. ${id}`,
    table: (what: string) => `Table: ${what}`,
    part: (k: number, of: number) => `, part ${k} of ${of}`,
    outOf: (k: number, of: number) => `${k} of ${of}`,
    notRanked: "not ranked",
    rankOf: (rank: number, of: number) => `${rank} of ${of}`,
    frame: {
      siteName: "KAS comparisons",
      nav: { index: "Home", survey: "User survey", quality: "Data quality", codes: "Code lists" },
      pages: "Pages",
      skip: "Skip to content",
      footer: (id: number, time: Html): Html => html`Run no. ${id}, started ${time}. The page was generated without scripts and fetches nothing from the network.`,
      freshnessCaption: "Data dates per municipality",
      noData: "No data has been loaded yet.",
      upTo: "up to",
      noBistand: "(no assistance data)",
      snapshot: (date: string) => `snapshot of ${date}`,
      noInsats: "(no measures data)",
      freshnessHead: ["Municipality", "Social assistance, months", "Measures", "Last loaded"],
      fromRows: "(the latest date in the file)",
      fromFirstSeen: "(the day the file was loaded: neither its name nor its rows give a date)",
      symbols: (threshold: number | null): Html =>
        threshold === null
          ? html`<li>${sym(S.withheld)} = withheld for confidentiality: the figure rests on too few persons or events, or could be worked out from other figures.</li>
<li>${sym(S.noData)} = no figure (no data, or a share or mean whose denominator is 0).</li>`
          : html`<li>${sym(S.withheld)} = withheld for confidentiality: the figure rests on 1–${threshold} persons or events, or could be worked out from other figures (e.g. women + men = total).</li>
<li>${sym(S.noData)} = no figure: no data for the year, the months the figure rests on (e.g. the follow-up after an exit) not loaded, or a share or mean whose denominator is 0.</li>`
    },
    report: {
      lead: (years: string, definition: string) => `Comparison of the network's municipalities, ${years}. Target group: ${definition}`,
      targetGroup: "Target group",
      data: "Data",
      downloads: (id: string): Html => html`<a href="data/${id}.csv">All figures of the report as CSV</a> (decimal point), <a href="data/${id}.xlsx">as an Excel file</a> (for Excel: English headers, municipality and indicator names) and <a href="data/${id}.arrow">as an Apache Arrow file</a> (typed columns, for R, Python and other analysis tools)`,
      municipalityCount: (k: number) => `${count(k)} municipalities`,
      symbols: "Symbols",
      protection: (withheld: number, secondary: number): Html | string =>
        withheld === 0
          ? "No values in the report are withheld."
          : html`${nw(count(withheld))} ${withheld === 1 ? "value in the report is" : "values in the report are"} withheld (${sym(S.withheld)})${secondary > 0 ? html`, of which ${nw(count(secondary))} so that other withheld values cannot be worked out` : ""}.`,
      rankKey: html`<p><strong>Rank</strong>: 1 = best among the municipalities with a published value. The colours follow Kolada, and the rank is always written out as well:</p>
<ul class="rank-key">
<li><span class="rank rank-good">green</span> best third</li>
<li><span class="rank rank-mid">yellow</span> middle third</li>
<li><span class="rank rank-bad">red</span> worst third</li>
<li><span class="rank rank-missing">grey</span> not ranked (the value is missing or withheld, or fewer than three municipalities have a published value)</li>
</ul>`,
      networkMeanKey: html`<p><strong>The network mean</strong> is the mean of the municipalities' published values; under it, how many municipalities it rests on (<span class="nw">n = 5</span>), and <span class="ov-n ov-one">1 municipality</span> where it is a single municipality's value. Where every municipality's value is withheld, the network shows ${sym(S.withheld)}.</p>`,
      freshnessCaption: "Latest data loaded per municipality",
      freshnessSummary: (total: number, reach: string | null, without: number) =>
        `${count(total)} municipalities, ${reach === null ? "no assistance data" : `assistance data up to ${reach}`}${without > 0 ? `, ${count(without)} without assistance data` : ""}`,
      indicators: "Indicators",
      breakdowns: "Breakdowns",
      model: "Model calculation",
      nothingYet: html`<strong>No data yet.</strong> No municipality's extract has been accepted, so there is nothing to compare. See <a href="quality.html">Data quality</a> for files that were rejected and why.`,
      definition: "Definition",
      numerator: "Numerator",
      denominator: "Denominator",
      ranking: "Ranking",
      direction: {
        higher: "A higher value is better.",
        lower: "A lower value is better.",
        none: "Not ranked: a higher value is neither better nor worse (e.g. counts)."
      },
      figuresCaption: (name: string, unit: string, byGender: boolean, which: string) =>
        `${name} (${unit}) by municipality, year${byGender ? " and gender" : ""}, with rank; the network mean with the number of municipalities (n)${which}`,
      partsLabel: (name: string, which: string) => `numerators and denominators, ${name}${which}`,
      partsCaption: (name: string, byGender: boolean, which: string) => `${name}: numerator / denominator by municipality, year${byGender ? " and gender" : ""}${which}`,
      partsNetworkOnly: "The municipalities' values are counts and have no denominator. The network mean is the sum of the municipal values included (numerator) divided by the number of municipalities included (denominator).",
      partsExplain: (numerator: string, denominator: string) =>
        `Each cell shows the numerator and, under it, / the denominator. Numerator: ${numerator}. Denominator: ${denominator}. For the network: the sum of the municipal values in the mean / the number of municipalities in it.`,
      partsNetworkSummary: "Numerator and denominator of the network mean",
      partsSummary: "Numerators and denominators"
    },
    chart: {
      legend: "Legend",
      diagram: (title: string) => `Chart: ${title}`,
      oneMunicipality: "1 municipality",
      meanOfTitle: (k: number) => `mean of ${k === 1 ? "a single municipality" : `${k} municipalities`}`,
      meanOf: (counts: string) => (counts === "1 municipality" ? "mean of 1 municipality" : `${counts} municipalities`),
      empty: "no published values",
      emptyWhy: html`(every value is withheld ${sym(S.withheld)} or missing ${sym(S.noData)}). The table shows which.`,
      shareAxis: "Share, %",
      moneyAxis: "SEK",
      countAxis: (unit: string) => `Number of ${unit}`,
      networkMean: "Network mean",
      meanShort: "Mean",
      middleHalf: "Middle half of the municipalities (quartiles 1–3)",
      byMunicipalityAndYear: (name: string) => `${name} by municipality and year`,
      allShown: "Every value is in the chart.",
      notShown: (emptyFacets: boolean): Html =>
        html`Withheld values (${sym(S.withheld)}) and missing values (${sym(S.noData)}) are not shown in the chart${emptyFacets ? html`; a panel without any published value says “no published values”` : ""}`,
      andMore: (k: number) => ` and ${k} more`,
      tableBelowShowsAll: "The table below shows every value.",
      singleMean: (list: string) => ` The network mean is a single municipality's value (1 municipality): ${list}.`,
      genderOrder: (list: string) => ` Within each year, ${list} stand in that order from the left.`,
      facetsHow: (meanOf: string) =>
        `One panel per municipality; line with symbol = the municipality's value, short thick bar without symbol in the same colour = the network mean of the same year${meanOf ? ` (${meanOf})` : ""}.`,
      byMunicipalityIn: (name: string, year: number, part: string) => `${name} by municipality, ${year}${part}`,
      rowsChangeKey: (key: string, previous: number) => `Change in ${key} from ${previous}`,
      rowsMarks: (marks: readonly (readonly ["ring" | "square", string])[], key: string) =>
        `${marks.map(([shape, g]) => `${shape === "ring" ? "ring" : "square"} = ${g}`).join(", ")}, vertical line = ${key}; equal values sit inside each other`,
      rowsMarkTotal: (key: string) => `line = ${key}`,
      rowsTrend: (previous: number) => ` The arrow starts at the value of ${previous} (no arrow: the change is too small to show, or one of the years is missing).`,
      rowsNoMean: (year: number) => `The network mean of ${year} is missing.`,
      rowsMean: (year: number, meanOf: string) => `The network mean of ${year} (dashed line, ${meanOf})`,
      rowsMissing: (k: number, key: string | null): Html =>
        html`${count(k)} ${k === 1 ? "value" : "values"} for ${key ?? "women or men"} here ${k === 1 ? "is" : "are"} withheld (${sym(S.withheld)}) or missing (${sym(S.noData)}) and not shown.`,
      rowsHow: (from: number, to: number, total: number, key: string, year: number, marks: string) =>
        `municipalities ${from}–${to} of ${total} in order of the value for ${key} ${year}, highest first (${marks}).`,
      rowsTableShowsAll: "The table shows every value and year.",
      trendHow: (onlyYear: number | null, fewest: number | null): Html =>
        html`the network mean per year (symbol and line, with the value written out${onlyYear === null ? "" : html` for ${onlyYear}`}; under the year, how many municipalities the mean rests on) and the spread between the municipalities: the bar runs from the first to the third quartile of the municipalities' published values, so half of the municipalities lie within it. Withheld (${sym(S.withheld)}) and missing (${sym(S.noData)}) values are left out${fewest === null ? "" : html`; each bar rests on at least ${nw(fewest)} municipalities`}. The charts below show each municipality.`,
      rankGap: (k: number) => `… ${count(k)} more municipalities …`,
      rankMeanLabel: (mean: string, k: string) => `Network ${mean} (${k})`,
      rankTitle: (title: string) => `${title}, the municipalities in rank order`,
      rankHow: (year: number, axis: string, lower: boolean, ranked: boolean): Html =>
        html`${year}, total (${axis}): ${lower ? "lowest value first (lower is better)" : "highest value first (higher is better)"}${ranked ? ", with rank" : html`, <span class="nw">not ranked</span> (fewer than three published values)`}.`,
      rankNoMean: "The network mean is missing.",
      rankMean: (mean: string, meanOf: string): Html => html`Dashed line: the network mean, ${nw(mean)} (${meanOf}).`,
      rankCut: (k: number, of: number): Html => html` Shows the ${k} best and the ${k} worst of ${nw(count(of))} municipalities with a published value.`,
      rankUnpublished: (k: number, cut: boolean): Html =>
        html` ${nw(count(k))} ${k === 1 ? "municipality has" : "municipalities have"} no published value (${sym(S.withheld)} withheld, ${sym(S.noData)} missing)${cut ? "" : k === 1 ? " and comes last" : " and come last"}.`
    },
    overview: {
      direction: { lower: "lower is better", higher: "higher is better", none: "not ranked" },
      title: (year: number) => `Overview ${year}`,
      caption: (year: number, previous: number | null) => `Key figures ${year} by municipality, total: value, change from ${previous ?? "the year before"} and rank`,
      intro: (year: number, previous: number | null, shares: boolean, scrolls: boolean): Html =>
        html`The key figures of ${year} for women and men together (total). Under each value: ${previous === null ? `the change from the year before (not in the report, hence ${S.noData})` : html`the change from ${previous} (${shares ? "shares in percentage points, the others in the indicator's unit" : "in the indicator's unit"})`} and the rank among the municipalities with a published value (1 = best; no rank among fewer than three). At the top, the network mean and how many municipalities it rests on (n). A municipality's name leads to all its figures; a key figure's name to its section below. ${sym(S.withheld)} = withheld, ${sym(S.noData)} = missing.${scrolls ? " The table scrolls within its box; the header row and the municipalities' names stay in view." : ""}`,
      rankingTitle: (year: number) => `Ranking ${year}`,
      rankingIntro: (all: number, k: number) =>
        `Per key figure, the municipalities with a published value, best first (with more than ${all}, the ${k} best and the ${k} worst), and the network mean as a dashed line. The charts show the total; the values by gender are in the sections below.`
    },
    breakdown: {
      by: "by",
      breakdown: "Breakdown",
      intro: (k: number, categories: string, year: number) =>
        `${k} categories, in this order: ${categories}. Every category is shown, also when it is 0. The charts show ${year} in total; the tables women, men and total.`,
      participantOnce: "A participant counts once, in the category of the year's active measure that started last. ",
      sumsToTotal: (total: Html): Html => html`The categories add up to the total (${total}).`,
      sharesOfTotal: (denominator: string) => `The denominator is all ${denominator}; the categories' shares add up to 100% (rounded).`,
      sharesWithin: (denominator: string) => `The share is computed within each category: the denominator is the category's ${denominator}.`,
      notRanked: "Breakdowns are not ranked.",
      earlierYears: (span: string) => `Earlier years (${span})`,
      earlierInFiles: (span: string) => `Earlier years (${span}) are in the data files (CSV, Excel, Arrow).`,
      countUnit: (unit: string) => `number of ${unit}`,
      totalDenominator: (denominator: string) => `${denominator}, all categories together (the same in every category)`,
      categoryDenominator: (denominator: string) => `${denominator} in the category`,
      partsWhat: (name: string) => `${name}: numerator / denominator`,
      totalWho: "total (women and men)",
      distributionTitle: (title: string, year: number) => `${title}: distribution by municipality, ${year}`,
      andMunicipalityTitle: (title: string, year: number) => `${title} and municipality, ${year}`,
      networkTitle: (title: string, when: number | string) => `${title}, the network ${when}`,
      barNotDrawn: (withheld: boolean, symbol: string) => (withheld ? `withheld (${symbol})` : `missing (${symbol})`),
      barsShareHow: "One bar per municipality divided into the categories' shares, in the order of the legend; the network's bar is the mean per category over the municipalities where the share is published, so it does not always add up to 100%.",
      barsCountHow: "One bar per municipality with the categories' counts one after the other, in the order of the legend; the network's bar is the mean per category.",
      withoutBar: "Without a bar",
      categoriesNotDrawn: (share: boolean): Html =>
        html`Categories that are withheld (${sym(S.withheld)}) or missing (${sym(S.noData)}) are not drawn${share ? " (hatched: what is left up to 100%)" : html` (${sym(`+ ${S.withheld}`)} after the bar)`}`,
      hatchedKey: "Withheld or missing categories",
      tableShowsAll: "The table shows every value, also for women and men.",
      panelsHow: "One panel per category with a bar per municipality, the same scale in every panel.",
      panelsMean: "The network mean (dashed line)",
      panelsGaps: html`Withheld (${sym(S.withheld)}) and missing (${sym(S.noData)}) values are not drawn; their symbol stands at zero.`,
      categoryMeanKey: "Network mean in the category",
      profileBarKey: "Bar: the network mean in the category (the category's colour)",
      profileHow: (unpublished: number, of: number, fewest: number | null): Html =>
        html`one row per category. The bar is the network mean (the municipalities' published values, unweighted); the line runs from the first to the third quartile of the municipalities' values, so half of the municipalities lie within it. Withheld (${sym(S.withheld)}) and missing (${sym(S.noData)}) values are left out${unpublished > 0 ? html` (${nw(count(unpublished))} of ${nw(count(of))} municipal values)` : ""}${fewest === null ? "" : html`; each category rests on at least ${nw(count(fewest))} municipalities`}. The table shows each municipality.`
    },
    socio: {
      title: "Socio-economic value of exits to work or studies",
      money: (amount: string) => `SEK ${amount}`,
      notMeasured: html`<strong>This is a model calculation on the network's assumptions, not measured outcomes.</strong> No person has been followed up to arrive at these values: they show what the year's exits to work or studies are worth <em>if</em> the assumptions below hold.`,
      model: (horizon: number, discount: string): Html =>
        html`The model: a household's assistance over a year, A, is 12 times the target group's assistance paid per household-month in the municipality the same year. Each exit to work is assumed to yield, in years 1 to ${horizon}, the share p<sub>t</sub> of (A + R) — the assistance not paid out plus the taxes and contributions of the work — and each exit to studies the share q<sub>t</sub> of A, discounted at ${discount} a year from year 2. The value is the sum over the year's exits to work and to studies, less the deadweight d. The net value is the value less the total cost of the year's ended measures; the return is the value divided by that cost (kronor back per krona spent; none when the cost is 0).`,
      noDeadweight: html`The deadweight is 0: the model credits the measures with <em>every</em> exit, also those that might have happened anyway. The values are therefore an upper bound of what the measures yield.`,
      protected: (threshold: number): Html =>
        html`The values are withheld like the counts they rest on: they show as ${sym(S.withheld)} when the exits to work or studies or the year's exits are few (1–${threshold}) or withheld in the report.`,
      parameters: {
        H: "Horizon (years)",
        r: "Discount rate",
        R: "Taxes and contributions of a year's work",
        p: "Share still off assistance in years 1…H after an exit to work",
        q: "Share still off assistance in years 1…H after an exit to studies",
        d: "Deadweight (share of exits that would have happened anyway)"
      },
      parametersLabel: "the model's assumptions",
      parametersCaption: (defaults: boolean) => `Assumptions the values rest on (${defaults ? "the contract's defaults" : "the network's settings"})`,
      parametersHead: ["Parameter", "Meaning", "Value"],
      short: { socioeconomic_value: "Value, SEK", socioeconomic_net_value: "Net, SEK", socioeconomic_return: "SEK per SEK" },
      tableLabel: "socio-economic value by municipality and year",
      tableCaption: "Socio-economic value, net value and return by municipality and year (total, model calculation)",
      netTitle: (year: number) => `Socio-economic net value by municipality, ${year}`,
      netHow: "(SEK, model calculation), highest first.",
      netWithout: "Without a bar (the value is withheld or missing)",
      noNet: (year: number) => `No published net value for ${year}.`,
      millions: "Millions of SEK",
      tooMany: (k: number) => `The network has ${k} municipalities: the net values are in the table below and in the data files.`,
      sensitivityTitle: "How much rests on the assumptions?",
      noValue: (year: number) => `No value for ${year} is published.`,
      sensitivityIntro: (year: number, defaults: boolean) =>
        `The value of ${year} with the shares still off assistance (p and q) halved, and with the contract's defaults${defaults ? " (used above)" : ""}:`,
      sensitivityLine: (value: string, half: string, defaults: string) => `${value}; shares halved ${half}; defaults ${defaults}`
    },
    municipalityPage: {
      crumb: "The municipalities' pages",
      lead: "The municipality's figures in all the network's reports: per target group, year and gender, beside the network mean and with the municipality's rank. An indicator's name leads to the report's section with its definition, chart and every municipality.",
      noData: "No data has been loaded for the municipality.",
      bistand: "Social assistance",
      insats: "Measures",
      lastLoaded: "Last loaded",
      key: (groups: string): Html =>
        html`<strong>Network (mean)</strong> is the unweighted mean of the municipalities whose value is published; for counts with one decimal.${groups === "" ? "" : html` The comparison groups' means (${groups}) are computed the same way over the group's municipalities in the network.`} <strong>Rank</strong>: 1 = best among the municipalities with a published value (<span class="rank rank-good">green</span> best third, <span class="rank rank-mid">yellow</span> middle, <span class="rank rank-bad">red</span> worst, <span class="rank rank-missing">grey</span> not ranked: the value is missing or withheld).`,
      reportsNav: "Reports",
      reportsTitle: "Reports per target group",
      noReports: "No reports yet.",
      theReport: "the report",
      wholeReport: (name: string) => `The whole report: ${name}`,
      nothingInReport: "The municipality has no figures in the report.",
      totalsCaption: (name: string, span: string) => `${name} and the network, ${span}`,
      totalsLabel: (report: string, name: string, span: string) => `${report}, ${name} and the network mean, ${span}`,
      modelNote: (href: string): Html =>
        html`Socio-economic value of exits to work or studies: a model calculation on the network's assumptions, not measured outcomes (<a href="${href}">the model and its assumptions</a>).`,
      modelCaption: (span: string) => `Socio-economic value, ${span}`,
      modelLabel: (report: string, name: string, span: string) => `${report}, socio-economic value (model calculation), ${name} and the network mean, ${span}`,
      year: "Year",
      rank: "Rank",
      networkHead: html`Network<br>(mean)`,
      meanMark: "(mean)",
      totalOnly: "total only",
      breakdownsTitle: (year: number) => `Breakdowns ${year}`,
      breakdownsIntro: "The municipality's values per category for the latest year, beside the network mean. Breakdowns are not ranked; earlier years are in the report's data files."
    },
    index: {
      title: "Comparisons of the network's municipalities",
      lead: "Social assistance and municipal labour-market measures, per target group. Each report compares the municipalities with the network mean and ranks them, with charts and tables.",
      files: "Files",
      filesLine: (accepted: number, rejected: number): Html =>
        html`${nw(count(accepted))} ${accepted === 1 ? "file" : "files"} accepted, ${nw(count(rejected))} ${rejected === 1 ? "file" : "files"} rejected${rejected > 0 ? html` – <a href="quality.html">see the reasons on the Data quality page</a>` : html` (<a href="quality.html">data quality</a>)`}`,
      reports: "Reports per target group",
      noReports: "No reports yet.",
      municipalities: "The municipalities' pages",
      noMunicipalities: "No municipality has data yet.",
      municipalitiesIntro: "One page per municipality with all its figures in the reports, beside the network mean.",
      otherPages: "Other pages",
      otherPagesList: html`<li><a href="quality.html">Data quality</a>: the files loaded and rejected, every error with line and column, the completeness of the coding.</li>
<li><a href="codes.html">Code lists</a>: the shared codes (barriers to self-support, measures, exit reasons and more) and the indicators' definitions.</li>`,
      dataTitle: "Data per municipality",
      symbols: "Symbols in the reports"
    },
    quality: {
      lead: "Which files were loaded and which were rejected, with every reason (line and column), how completely the barriers to self-support are coded, and which codes were translated.",
      filesLine: (accepted: number, rejected: number) => `${count(accepted)} loaded, ${count(rejected)} rejected`,
      confidentiality: "Confidentiality",
      confidentialityRule: (threshold: number): Html =>
        html`Counts of persons, households, person-months and rows from 1 to ${threshold} show as ${sym(S.withheld)} here too; ${sym(S.noData)} = no figure.`,
      contents: "Contents",
      sections: {
        files: "Files per municipality",
        completeness: "Completeness of the coding",
        couples: "Couples where only one adult is coded",
        mappings: "Codes translated through profiles",
        replacements: "Replaced rows"
      },
      filesIntro: "A rejected file is not loaded at all. Correct the errors listed (the header row is line 1) and upload the file again; the municipality's other files are not affected.",
      noFiles: "No files have been read yet.",
      completenessIntro: "The share of person-months with a barrier to self-support (försörjningshinder) coded. Months without a barrier do not count when the year's barrier is decided, so a low share makes the target groups incomplete.",
      completenessTable: ["Person-months with a barrier to self-support by municipality and year", ["Municipality", "Year", "Person-months", "With a barrier", "Share, %"]] as Table,
      couplesIntro: "Households with two adults (applicant and co-applicant) where the co-applicant has no barrier to self-support coded.",
      couplesTable: ["Couples by municipality and year", ["Municipality", "Year", "Couples", "Co-applicants without a barrier"]] as Table,
      mappingsIntro: html`The municipality's own notations and the shared codes (see <a href="codes.html">Code lists</a>) they were translated to, with the code's English label. The number of rows per code is not shown: beside the file's row count it would reveal small counts.`,
      mappingsTable: ["Translated codes", ["Municipality", "Profile", "Column", "Municipality's code", "Contract's code"]] as Table,
      replacementsIntro: "A newer assistance file replaces the municipality's earlier rows for the months it holds; a newer measures file replaces the whole earlier snapshot; a newer survey or population file replaces the rows of the years it holds, and a newer commentary the earlier one.",
      replacementsTable: ["Replaced rows", ["Municipality", "Kind", "Month or year", "Earlier file", "New file", "Rows"]] as Table,
      nothing: "Nothing to report.",
      wholeSnapshot: "the whole snapshot",
      municipalityCode: "Municipality code",
      filesOf: (k: number, rejected: number) => `${count(k)} ${k === 1 ? "file" : "files"}, of which ${count(rejected)} rejected.`,
      filesFrom: (name: string) => `Files from ${name}`,
      filesCaption: (name: string) => `Files from ${name}, in the order they were loaded`,
      networkFolder: { title: "The network's reference data", from: "the network's folder" },
      filesHead: ["File", "Kind", "Status", "First seen", "Rows", "Encoding", "Delimiter", "Profile", "Findings"],
      unknownKind: "unknown",
      kind: { bistand: "Social assistance", insats: "Measures", survey: "User survey", population: "Population", commentary: "Commentary" } as Readonly<Record<string, string>>,
      status: { accepted: "Loaded", rejected: "Rejected" },
      encoding: { "utf-8": "UTF-8", utf8: "UTF-8", "utf-8-bom": "UTF-8 with BOM", "windows-1252": "Windows-1252", latin1: "Latin-1" } as Readonly<Record<string, string>>,
      delimiter: { ",": "comma (,)", ";": "semicolon (;)", "\t": "tab" } as Readonly<Record<string, string>>,
      noProfile: "none",
      none: "none",
      findingsIn: "Findings in",
      findingsCaption: "Severity, line (the header row is line 1), column (as the file names it), value and what needs correcting",
      findingsHead: ["Severity", "Line", "Column", "Value", "Message"],
      showing: (shown: number, total: number): Html =>
        html`Showing ${count(shown)} of ${count(total)} findings, the most serious first. Check the file with <code>kas validate</code> to see them all.`,
      rowsFrom: (rows: number, line: string) => `(${count(rows)} rows, from line ${line})`
    },
    codes: {
      title: "Code lists and definitions",
      lead: "The shared codes every municipality's extract is translated to, and how target groups and indicators are defined. The codes are stable keys; the labels are in Swedish, Norwegian and English.",
      listCaption: ": code and label in Swedish, Norwegian and English",
      listHead: ["Code", "Swedish", "Norwegian", "English"],
      group: "Group",
      workOrStudies: "Counts as work or studies",
      yes: "yes",
      no: "no",
      targetGroups: "Target groups",
      targetGroupsCaption: "Target groups: id, name and definition",
      targetGroupsHead: ["Id", "Name", "Definition"],
      indicatorsCaption: "Indicators: id, name, definition, numerator, denominator and the genders published",
      indicatorsHead: ["Id", "Name", "Definition", "Numerator", "Denominator", "Gender"],
      checksTitle: "Checks and messages",
      checksIntro: html`Every file is checked before any of it is loaded: first the file itself, then the header row, the structure of the rows, the value in each column and the rules within and between rows. Every finding names its code, file, line, column and value, with a message saying what is wrong and how to correct it; <code>kas validate</code> shows a file's findings without loading it. Severity:`,
      checksCaption: ": code, severity, what the check finds and how to correct it",
      checksHead: ["Code", "Severity", "What", "How to correct it"],
      inJson: (severity: string) => `(${severity} in --json)`
    },
    survey: {
      title: "User survey",
      indexLine: "How the users in the network's municipalities answered the user survey, per question: the share of positive answers and the mean score per municipality, beside the network mean.",
      lead: (year: number) => `How the users in the network's municipalities answered the user survey in ${year}, per question. Answers are on a scale from 1 to 6, 6 best; 5 and 6 count as positive answers.`,
      noSurvey: (year: number) => `no survey in ${year}`,
      dataLinks: (csv: Html, xlsx: Html, arrow: Html): Html => html`Every figure, earlier years too, ${csv} (decimal point), ${xlsx} and ${arrow}`,
      csv: "as CSV", xlsx: "as an Excel file", arrow: "as an Apache Arrow file",
      symbols: (t: number): readonly (readonly [symbol: "withheld" | "noData" | "notApplicable", text: string])[] => [
        ["withheld", `withheld: the figure rests on too few respondents, or could be worked out from other figures (see below). Counts from 1 to ${t} are never shown.`],
        ["noData", "no data: no survey in the municipality that year, or nobody answered the question (share and mean)."]
      ],
      ruleTitle: (min: number) => `At least ${min} respondents`,
      rule: (min: number, t: number) =>
        `A figure resting on fewer than ${min} respondents is not shown, for women, men and the total alike. Where women's or men's figures for a question are not shown, neither are shown: otherwise one could be worked out from the total and the other. The total is shown where it has at least ${min} respondents itself. Respondents who did not state their gender count in the total only, so women and men together may be fewer than the total. The reports' confidentiality rule applies as well: a count of respondents or positive answers from 1 to ${t} is not shown, nor a share of fewer than 10 respondents or a figure that could be worked out from others.`,
      networkMean: "The network mean is the mean of the municipalities' published values (withheld values are not averaged); below it, how many municipalities it averages.",
      questions: "Questions",
      figures: { survey_respondents: "Respondents", survey_positive_share: "Positive, %", survey_mean_score: "Mean score" },
      caption: (q: string, year: number) => `${q}: respondents, share of positive answers (5–6) and mean score (1–6) per municipality and gender, ${year}`,
      withheldTitle: (year: number) => `Withheld figures, ${year}`,
      withheldLink: "Which figures are withheld, and why",
      withheldNone: (year: number) => `No figure for ${year} is withheld.`,
      withheldSummary: (o: { total: number; respondents: number; confidentiality: number; year: number; min: number; distinguished: boolean }) =>
        `${o.total} ${o.total === 1 ? "figure" : "figures"} for ${o.year} on this page ${o.total === 1 ? "is" : "are"} withheld (${S.withheld})` +
        (o.distinguished ? `: ${o.respondents} because they rest on fewer than ${o.min} respondents (or go with such a figure of the other gender), ${o.confidentiality} by the confidentiality rule.` : "."),
      withheldColumns: ["Municipality", "Question", "Withheld", "Why"] as readonly [string, string, string, string],
      withheldShowAll: (k: number) => `Show all ${k} rows`,
      all: "every figure",
      reasons: {
        total: (min: number) => `fewer than ${min} respondents in total: nothing is shown for the question`,
        pair: (min: number) => `fewer than ${min} respondents among women or men: both are withheld, so that neither can be worked out from the total and the other`,
        confidentiality: (t: number) => `the confidentiality rule: a count from 1 to ${t}, a share of fewer than 10 respondents, or a figure that could otherwise be worked out from others`,
        either: (min: number, t: number) => `fewer than ${min} respondents, or the confidentiality rule (a count from 1 to ${t} or a figure that could otherwise be worked out)`
      },
      chart: {
        genders: { K: "Women", M: "Men", T: "Total" },
        axis: "Share of positive answers (5–6), %",
        legend: "Legend",
        networkMean: "Network mean, total",
        diagram: "Chart",
        part: (k: number, of: number) => `, part ${k} of ${of}`,
        caption: (o: { question: string; year: number; from: number; to: number; total: number }) =>
          `share of positive answers per municipality in ${o.year}, municipalities ${o.from}–${o.to} of ${o.total} by the total's value, highest first`,
        marks: "ring = women, square = men, vertical tick = total; equal values sit inside each other",
        mean: (v: string, k: string) => `Network mean of the total (dashed line): ${v}% (${k}).`,
        missing: (items: Html, more: number): Html => html`Not shown (withheld or no data): ${items}${more > 0 ? ` and ${more} more` : ""}. The table shows every value.`,
        empty: (q: string) => `${q}: no published values (all are withheld or missing). The table shows which.`
      }
    },
    commentary: {
      /** over a municipality's own words (reports/commentary-html.ts): "The municipality's comment — <kommun>, <date>" */
      label: "The municipality's comment",
      title: "What the municipalities say",
      intro: "The municipalities' own comments on the report, in their own words. Comments on a single indicator are beside the indicator.",
      fold: (k: number) => `Comments from ${count(k)} municipalities`,
      about: (name: Html | string): Html => html`On ${name}`,
      mark: (k: number) => (k === 1 ? "1 comment" : `${count(k)} comments`),
      see: "see the comment"
    },
    xlsx: {
      sheet: "Figures",
      headers: ["Indicator", "Breakdown", "Category", "Municipality code", "Municipality", "Year", "Gender", "Value", "Numerator", "Denominator", "Status"]
    }
  };
})();

const catalogues: Readonly<Record<Language, Words>> = { sv, nb, en };

/** The words of a language's pages. */
export function words(language: Language): Words {
  const w = catalogues[language];
  if (!w) throw new Error(`invalid language: ${String(language)}`);
  return w;
}
