// Municipalities' commentary (contract §14): a `.md` file in the municipality's folder, written as the
// municipality's analyst would — an intro for the municipality's page, then sections `## <target
// group>` and `## <target group> / <indicator>` (ids of schemas/target-groups.json and
// schemas/indicators.json) with paragraphs, emphasis, a bullet list and a link. The texts are made up
// for the samples; what they say about a municipality is illustration, not a finding about it.
// Standalone numbers from 1 to 3 (the default threshold) are avoided — except once, on purpose, in
// Salem's file, which shows the warning `commentary_small_number` on quality.html.
import { utimes, writeFile } from "node:fs/promises";
import { join } from "node:path";

/** One commentary file: its name, its text (LF line ends), and how the editor saved it. */
export interface Commentary {
  readonly name: string;
  readonly text: string;
  /** saved by Windows Notepad: a UTF-8 BOM and CRLF line ends (the pipeline reads both) */
  readonly windows?: boolean;
}

const lines = (...l: string[]) => l.join("\n") + "\n";

/** The samples' commentary, per municipality code. */
export const commentaries: Readonly<Record<string, Commentary>> = {
  "0181": {
    name: "kommentar.md",
    text: lines(
      "Södertälje har ett av de större biståndsuppdragen i nätverket. Sedan 2024 arbetar socialtjänsten och arbetsmarknadsenheten med *en gemensam plan* för varje person som står långt från arbetsmarknaden, så att biståndet och insatserna hänger ihop.",
      "",
      "Uppgifterna kommer från kommunens verksamhetssystem och följs upp varje kvartal. Mer om arbetet finns på [Södertälje kommuns webbplats](https://www.sodertalje.se/).",
      "",
      "## unemployment",
      "",
      "Arbetslöshet är det vanligaste försörjningshindret hos oss. Under 2025 flyttade vi tyngdpunkten från utredning till *tidiga insatser*:",
      "",
      "- kartläggning redan under de första veckorna efter ansökan",
      "- jobbsökaraktiviteter i grupp, med stöd på flera språk",
      "- praktik hos arbetsgivare inom lager, logistik och vård",
      "",
      "## unemployment / exit_work_studies_share",
      "",
      "Andelen avslut till arbete eller studier ökade när praktiken kopplades till rekryteringar hos arbetsgivarna. Avslut till kommunal visstidsanställning räknas **inte** som arbete i den här jämförelsen, vilket förklarar en del av skillnaden mot kommunens egen uppföljning.",
      "",
      "## long_term_unemployed / long_term_share",
      "",
      "Många i gruppen har haft bistånd i tio månader eller mer. Andelen minskar *långsamt*, och vi räknar med att det tar ytterligare något år innan de tidiga insatserna syns här.",
      "",
      "## newly_arrived",
      "",
      "Den som lämnar etableringsprogrammet behåller samma kontaktperson, så att stödet inte bryts när ersättningen från Arbetsförmedlingen upphör."
    )
  },
  "0182": {
    name: "kommentar.md",
    windows: true,
    text: lines(
      "Nacka har relativt få biståndsmottagare i förhållande till befolkningen, men andelen unga vuxna bland dem har ökat. Kommunens arbetsmarknadsenhet *Jobbtorg Nacka* tar emot alla som söker bistånd och kan arbeta.",
      "",
      "Jämför gärna med kommunens nyckeltal i [Kolada](https://www.kolada.se/).",
      "",
      "## young_adults",
      "",
      "Unga vuxna mellan 18 och 29 år får en egen handläggare och ett erbjudande om insats inom en månad. Vi prioriterar:",
      "",
      "- studier med studiemedel för den som saknar gymnasieexamen",
      "- praktik för den som har examen men ingen arbetslivserfarenhet",
      "- *motiverande samtal* för den som ännu inte är redo för något av det",
      "",
      "## young_adults / recipients",
      "",
      "Att fler unga fick bistånd under 2025 hänger ihop med att fler väntade längre på ersättning från a-kassan. Ökningen syns framför allt bland män.",
      "",
      "## all / amount_per_household_month",
      "",
      "Biståndet per hushållsmånad ligger över nätverkets medelvärde, främst eftersom *boendekostnaderna* i Nacka är höga."
    )
  },
  "0128": {
    name: "kommentar.md",
    text: lines(
      "Salem är den minsta kommunen i nätverket. Grupperna är små, så många av våra siffror döljs av sekretesskäl och enskilda år kan svänga mycket. Läs hellre utvecklingen över flera år än ett *enskilt* värde.",
      "",
      "Mer om socialtjänsten finns på [salem.se](https://www.salem.se/).",
      "",
      "## all",
      "",
      "Vi samarbetar med Botkyrka om arbetsmarknadsinsatser, så en del av insatserna för Salems invånare genomförs i grannkommunen. Det här gör vi för att korta tiden med bistånd:",
      "",
      "- uppföljning varje månad för alla med arbetslöshet som försörjningshinder",
      "- gemensamma möten med Arbetsförmedlingen",
      "- *snabb* kontakt med vården vid sjukskrivning",
      "",
      "## unemployment / measure_exits",
      "",
      // on purpose: a small count in the text, which the pipeline warns of (contract §14)
      "Under 2025 gick 2 deltagare från praktik direkt till anställning hos samma arbetsgivare."
    )
  },
  "3201": {
    name: "kommentar.md",
    text: lines(
      "Bærum har mange innbyggere, men relativt få mottakere av økonomisk sosialhjelp. De som mottar stønad, har ofte *sammensatte behov*, og mange har helseproblemer i tillegg til at de står uten arbeid.",
      "",
      "Tallene kommer fra kommunens fagsystem. Les mer om kommunens tjenester på [baerum.kommune.no](https://www.baerum.kommune.no/).",
      "",
      "## ill_health",
      "",
      "Helseproblemer er en viktigere årsak til stønad i Bærum enn i nettverket ellers. Vi samarbeider tett med fastlegene og spesialisthelsetjenesten og tilbyr:",
      "",
      "- arbeidsrettet rehabilitering i samarbeid med NAV",
      "- *individuell jobbstøtte* for personer med psykiske lidelser eller rusproblemer",
      "- tett oppfølging av en fast veileder",
      "",
      "## newly_arrived / participants",
      "",
      "Nyankomne i introduksjonsprogrammet deltar i norskopplæring og språkpraksis. Flere går over til ordinær utdanning etter programmet, og det ser vi i avslutningene til utdanning.",
      "",
      "## all / cost_per_exit",
      "",
      "Kostnaden per avsluttet tiltak er høy fordi tiltakene våre er lange. Vi mener det lønner seg over tid, og viser til den *samfunnsøkonomiske* verdien i rapporten."
    )
  },
  "1804": {
    name: "kommentar.md",
    text: lines(
      "Bodø er regionsenter i Nordland og tar imot mange unge som flytter til byen for å studere eller arbeide. Tallene leveres fra fagsystemet i KOSTRA-format, og noen avslutningsårsaker kan derfor ikke skilles fra hverandre.",
      "",
      "Se også kommunens egne sider på [bodo.kommune.no](https://bodo.kommune.no/).",
      "",
      "## young_adults",
      "",
      "Unge voksne er en prioritert gruppe. Alle under 30 år som søker sosialhjelp, får tilbud om:",
      "",
      "- en samtale med en jobbspesialist innen kort tid",
      "- arbeidstrening i kommunens egne virksomheter",
      "- *oppfølging* også etter at de har kommet i jobb",
      "",
      "## unemployment / exit_reason_share",
      "",
      "KOSTRA har ingen egen kode for kommunal sysselsetting, flytting eller avbrudd. Slike avslutninger registreres som *annet*, og andelen «annet» er derfor høyere hos oss enn i resten av nettverket."
    )
  }
};

/** Writes the commentary into the municipality's folder (UTF-8; with a BOM and CRLF if saved on Windows). */
export async function writeCommentary(dir: string, c: Commentary, mtime: Date): Promise<string> {
  const path = join(dir, c.name);
  await writeFile(path, c.windows ? "\uFEFF" + c.text.replaceAll("\n", "\r\n") : c.text, "utf8");
  await utimes(path, mtime, mtime);
  return path;
}
