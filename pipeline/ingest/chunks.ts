// Files read and written in chunks, so that memory stays flat however large the file: the one pass of
// inspect.ts over an upload and the Windows-1252 transcoding of encoding.ts.
import { open, type FileHandle } from "node:fs/promises";

/** The read size unless told otherwise: 1 MiB. */
export const defaultChunk = 1024 * 1024;

/** The file's bytes in chunks of at most `size`, read into two buffers that take turns: the next read
 *  runs while the caller works on the current chunk, and memory stays flat however large the file.
 *  A chunk is valid until the caller asks for the next one. */
export async function* readChunks(path: string, size: number): AsyncGenerator<Buffer> {
  const file = await open(path, "r");
  const buffers = [Buffer.allocUnsafeSlow(size), Buffer.allocUnsafeSlow(size)];
  let turn = 0;
  let pending = file.read(buffers[0], 0, size, null);
  try {
    for (;;) {
      const { bytesRead } = await pending;
      if (bytesRead === 0) return;
      const chunk = buffers[turn].subarray(0, bytesRead);
      turn ^= 1;
      pending = file.read(buffers[turn], 0, size, null);
      yield chunk;
    }
  } finally {
    await pending.catch(() => undefined);
    await file.close();
  }
}

export async function writeAll(out: FileHandle, buf: Buffer): Promise<void> {
  for (let done = 0; done < buf.length; ) done += (await out.write(buf, done, buf.length - done)).bytesWritten;
}
