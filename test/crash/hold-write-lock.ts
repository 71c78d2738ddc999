// Child process of reads-beside-writer.test.ts: another process holding SQLite's write lock.
// Takes it (BEGIN IMMEDIATE plus a write), prints "held", keeps it for argv[3] ms, lets go and
// prints "released <epoch ms>" (taken just after the ROLLBACK).
import Database from 'better-sqlite3';

const [file, ms] = process.argv.slice(2) as [string, string];
const db = new Database(file);
db.exec('BEGIN IMMEDIATE');
db.exec('UPDATE "ContentVersion" SET version = version WHERE id = 1');
process.stdout.write('held\n');
setTimeout(() => {
  db.exec('ROLLBACK');
  process.stdout.write(`released ${Date.now()}\n`);
  db.close();
}, Number(ms));
