// The pseudonymisation key (files, KAS_KEY, creation on first use) and the keyed pseudonym computed
// in DuckDB, against node:crypto's HMAC.
import fc from "fast-check";
import { createHmac, randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { format, inspect } from "node:util";
import { DuckDBBlobValue } from "@duckdb/node-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDb, type Db } from "../pipeline/db/connection.js";
import { KeyError, loadKey, PseudonymKey, pseudonymSql } from "../pipeline/load/pseudonym.js";

let db: Db;
let dir: string;
beforeAll(async () => {
  db = await openDb(":memory:");
  dir = mkdtempSync(join(tmpdir(), "kas-pseudonym-"));
});
afterAll(() => {
  db?.close();
  rmSync(dir, { recursive: true, force: true });
});

let n = 0;
const fresh = () => join(dir, `case-${++n}`);
const newHex = () => randomBytes(32).toString("hex");

/** The reference: first 8 bytes of HMAC-SHA256 as a big-endian unsigned integer, by node:crypto. */
const hmac64 = (keyHex: string, s: string) => createHmac("sha256", Buffer.from(keyHex, "hex")).update(s, "utf8").digest().readBigUInt64BE(0);

/** The pseudonyms DuckDB computes for many strings, in one query. */
async function sqlPseudonyms(key: PseudonymKey, strings: readonly (string | null)[]): Promise<(bigint | null)[]> {
  await db.run("CREATE OR REPLACE TEMP TABLE msgs (i INTEGER, s VARCHAR)");
  const appender = await db.conn.createAppender("msgs");
  strings.forEach((s, i) => {
    appender.appendInteger(i);
    if (s === null) appender.appendNull();
    else appender.appendVarchar(s);
    appender.endRow();
  });
  appender.closeSync();
  const rows = await db.all<{ p: string | null }>(`SELECT CAST(${pseudonymSql("s")} AS VARCHAR) AS p FROM msgs ORDER BY i`, key.sqlParams());
  return rows.map((r) => (r.p === null ? null : BigInt(r.p)));
}

/** Every way the secret could be spelled out: the key in hex (either case), base64, and both pads. */
function secretForms(keyHex: string): string[] {
  const key = Buffer.from(keyHex, "hex");
  const forms = [keyHex, keyHex.toUpperCase(), key.toString("base64"), key.toString("latin1")];
  for (const x of [0x36, 0x5c]) {
    const pad = Buffer.alloc(64, x);
    for (let i = 0; i < 32; i++) pad[i] = key[i] ^ x;
    forms.push(pad.toString("hex"), pad.toString("hex").toUpperCase(), pad.toString("base64"), pad.toString("latin1"), new DuckDBBlobValue(pad).toString(), duckdbBlobText(pad));
  }
  // a leak of part of the secret is a leak too: check the first 12 characters of each form
  return forms.flatMap((f) => [f, f.slice(0, 12)]);
}

/**
 * A BLOB as DuckDB's own messages spell it: printable ASCII as is; every other byte, the quotes and the
 * backslash as \\xHH (node-api's DuckDBBlobValue.toString() leaves 0x5C bare, so it cannot stand in).
 */
function duckdbBlobText(bytes: Buffer): string {
  return [...bytes].map((b) => (b >= 0x20 && b <= 0x7e && b !== 0x22 && b !== 0x27 && b !== 0x5c ? String.fromCharCode(b) : `\\x${b.toString(16).toUpperCase().padStart(2, "0")}`)).join("");
}

function expectNoSecret(text: string, keyHex: string): void {
  for (const form of secretForms(keyHex)) expect(text.includes(form), "the text shows the key").toBe(false);
}

async function keyFromEnv(keyHex = newHex()) {
  return { keyHex, key: await loadKey({ env: { KAS_KEY: keyHex }, defaultPath: join(fresh(), "kas.key") }) };
}

describe("the pseudonym in SQL", () => {
  it("equals node:crypto's HMAC-SHA256 and PseudonymKey.pseudonym for 10 000 random strings", async () => {
    const { keyHex, key } = await keyFromEnv();
    const strings = fc.sample(
      fc.oneof(fc.string({ unit: "grapheme", maxLength: 40 }), fc.string({ unit: "binary", maxLength: 120 }), fc.string({ unit: "grapheme-ascii", minLength: 50, maxLength: 70 })),
      { numRuns: 10_000, seed: 20240601 }
    );
    // block boundaries of SHA-256 (55/56/64 bytes after the 64-byte pad) and the normalised forms
    strings.push("", "x".repeat(55), "x".repeat(56), "x".repeat(64), "å".repeat(40), "se:198112189876", "no:01010112377", "p:abcdef0123456789", "h:0180:H123");
    const got = await sqlPseudonyms(key, strings);
    expect(new Set(got).size).toBe(new Set(strings).size); // distinct strings, distinct pseudonyms
    strings.forEach((s, i) => {
      expect(got[i], JSON.stringify(s)).toBe(hmac64(keyHex, s));
      expect(key.pseudonym(s)).toBe(got[i]);
    });
  });

  it("depends on the key: the same strings under random keys", async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ minLength: 32, maxLength: 32 }), fc.array(fc.string({ unit: "grapheme" }), { minLength: 1, maxLength: 30 }), async (bytes, strings) => {
        const keyHex = Buffer.from(bytes).toString("hex");
        const { key } = await keyFromEnv(keyHex);
        const got = await sqlPseudonyms(key, strings);
        strings.forEach((s, i) => expect(got[i]).toBe(hmac64(keyHex, s)));
      }),
      { numRuns: 25 }
    );
  });

  it("keys households (any VARCHAR expression) the same way, and NULL stays NULL", async () => {
    const { keyHex, key } = await keyFromEnv();
    const rows = await db.all<{ p: string | null; q: string | null }>(
      `SELECT CAST(${pseudonymSql("'h:' || municipality || ':' || household_id")} AS VARCHAR) AS p,
              CAST(${pseudonymSql("NULLIF(household_id, 'H2')")} AS VARCHAR) AS q
       FROM (VALUES ('0180', 'H1'), ('0180', 'H2'), ('1480', '7708151234')) t(municipality, household_id)`,
      key.sqlParams()
    );
    expect(rows.map((r) => BigInt(r.p!))).toEqual([hmac64(keyHex, "h:0180:H1"), hmac64(keyHex, "h:0180:H2"), hmac64(keyHex, "h:1480:7708151234")]);
    expect(rows.map((r) => r.q)).toEqual([String(hmac64(keyHex, "H1")), null, String(hmac64(keyHex, "7708151234"))]);
    const types = await db.all(`SELECT typeof(${pseudonymSql("'x'")}) AS t`, key.sqlParams());
    expect(types).toEqual([{ t: "UBIGINT" }]);
  });

  it("keeps the key and its pads out of SQL text and out of the errors of failing queries", async () => {
    const { keyHex, key } = await keyFromEnv();
    expectNoSecret(pseudonymSql("s"), keyHex);
    await db.run("CREATE OR REPLACE TEMP TABLE t AS SELECT * FROM (VALUES ('a', '1'), ('boom', 'x')) v(s, n)");
    const failing = [
      // fails while running, after the pads are bound and used
      `SELECT ${pseudonymSql("s")} AS p, CASE WHEN s = 'boom' THEN error('failing on purpose') END AS e FROM t`,
      `SELECT ${pseudonymSql("s")} AS p, CAST(n AS INTEGER) AS e FROM t`,
      // fails while binding: an unknown column, a type that cannot be concatenated, a bad cast
      `SELECT ${pseudonymSql("no_such_column")} AS p FROM t`,
      `SELECT ${pseudonymSql("s")} + 'a' AS p FROM t`,
      `SELECT ${pseudonymSql("s")} AS p FROM t WHERE $kas_ipad = 1`
    ];
    for (const sql of failing) {
      const error = await db.all(sql, key.sqlParams()).then(
        () => null,
        (e: Error) => e
      );
      expect(error, sql).toBeInstanceOf(Error);
      expectNoSecret(`${error!.message}\n${error!.stack}\n${inspect(error)}`, keyHex);
    }
    // The check itself sees a leak: a query that casts a pad to text and fails shows it in DuckDB's form.
    const leak = await db.all(`SELECT ${pseudonymSql("s")} AS p FROM t WHERE CAST(CAST($kas_ipad AS VARCHAR) AS INTEGER) = 1`, key.sqlParams()).catch((e: Error) => e);
    expect(() => expectNoSecret((leak as Error).message, keyHex)).toThrow();
    // also for a key whose pad starts with a backslash (0x6A ^ 0x36), a quote (0x14, 0x11) or any byte
    for (const first of ["6a", "14", "11", "00", "ff"]) {
      const fixed = first + newHex().slice(2);
      const { key: k } = await keyFromEnv(fixed);
      const shown = await db.all(`SELECT ${pseudonymSql("s")} AS p FROM t WHERE CAST(CAST($kas_ipad AS VARCHAR) AS INTEGER) = 1`, k.sqlParams()).catch((e: Error) => e);
      expect(() => expectNoSecret((shown as Error).message, fixed), first).toThrow();
    }
  });

  it("shows no key bytes when the key or its SQL parameters are printed, serialised or inspected", async () => {
    const { keyHex, key } = await keyFromEnv();
    const params = key.sqlParams();
    const shown = [
      String(key),
      `${key}`,
      JSON.stringify(key),
      JSON.stringify({ key }),
      inspect(key),
      inspect(key, { showHidden: true, depth: 5 }),
      inspect(key, { customInspect: false, showHidden: true }),
      format("%s %o %O %j", key, key, key, key),
      JSON.stringify(params),
      inspect(params),
      String(params.kas_ipad),
      Object.keys(key).join(","),
      JSON.stringify(structuredClone(key))
    ];
    for (const text of shown) expectNoSecret(text, keyHex);
    expect(String(key)).toBe("[kas pseudonymisation key]");
    expect(JSON.stringify({ key })).toBe('{"key":"[kas pseudonymisation key]"}');
    expect(inspect(key)).toBe("[kas pseudonymisation key]");
  });
});

describe("loadKey", () => {
  it("creates the default key file on first use, owner-only, in a directory it makes, and reuses it", async () => {
    const path = join(fresh(), "db", "kas.key");
    const first = await loadKey({ env: {}, defaultPath: path });
    expect(first.source).toBe("created");
    expect(first.path).toBe(path);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    const text = readFileSync(path, "utf8");
    expect(text).toMatch(/^[0-9a-f]{64}\n$/);
    expect(first.pseudonym("se:198112189876")).toBe(hmac64(text.trim(), "se:198112189876"));
    expect(readdirSync(join(path, ".."))).toEqual(["kas.key"]); // no temporary file left behind

    const second = await loadKey({ env: {}, defaultPath: path });
    expect(second.source).toBe("file");
    expect(second.pseudonym("se:198112189876")).toBe(first.pseudonym("se:198112189876"));
    expect(readFileSync(path, "utf8")).toBe(text);
  });

  it("creates one key when several loads race for the default path", async () => {
    const path = join(fresh(), "kas.key");
    const keys = await Promise.all(Array.from({ length: 12 }, () => loadKey({ env: {}, defaultPath: path })));
    const keyHex = readFileSync(path, "utf8").trim();
    expect(keys.filter((k) => k.source === "created")).toHaveLength(1);
    for (const k of keys) expect(k.pseudonym("p:00ff")).toBe(hmac64(keyHex, "p:00ff"));
    expect(readdirSync(join(path, ".."))).toEqual(["kas.key"]);
  });

  it("takes KAS_KEY over the default key file, and creates nothing then", async () => {
    const path = join(fresh(), "kas.key");
    await loadKey({ env: {}, defaultPath: path });
    const before = readFileSync(path, "utf8");
    const keyHex = newHex();
    const key = await loadKey({ env: { KAS_KEY: keyHex }, defaultPath: path });
    expect(key.source).toBe("env");
    expect(key.path).toBeNull();
    expect(key.pseudonym("x")).toBe(hmac64(keyHex, "x"));
    expect(key.pseudonym("x")).not.toBe(hmac64(before.trim(), "x"));
    expect(readFileSync(path, "utf8")).toBe(before);

    const other = join(fresh(), "kas.key");
    await loadKey({ env: { KAS_KEY: `${keyHex.toUpperCase()}\n` }, defaultPath: other });
    expect(existsSync(other)).toBe(false);
  });

  it("takes --key-file over KAS_KEY, accepting upper-case hex, a CRLF line end and a byte-order mark", async () => {
    const file = join(fresh(), "given.key");
    const keyHex = newHex();
    mkdirSync(join(file, ".."), { recursive: true });
    writeFileSync(file, `\ufeff${keyHex.toUpperCase()}\r\n`, { mode: 0o600 });
    const key = await loadKey({ keyFile: file, env: { KAS_KEY: newHex() }, defaultPath: join(fresh(), "kas.key") });
    expect(key.source).toBe("file");
    expect(key.path).toBe(file);
    expect(key.pseudonym("x")).toBe(hmac64(keyHex, "x"));
  });

  it("gives a check value that tells keys apart and shows nothing of the key", async () => {
    const a = await keyFromEnv();
    const again = await keyFromEnv(a.keyHex);
    const b = await keyFromEnv();
    expect(a.key.checkValue()).toMatch(/^[0-9a-f]{16}$/);
    expect(again.key.checkValue()).toBe(a.key.checkValue());
    expect(b.key.checkValue()).not.toBe(a.key.checkValue());
    expect(a.key.checkValue()).toBe(createHmac("sha256", Buffer.from(a.keyHex, "hex")).update("kas key check v1").digest("hex").slice(0, 16));
    expectNoSecret(a.key.checkValue(), a.keyHex);
  });

  it("refuses a --key-file that does not exist, and does not create it", async () => {
    const file = join(fresh(), "missing.key");
    const error = await loadKey({ keyFile: file, env: {}, defaultPath: join(fresh(), "kas.key") }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KeyError);
    expect((error as KeyError).code).toBe("key_file_missing");
    expect((error as KeyError).message).toContain(file);
    expect((error as KeyError).message).toContain("chmod 600");
    expect(existsSync(file)).toBe(false);
  });

  it.each([0o644, 0o640, 0o604, 0o660, 0o606].map((m) => [m.toString(8), m] as const))("refuses a key file with mode 0%s, and leaves it as it is", async (_, mode) => {
    for (const given of [true, false]) {
      const file = join(fresh(), "kas.key");
      const keyHex = newHex();
      mkdirSync(join(file, ".."), { recursive: true });
      writeFileSync(file, `${keyHex}\n`);
      chmodSync(file, mode);
      const error = await loadKey(given ? { keyFile: file, env: {}, defaultPath: join(fresh(), "kas.key") } : { env: {}, defaultPath: file }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(KeyError);
      expect((error as KeyError).code).toBe("key_file_open");
      expect((error as KeyError).message).toContain(`chmod 600 ${file}`);
      expectNoSecret(`${(error as Error).message}\n${(error as Error).stack}`, keyHex);
      expect(readFileSync(file, "utf8")).toBe(`${keyHex}\n`);
      expect(statSync(file).mode & 0o777).toBe(mode);
    }
  });

  const key = newHex();
  it.each([
    ["63 hex characters", key.slice(1)],
    ["65 hex characters", `${key}a`],
    ["a non-hex character", `${key.slice(0, 63)}g`],
    ["two keys", `${key}\n${key}\n`],
    ["an empty file", ""],
    ["a key with a space inside", `${key.slice(0, 32)} ${key.slice(32)}`],
    ["base64", Buffer.from(key, "hex").toString("base64")]
  ])("refuses a key file holding %s, and KAS_KEY holding the same", async (_, content) => {
    const file = join(fresh(), "bad.key");
    mkdirSync(join(file, ".."), { recursive: true });
    writeFileSync(file, content, { mode: 0o600 });
    const attempts = [
      () => loadKey({ keyFile: file, env: {}, defaultPath: join(fresh(), "kas.key") }),
      () => loadKey({ env: {}, defaultPath: file }),
      () => loadKey({ env: { KAS_KEY: content }, defaultPath: join(fresh(), "kas.key") })
    ];
    for (const attempt of attempts) {
      const error = await attempt().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(KeyError);
      expect((error as KeyError).code).toBe("key_invalid");
      expect((error as KeyError).message).toMatch(/64 hexadecimala tecken/);
      expectNoSecret(`${(error as Error).message}\n${(error as Error).stack}`, key);
      if (content.length >= 8) expect((error as Error).message).not.toContain(content.trim().slice(0, 8));
    }
    expect(readFileSync(file, "utf8")).toBe(content); // the default path is never overwritten
  });

  it("refuses a directory given as the key file", async () => {
    const path = fresh();
    mkdirSync(path, { recursive: true, mode: 0o700 });
    const error = await loadKey({ keyFile: path, env: {}, defaultPath: join(fresh(), "kas.key") }).catch((e: unknown) => e);
    expect((error as KeyError).code).toBe("key_file_unreadable");
  });

  // root reads any file, so the refusal can only be seen as another user
  it.skipIf(process.getuid?.() === 0)("refuses a key file it may not read", async () => {
    const file = join(fresh(), "locked.key");
    mkdirSync(join(file, ".."), { recursive: true });
    writeFileSync(file, `${newHex()}\n`, { mode: 0o600 });
    chmodSync(file, 0o000);
    const error = await loadKey({ keyFile: file, env: {}, defaultPath: join(fresh(), "kas.key") }).catch((e: unknown) => e);
    expect((error as KeyError).code).toBe("key_file_unreadable");
    expect((error as KeyError).message).toContain("EACCES");
  });

  it("reports a default key file that cannot be created, and leaves nothing behind", async () => {
    // a name that fits the file system's limit of 255 bytes while the temporary file's name does not
    const parent = fresh();
    const error = await loadKey({ env: {}, defaultPath: join(parent, `${"k".repeat(240)}.key`) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KeyError);
    expect((error as KeyError).code).toBe("key_create_failed");
    expect((error as KeyError).message).toContain("ENAMETOOLONG");
    expect((error as KeyError).message).toContain("--key-file");
    expect(readdirSync(parent)).toEqual([]);
  });

  it("refuses a default path that cannot be a file, without trying to create it", async () => {
    const blocker = join(fresh(), "not-a-dir");
    mkdirSync(join(blocker, ".."), { recursive: true });
    writeFileSync(blocker, "");
    const error = await loadKey({ env: {}, defaultPath: join(blocker, "kas.key") }).catch((e: unknown) => e);
    expect((error as KeyError).code).toBe("key_file_unreadable");
    expect((error as KeyError).message).toContain("ENOTDIR");
  });
});
