// Files read and written in chunks, so that memory stays flat however large the file: the one pass of
// inspect.ts over an upload and the Windows-1252 transcoding of encoding.ts.
import { constants } from "node:fs";
import { open, type FileHandle } from "node:fs/promises";

/** The read size unless told otherwise: 1 MiB. */
export const defaultChunk = 1024 * 1024;

/** The file discovery listed (pipeline/ingest/discover.ts): the one that may be read under its name. */
export interface Expected {
  readonly dev: number;
  readonly ino: number;
  readonly size: number;
}

/** The name no longer names the file that was listed (swapped for a link or another file, or grown). */
export class FileChanged extends Error {
  override name = "FileChanged";
  readonly code = "ECHANGED";
  constructor(readonly path: string, what: string) {
    super(`${what}: ${path}`);
  }
}

/**
 * The file's bytes in chunks of at most `size`, read into two buffers that take turns: the next read
 * runs while the caller works on the current chunk, and memory stays flat however large the file.
 * A chunk is valid until the caller asks for the next one. A link is never followed (O_NOFOLLOW:
 * ELOOP), a FIFO never blocks the open (O_NONBLOCK); with `expected`, the open file must be the
 * regular file discovery saw (device, inode) and no more than its size is read.
 */
export async function* readChunks(path: string, size: number, expected?: Expected): AsyncGenerator<Buffer> {
  const file = await open(path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  const buffers = [Buffer.allocUnsafeSlow(size), Buffer.allocUnsafeSlow(size)];
  let turn = 0;
  let left = Infinity;
  let pending: Promise<{ bytesRead: number }> | null = null;
  try {
    if (expected) {
      const st = await file.stat();
      if (!st.isFile() || st.dev !== expected.dev || st.ino !== expected.ino) throw new FileChanged(path, "not the file that was listed");
      left = expected.size + 1; // one byte more tells a file that grew
    }
    const next = () => file.read(buffers[turn], 0, Math.min(size, left), null);
    pending = next();
    for (;;) {
      const { bytesRead } = await pending;
      if (bytesRead === 0) return;
      left -= bytesRead;
      if (expected && left === 0) throw new FileChanged(path, "larger than when it was listed");
      const chunk = buffers[turn].subarray(0, bytesRead);
      turn ^= 1;
      pending = next();
      yield chunk;
    }
  } finally {
    await pending?.catch(() => undefined);
    await file.close();
  }
}

export async function writeAll(out: FileHandle, buf: Buffer): Promise<void> {
  for (let done = 0; done < buf.length; ) done += (await out.write(buf, done, buf.length - done)).bytesWritten;
}
