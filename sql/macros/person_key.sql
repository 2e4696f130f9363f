-- person_id → the normalised string that is keyed (contract §2), set-based. The JS reference is
-- parseIdentity in pipeline/contract/identity.ts; test/identity.test.ts holds the two to the same answers.
--   kas_person_norm(raw, yr)    'p:<lowercase hex>' | 'se:YYYYMMDDNNNC' | 'no:<11 digits>', NULL when invalid
--   kas_person_problem(raw, yr) NULL when valid, else 'format' or 'checksum'
--   kas_person(raw, yr)         both as STRUCT(norm, problem), for a caller that wants both in one pass
-- yr is the row's year. For every non-NULL raw exactly one of norm and problem is non-NULL; a NULL raw
-- is a 'format' problem, and so is a valid 10-digit Swedish number with a NULL yr (no century).

-- One regular expression splits every accepted notation, so each value is scanned once. The three
-- alternatives cannot overlap (hex pseudonyms are 16+ characters, Swedish numbers 10 or 12 digits
-- with an optional separator, Norwegian ones 11 digits), so their order does not matter. The
-- surrounding class is exactly what JavaScript's String.prototype.trim removes (DuckDB's trim()
-- removes only spaces). A group that did not take part comes back as ''.
CREATE OR REPLACE TEMP MACRO kas_person_match(raw) AS
  regexp_extract(
    raw,
    '^[\t\n\x0B\f\r \x{00A0}\x{1680}\x{2000}-\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}]*'
    || '(?:([0-9a-fA-F]{16,64})|([0-9]{2})?([0-9]{6})([-+]?)([0-9]{4})|([0-9]{11}))'
    || '[\t\n\x0B\f\r \x{00A0}\x{1680}\x{2000}-\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}]*$',
    ['hex', 'century', 'yymmdd', 'sep', 'tail', 'no']
  );

-- The digits of an all-digit string as integers.
CREATE OR REPLACE TEMP MACRO kas_person_digits(s) AS
  [ord(x) - 48 FOR x IN string_split(s, '')];

-- Luhn over all ten digits YYMMDDNNNC: the check digit is right iff the weighted digit sum ends in 0
-- (weights 2,1,2,…; a doubled digit d ≥ 5 gives the two digits of 2d, whose sum is 2d − 9).
CREATE OR REPLACE TEMP MACRO kas_person_luhn_ok(ten) AS
  list_sum([CASE WHEN i % 2 = 1 THEN 2 * d - 9 * (d // 5) ELSE d END
            FOR d, i IN kas_person_digits(ten)]) % 10 = 0;

-- Norwegian check digits k1, k2 are right iff both weighted sums, with the check digit itself
-- weighted 1, are divisible by 11: k = (−sum) mod 11, and a k of 10 can never equal a digit, which
-- is the rule "10 means no valid check digit".
CREATE OR REPLACE TEMP MACRO kas_person_mod11_ok(eleven) AS
  list_transform([kas_person_digits(eleven)], lambda kas_ds:
    list_sum([d * [3, 7, 6, 1, 8, 9, 4, 5, 2, 1, 0][i] FOR d, i IN kas_ds]) % 11 = 0
    AND list_sum([d * [5, 4, 3, 2, 7, 6, 5, 4, 3, 2, 1][i] FOR d, i IN kas_ds]) % 11 = 0)[1];

-- The birth year of a 10-digit number: the latest year ≤ limit ending in yy, where limit is the row's
-- year, or the row's year − 100 with '+' (the person is at least 100). Padded like JS padStart(4, '0')
-- (lpad would truncate a longer value). BIGINT so that no INTEGER year can overflow.
CREATE OR REPLACE TEMP MACRO kas_person_limit(sep, yr) AS
  yr::BIGINT - CASE WHEN sep = '+' THEN 100 ELSE 0 END;

CREATE OR REPLACE TEMP MACRO kas_person_pad4(b) AS
  CASE WHEN length(b) >= 4 THEN b ELSE lpad(b, 4, '0') END;

CREATE OR REPLACE TEMP MACRO kas_person_birth_year(yy, sep, yr) AS
  kas_person_pad4((kas_person_limit(sep, yr) - ((kas_person_limit(sep, yr) - TRY_CAST(yy AS BIGINT)) % 100 + 100) % 100)::VARCHAR);

-- TRUE when the check digits are right, FALSE when not, NULL when m is no accepted notation.
CREATE OR REPLACE TEMP MACRO kas_person_checked(m) AS
  CASE
    WHEN m.hex <> '' THEN TRUE
    WHEN m.yymmdd <> '' THEN kas_person_luhn_ok(m.yymmdd || m.tail)
    WHEN m.no <> '' THEN kas_person_mod11_ok(m.no)
  END;

-- list_transform([x], lambda v: …)[1] binds x to v once: DuckDB shares a repeated subexpression
-- only outside CASE, and the check digits would otherwise be computed once per reference. Lambda
-- parameters are prefixed kas_ so that they cannot hide a caller's column used in raw or yr.
CREATE OR REPLACE TEMP MACRO kas_person(raw, yr) AS
  list_transform([kas_person_match(raw)], lambda kas_m:
    list_transform([kas_person_checked(kas_m)], lambda kas_ok: {
      'norm': CASE
                WHEN kas_ok IS NOT TRUE THEN NULL
                WHEN kas_m.hex <> '' THEN 'p:' || lower(kas_m.hex)
                WHEN kas_m.no <> '' THEN 'no:' || kas_m.no
                WHEN kas_m.century <> '' THEN 'se:' || kas_m.century || kas_m.yymmdd || kas_m.tail
                ELSE 'se:' || kas_person_birth_year(left(kas_m.yymmdd, 2), kas_m.sep, yr) || substr(kas_m.yymmdd, 3) || kas_m.tail
              END,
      'problem': CASE
                   WHEN kas_ok IS NULL THEN 'format'
                   WHEN NOT kas_ok THEN 'checksum'
                   WHEN kas_m.yymmdd <> '' AND kas_m.century = '' AND yr IS NULL THEN 'format'
                 END
    })[1])[1];

-- Called side by side in one SELECT, the two share one evaluation of kas_person (it is not inside a CASE).
CREATE OR REPLACE TEMP MACRO kas_person_norm(raw, yr) AS kas_person(raw, yr).norm;

CREATE OR REPLACE TEMP MACRO kas_person_problem(raw, yr) AS kas_person(raw, yr).problem;

-- TRUE when a valid-looking Swedish or Norwegian number's date part has month or day 00 (a
-- samordningsnummer's day is 60 + the day, a Norwegian D-number's 40 + the day, an H-number's month
-- 40 + the month): the shape of placeholders such as 000000-0000, which pass the check digit.
CREATE OR REPLACE TEMP MACRO kas_person_placeholder(raw) AS
  list_transform([kas_person_match(raw)], lambda kas_m:
    CASE
      WHEN kas_m.yymmdd <> '' THEN substr(kas_m.yymmdd, 3, 2) = '00' OR substr(kas_m.yymmdd, 5, 2) IN ('00', '60')
      WHEN kas_m.no <> '' THEN substr(kas_m.no, 1, 2) IN ('00', '40') OR substr(kas_m.no, 3, 2) IN ('00', '40')
      ELSE false
    END)[1];
