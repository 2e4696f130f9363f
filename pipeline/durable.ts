// fsync, the one way kas makes a write survive a crash: of a file's bytes, or of a folder's entries
// (a rename or a new file is durable only once its folder is synced).
import { closeSync, fsyncSync, openSync } from "node:fs";
import { dirname } from "node:path";

/** fsyncs a file or folder; best effort where a folder cannot be synced (some file systems). */
export function fsyncPath(path: string): void {
  let fd: number;
  try {
    fd = openSync(path, "r");
  } catch {
    return;
  }
  try {
    fsyncSync(fd);
  } catch {
    // not every file system lets a directory be fsync'd
  } finally {
    closeSync(fd);
  }
}

/** fsyncs the folder that holds path: its new name or entry is durable after this. */
export function fsyncParent(path: string): void {
  fsyncPath(dirname(path));
}
