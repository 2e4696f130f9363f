// The pseudonymisation key and the keyed pseudonym (contract §2, §8, §9). A plain hash of an identity
// number is reversed by enumerating the few tens of millions of valid numbers, so a pseudonym is an
// HMAC-SHA256 under a secret key that is kept outside the repository and the database.
//
// The HMAC is computed inside DuckDB, set-based: HMAC(K, m) = SHA256((K ⊕ opad) ‖ SHA256((K ⊕ ipad) ‖ m)).
// The two pad blocks reveal the key, so they travel only as prepared-statement parameters, never as
// SQL text (DuckDB quotes SQL text in its error messages), and print as a placeholder.
import { DuckDBBlobValue, type DuckDBValue } from "@duckdb/node-api";
import { createHash, createHmac, randomBytes } from "node:crypto";
import { constants } from "node:fs";
import { link, mkdir, open, unlink } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { inspect } from "node:util";
import { fsyncDir } from "../system/durable.js";
import { cliWords, type CliWords } from "../cli-words.js";
import type { Language } from "../contract/schema.js";

const hidden = "[kas pseudonymisation key]";
const block = 64; // SHA-256 block size in bytes
const keyHex = /^[0-9a-fA-F]{64}$/;
const createCommand = (path: string) =>
  `node -e "console.log(require('crypto').randomBytes(32).toString('hex'))" > ${shellQuote(path)}; chmod 600 ${shellQuote(path)}`;

/** A BLOB parameter that does not show its bytes when printed, inspected or serialised. */
class SecretBlob extends DuckDBBlobValue {
  override toString(): string {
    return "[kas key pad]";
  }
  toJSON(): string {
    return "[kas key pad]";
  }
  [inspect.custom](): string {
    return "[kas key pad]";
  }
}

export class PseudonymKey {
  readonly #bytes: Buffer;
  /** where the key came from: --key-file, KAS_KEY, or a key file created just now at the default path */
  readonly source: "file" | "env" | "created";
  /** the key file, or null for KAS_KEY */
  readonly path: string | null;

  constructor(bytes: Uint8Array, source: "file" | "env" | "created", path: string | null) {
    if (bytes.length < 32) throw new Error(`pseudonymisation key too short: ${bytes.length} bytes`);
    this.#bytes = Buffer.from(bytes);
    this.source = source;
    this.path = path;
  }

  /** SQL parameters for pseudonymSql: named params $kas_ipad and $kas_opad as BLOB values. */
  sqlParams(): Record<string, DuckDBValue> {
    // RFC 2104: a key longer than a block is hashed first; a shorter one is padded with zeros.
    const k = Buffer.alloc(block);
    (this.#bytes.length > block ? createHash("sha256").update(this.#bytes).digest() : this.#bytes).copy(k);
    const ipad = Buffer.alloc(block);
    const opad = Buffer.alloc(block);
    for (let i = 0; i < block; i++) {
      ipad[i] = k[i] ^ 0x36;
      opad[i] = k[i] ^ 0x5c;
    }
    return { kas_ipad: new SecretBlob(ipad), kas_opad: new SecretBlob(opad) };
  }

  /** Reference: the pseudonym of a normalised string, as the SQL computes it. */
  pseudonym(normalised: string): bigint {
    if (typeof normalised !== "string") throw new TypeError("pseudonym(): expected a string");
    return createHmac("sha256", this.#bytes).update(normalised, "utf8").digest().readBigUInt64BE(0);
  }

  /**
   * A check value of the key (16 hex digits of an HMAC of a fixed text, so it reveals nothing about the
   * key or any person): store it with the data to notice a run that was given a different key, whose
   * pseudonyms would silently fail to link to the stored ones.
   */
  checkValue(): string {
    return createHmac("sha256", this.#bytes).update("kas key check v1", "utf8").digest("hex").slice(0, 16);
  }

  toString(): string {
    return hidden;
  }
  toJSON(): string {
    return hidden;
  }
  [inspect.custom](): string {
    return hidden;
  }
}

/**
 * SQL expression: the keyed pseudonym (UBIGINT) of a SQL expression yielding the normalised string —
 * the first 8 bytes of HMAC-SHA256(key, UTF-8 of the string), big-endian. NULL stays NULL.
 * Run the statement with key.sqlParams() among its named parameters (DuckDB refuses unused named
 * parameters, so pass them only to statements that use this; positional $1 cannot be mixed in).
 */
export function pseudonymSql(expr: string): string {
  const inner = `sha256($kas_ipad || encode(CAST((${expr}) AS VARCHAR)))`;
  return `('0x' || left(sha256($kas_opad || unhex(${inner})), 16))::UBIGINT`;
}

/** A key that cannot be read or used; message in the network's language for users, code for machines. */
export class KeyError extends Error {
  constructor(
    readonly code: "key_file_missing" | "key_file_unreadable" | "key_file_open" | "key_invalid" | "key_create_failed",
    message: string
  ) {
    super(message);
    this.name = "KeyError";
  }
}

export interface LoadKeyOptions {
  /** --key-file: must exist; a key is never created at a path the user named */
  keyFile?: string;
  /** KAS_KEY is read from here (process.env in the CLI) */
  env: NodeJS.ProcessEnv;
  /** where a key is kept (and created on first use) when neither of the above is given, beside the database */
  defaultPath: string;
  /** the messages' language (the network's; Swedish when absent) */
  language?: Language;
}

type KeyWords = CliWords["key"];

/** The key from --key-file, else KAS_KEY, else the default key file, created on first use. */
export async function loadKey(options: LoadKeyOptions): Promise<PseudonymKey> {
  const k = cliWords(options.language).key;
  if (options.keyFile !== undefined) {
    const path = resolve(options.keyFile);
    const bytes = await readKeyFile(path, "--key-file", k);
    if (bytes === null) throw new KeyError("key_file_missing", k.missing(path, createCommand(path)));
    return new PseudonymKey(bytes, "file", path);
  }
  const fromEnv = options.env.KAS_KEY;
  if (fromEnv !== undefined) return new PseudonymKey(parseKey(fromEnv, k.env, null, k), "env", null);

  const path = resolve(options.defaultPath);
  const existing = await readKeyFile(path, "default", k);
  if (existing !== null) return new PseudonymKey(existing, "file", path);
  const created = await createKeyFile(path, k);
  return new PseudonymKey(created.bytes, created.created ? "created" : "file", path);
}

/** The key bytes of a key file, or null if there is no file. Checks that only the owner can read it. */
async function readKeyFile(path: string, origin: "--key-file" | "default", k: KeyWords): Promise<Buffer | null> {
  let handle;
  try {
    // O_NONBLOCK: a FIFO at the path must not hang the run (it is refused below, as not a regular file).
    handle = await open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? k.unknownError;
    if (code === "ENOENT") return null;
    throw new KeyError("key_file_unreadable", k.unopenable(path, code, origin === "--key-file"));
  }
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) {
      throw new KeyError("key_file_unreadable", k.notAFile(path));
    }
    // Windows has no Unix permission bits (stat reports 0666); there the folder's ACL protects the key.
    if (process.platform !== "win32" && (stat.mode & 0o077) !== 0) {
      const mode = (stat.mode & 0o777).toString(8).padStart(4, "0");
      throw new KeyError("key_file_open", k.open(path, mode, `chmod 600 ${shellQuote(path)}`));
    }
    // A key file is a line of 64 characters; reading a little more is enough to tell it is not one.
    const buffer = Buffer.alloc(256);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    // UTF-8, so that the byte-order mark an editor may add is trimmed away like other whitespace
    return parseKey(buffer.subarray(0, bytesRead).toString("utf8"), k.file(path), path, k);
  } finally {
    await handle.close();
  }
}

/** The 32 key bytes of 64 hex characters (surrounding whitespace allowed); never echoes the text. */
function parseKey(text: string, what: string, path: string | null, k: KeyWords): Buffer {
  const s = text.trim();
  if (keyHex.test(s)) return Buffer.from(s, "hex");
  const found = s.length === 0 ? k.empty : /^[0-9a-fA-F]*$/.test(s) ? k.hexChars(s.length) : k.otherChars;
  throw new KeyError("key_invalid", k.invalid(what, found, path === null ? k.createEnv : k.createFile(createCommand(path))));
}

/**
 * Creates a key file at path, atomically: the key is written and synced to a private temporary file
 * that is then hard-linked to path, which fails rather than overwrite a key that another process
 * created at the same time — that key is used instead.
 */
async function createKeyFile(path: string, k: KeyWords): Promise<{ bytes: Buffer; created: boolean }> {
  const dir = dirname(path);
  const bytes = randomBytes(32);
  const temp = `${path}.${process.pid}.${randomBytes(6).toString("hex")}.tmp`;
  try {
    await mkdir(dir, { recursive: true, mode: 0o700 });
    const handle = await open(temp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o600);
    try {
      await handle.chmod(0o600); // the umask can only remove bits; this also restores a missing owner-read
      await handle.writeFile(`${bytes.toString("hex")}\n`);
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch (e) {
    await unlink(temp).catch(() => undefined);
    throw createFailed(path, e, k);
  }
  try {
    await link(temp, path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "EEXIST") {
      await unlink(temp).catch(() => undefined);
      throw createFailed(path, e, k);
    }
    await unlink(temp).catch(() => undefined);
    const other = await readKeyFile(path, "default", k);
    if (other === null) throw createFailed(path, e, k);
    return { bytes: other, created: false };
  }
  await unlink(temp).catch(() => undefined);
  fsyncDir(dir);
  return { bytes, created: true };
}

function createFailed(path: string, e: unknown, k: KeyWords): KeyError {
  return new KeyError("key_create_failed", k.createFailed(path, (e as NodeJS.ErrnoException).code ?? k.unknownError, createCommand(path)));
}

/** A path quoted for a POSIX shell, for the commands the messages suggest. */
function shellQuote(path: string): string {
  return /^[\w./:@%+=,-]+$/.test(path) ? path : `'${path.replaceAll("'", `'\\''`)}'`;
}
