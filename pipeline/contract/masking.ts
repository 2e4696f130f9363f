// Values as findings may show them: an identity number typed where it does not belong (a birth year,
// a header cell of a file without header, the one-column "header" of a file with an unknown
// delimiter) is hidden before it becomes a finding's value or a message parameter, like person_id
// values always are.

/** Digits shaped like a Swedish (10 or 12 digits, optional - + or space before the last four) or
 *  Norwegian (11 digits) identity number, checksum or not. */
const identityShaped = /(?<!\d)(?:\d{6}|\d{8})[-+ ]?\d{4}(?!\d)|(?<!\d)\d{11}(?!\d)/g;

/** A value with every identity-shaped run of digits hidden. */
export function masked(value: string): string {
  return value.replace(identityShaped, "[dolt: ser ut som ett personnummer]");
}

/** A header line for a message: shortened to 80 characters, and any run of digits long enough to be
 *  (part of) an identity number hidden, in case the first line is data rather than a header. */
export function maskedLine(text: string): string {
  const hidden = text.replace(/\d[\d\s+-]{4,}\d/g, (m) => (m.replace(/\D/g, "").length >= 6 ? "[siffror dolda]" : m));
  return hidden.length > 80 ? `${hidden.slice(0, 77)}…` : hidden;
}
