// Is the SQLite file at this path still the database the server opened? Deleted or replaced
// (another device or inode) means no: the server's open handle would go on reading and writing
// a file nobody will ever see again.
//
// Only stat(): the file itself must never be opened and closed here. SQLite's locks are POSIX
// advisory locks, which a process loses on a file when it closes ANY descriptor of that file, so
// a check that read the header would let another process write at the same time and corrupt it.
import fs from 'node:fs';

export function openedFileCheck(file: string): () => boolean {
  const opened = fs.statSync(file, { throwIfNoEntry: false });
  return () => {
    const now = fs.statSync(file, { throwIfNoEntry: false });
    return Boolean(opened && now && now.dev === opened.dev && now.ino === opened.ino);
  };
}
