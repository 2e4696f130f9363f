// fsync, the one way kas makes a write survive a crash: of a file's bytes (an error there is an
// error: the bytes may not be on disk), or of a folder's entries (a rename or a new file is durable
// only once its folder is synced; best effort, as not every file system syncs folders).
import { closeSync, fsyncSync, openSync } from "node:fs";
import { dirname } from "node:path";

/** fsyncs a file's bytes; throws when they may not be on disk. */
export function fsyncFile(path: string): void {
  const fd = openSync(path, "r");
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** fsyncs a folder's entries, where the file system allows it. */
export function fsyncDir(dir: string): void {
  try {
    fsyncFile(dir);
  } catch {
    // not every file system lets a directory be opened or fsync'd
  }
}

/** fsyncs the folder that holds path: its new name or entry is durable after this. */
export function fsyncParent(path: string): void {
  fsyncDir(dirname(path));
}
