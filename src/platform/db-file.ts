// Is the SQLite file at this path still the database the server opened? Deleted, replaced
// (another device or inode) or overwritten in place (no SQLite header any more) means no: the
// server's open handle would go on reading and writing a file nobody will ever see again.
import fs from 'node:fs';

const HEADER = Buffer.from('SQLite format 3\0', 'latin1');

export function openedFileCheck(file: string): () => boolean {
  const opened = fs.statSync(file, { throwIfNoEntry: false });
  const header = Buffer.alloc(HEADER.length);
  return () => {
    const now = fs.statSync(file, { throwIfNoEntry: false });
    if (!opened || !now || now.dev !== opened.dev || now.ino !== opened.ino) return false;
    let fd: number | undefined;
    try {
      fd = fs.openSync(file, 'r');
      return fs.readSync(fd, header, 0, header.length, 0) === header.length && header.equals(HEADER);
    } catch {
      return false;
    } finally {
      if (fd !== undefined) fs.closeSync(fd);
    }
  };
}
