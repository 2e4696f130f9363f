// Values as findings may show them: an identity number typed where it does not belong (a birth year,
// a header cell of a file without header, the one-column "header" of a file with an unknown
// delimiter) is hidden before it becomes a finding's value or a message parameter, like person_id
// values always are.

/** Digits shaped like a Swedish (6 or 8 digits, then the last four) or Norwegian (6 digits, then the
 *  last five) identity number, checksum or not, however the parts are separated: nothing, a space, a
 *  hyphen, plus, en or em dash, a dot, a slash, and spaces around them ("800101–1234",
 *  "19800101 - 1234", "010180.12345", "800101/1234"). */
const identityShaped = /(?<!\d)(?:\d{6}|\d{8})[\s\-+\u2010-\u2015\u2212./\\_:]{0,3}\d{4,5}(?!\d)/g;

/** A value with every identity-shaped run of digits hidden. */
export function masked(value: string): string {
  return maskedAs(value, "[dolt: ser ut som ett personnummer]");
}

/** The same, with a shorter word where the value is a name (file names, quarantine copies). */
export function maskedAs(value: string, hidden: string): string {
  return value.replace(identityShaped, hidden);
}

/** A header line for a message: shortened to 80 characters, and any run of digits long enough to be
 *  (part of) an identity number hidden, in case the first line is data rather than a header. */
export function maskedLine(text: string): string {
  const hidden = text.replace(/\d[\d\s+-]{4,}\d/g, (m) => (m.replace(/\D/g, "").length >= 6 ? "[siffror dolda]" : m));
  return hidden.length > 80 ? `${hidden.slice(0, 77)}…` : hidden;
}
